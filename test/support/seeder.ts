import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';

export type Values = Record<string, unknown>;

/**
 * Inserts rows with only the columns a test cares about: every other NOT NULL column without a default
 * gets a placeholder of its type (unique strings, so unique keys hold). Foreign keys are off on the
 * runner's connection: the seeded rows reference each other only where a report joins them.
 */
export class Seeder {
  private readonly required = new Map<string, { name: string; type: string; length: number | null }[]>();
  constructor(private readonly runner: QueryRunner) {}

  async insert(table: string, values: Values): Promise<void> {
    let required = this.required.get(table);
    if (!required) {
      const rows: { name: string; type: string; length: string | null }[] = await this.runner.query(
        `SELECT column_name AS name, data_type AS type, character_maximum_length AS length
         FROM information_schema.columns
         WHERE table_schema = DATABASE() AND table_name = ? AND is_nullable = 'NO'
           AND column_default IS NULL AND extra NOT LIKE '%auto_increment%'`,
        [table],
      );
      required = rows.map((r) => ({ ...r, length: r.length === null ? null : Number(r.length) }));
      this.required.set(table, required);
    }
    const all: Values = { ...values };
    for (const c of required) {
      if (c.name in all) continue;
      if (['char', 'varchar', 'text', 'mediumtext', 'longtext'].includes(c.type)) {
        all[c.name] = randomUUID()
          .replace(/-/g, '')
          .slice(0, Math.min(32, c.length ?? 32));
      } else if (c.type === 'date') all[c.name] = '2020-01-01';
      else if (c.type === 'datetime' || c.type === 'timestamp') all[c.name] = new Date();
      else if (c.type === 'time') all[c.name] = '08:00:00';
      else all[c.name] = 0;
    }
    // JSON columns are longtext with a json_valid check: placeholders must be JSON.
    const names = Object.keys(all);
    await this.runner.query(
      `INSERT INTO \`${table}\` (${names.map((n) => `\`${n}\``).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      names.map((n) => all[n]),
    );
  }
}
