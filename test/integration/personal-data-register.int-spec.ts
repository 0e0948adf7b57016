import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { databaseOptions } from '../../src/database/database-options.js';
import { testConfig } from '../support/env.js';

/**
 * A column whose name looks like personal data: names, addresses, numbers, contacts, free texts, sealed
 * envelopes and their keys, blind indexes, file names.
 */
const LOOKS_PERSONAL =
  /(name|address|id_number|phone|email|ciphertext|wrapped_key|_index$|subject|content|summary|note|file_name|birth|relationship|forwarded_by|earlier_handling|follow_up|guidance_body|transfer_body|reason|title|description|text)/;

/** The `table.column` names in backticks in a section of docs/personal-data.md. */
function listed(markdown: string, heading: string): Set<string> {
  const start = markdown.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`docs/personal-data.md has no section "${heading}"`);
  const end = markdown.indexOf('\n## ', start + 3);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  return new Set([...section.matchAll(/`([a-z_]+\.[a-z_]+)`/g)].map((m) => m[1]));
}

/** The processing register (docs/personal-data.md) against the schema the migrations build. */
describe('the personal-data processing register', () => {
  let columns: string[];
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'personal-data.md'), 'utf8');
  const register = listed(doc, 'Register');
  const none = listed(doc, 'Columns that hold no personal data');

  beforeAll(async () => {
    // No application: the schema the migrations built in this worker's database is enough.
    const ds = await new DataSource({ ...databaseOptions(testConfig()), poolSize: 1 }).initialize();
    try {
      const rows: Array<{ t: string; c: string }> = await ds.query(
        `SELECT table_name AS t, column_name AS c FROM information_schema.columns
         WHERE table_schema = DATABASE() AND table_name <> 'migrations'`,
      );
      columns = rows.map((r) => `${r.t}.${r.c}`);
    } finally {
      await ds.destroy();
    }
  });

  it('lists every column that looks like personal data, either in the register or as holding none', () => {
    const unlisted = columns.filter(
      (c) => LOOKS_PERSONAL.test(c.split('.')[1]) && !register.has(c) && !none.has(c),
    );
    expect(unlisted).toEqual([]);
  });

  it('lists no column twice and none that does not exist', () => {
    expect([...register].filter((c) => none.has(c))).toEqual([]);
    const existing = new Set(columns);
    expect([...register, ...none].filter((c) => !existing.has(c))).toEqual([]);
  });

  it('gives each register row a purpose, a basis, readers and a retention', () => {
    const start = doc.indexOf('## Register');
    const rows = doc
      .slice(start, doc.indexOf('\n## ', start + 3))
      .split('\n')
      .filter((l) => /^\| `[a-z_]+\.[a-z_]+`/.test(l));
    expect(rows.length).toBe(register.size);
    for (const row of rows) {
      const cells = row
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      expect(cells).toHaveLength(6);
      expect(cells.every((c) => c.length > 0)).toBe(true);
    }
  });
});
