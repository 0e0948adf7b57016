import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { foldVietnamese } from '../../src/common/domain/vietnamese-text.js';

/**
 * Marker strings for leak tests (issue #7): a denouncer whose every identifying string is unique to the
 * run, and a search for them in any text — verbatim, folded (no diacritics, no case) and compact (no
 * spaces or punctuation either, so "0903 123 401" or "079.301.009.901" still count).
 */
export interface Denouncer {
  fullName: string;
  address: string;
  idNumber: string;
  phone: string;
  email: string;
}

/** Eight random consonants: long enough never to occur by chance in megabytes of dumps. */
function token(): string {
  const alphabet = 'bcdfghklmnpqrstvxz';
  return Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('');
}
const capital = (s: string) => s[0].toUpperCase() + s.slice(1);
const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join('');

export interface MarkedDenouncer extends Denouncer {
  /** The random word in each of the name, the address and the e-mail: any fragment of them is a leak. */
  tokens: { fullName: string; address: string; email: string };
}

export function markedDenouncer(): MarkedDenouncer {
  const tokens = { fullName: token(), address: token(), email: token() };
  return {
    fullName: `Đặng Thị Kiều ${capital(tokens.fullName)}`,
    address: `Số ${randomInt(10, 99)} hẻm ${capital(tokens.address)}, phường Tân Định, tỉnh Đồng Nai`,
    idNumber: `0${digits(11)}`,
    phone: `09${digits(8)}`,
    email: `${tokens.email}.kieu@thu-nghiem.vn`,
    tokens,
  };
}

export interface Needle {
  /** Whose marker (a letter's key). */
  owner: string;
  /** `fullName`, `idNumber`…, or `fullName~` for the random word of the name alone. */
  field: string;
  value: string;
  folded: string;
  compact: string;
}

const compactOf = (text: string) => foldVietnamese(text).replace(/ /g, '');

export function needlesOf(owner: string, person: MarkedDenouncer): Needle[] {
  const whole = (['fullName', 'address', 'idNumber', 'phone', 'email'] as const).map((field) => ({
    field: field as string,
    value: person[field],
  }));
  const fragments = (['fullName', 'address', 'email'] as const).map((field) => ({
    field: `${field}~`,
    value: person.tokens[field],
  }));
  // A telephone number is often written with the national prefix instead of the leading 0.
  const international = { field: 'phone+84', value: `+84${person.phone.slice(1)}` };
  return [...whole, international, ...fragments].map(({ field, value }) => ({
    owner,
    field,
    value,
    folded: foldVietnamese(value),
    compact: compactOf(value),
  }));
}

export interface Hit {
  needle: Needle;
  form: 'verbatim' | 'folded' | 'compact';
  around: string;
}

/** Every needle found in the text, with the form it was found in and a little text around it. */
export function findMarkers(text: string, needles: readonly Needle[]): Hit[] {
  if (!text) return [];
  const folded = foldVietnamese(text);
  const compact = folded.replace(/ /g, '');
  const hits: Hit[] = [];
  const around = (haystack: string, at: number, length: number) =>
    haystack.slice(Math.max(0, at - 60), at + length + 60).replace(/\s+/g, ' ');
  for (const needle of needles) {
    let at = text.indexOf(needle.value);
    if (at >= 0) {
      hits.push({ needle, form: 'verbatim', around: around(text, at, needle.value.length) });
      continue;
    }
    at = folded.indexOf(needle.folded);
    if (at >= 0) {
      hits.push({ needle, form: 'folded', around: around(folded, at, needle.folded.length) });
      continue;
    }
    at = compact.indexOf(needle.compact);
    if (at >= 0) hits.push({ needle, form: 'compact', around: around(compact, at, needle.compact.length) });
  }
  return hits;
}

export const describeHit = (h: Hit) => `${h.needle.owner}.${h.needle.field} (${h.form}) «${h.around}»`;

/** A value as text, both ways a byte column could hold text. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Buffer.isBuffer(value)) return `${value.toString('utf8')}\n${value.toString('latin1')}`;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Every cell of every table of the current database: `table.column[id]` → text. */
export async function* databaseCells(dataSource: DataSource): AsyncGenerator<[string, string]> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  for (const { name } of tables) {
    const rows: Record<string, unknown>[] = await dataSource.query(`SELECT * FROM \`${name}\``);
    for (const [i, row] of rows.entries()) {
      const id = row.id ?? row.letter_id ?? i;
      for (const [column, value] of Object.entries(row)) {
        yield [`${name}.${column}[${cellText(id).slice(0, 36)}]`, cellText(value)];
      }
    }
  }
}

/** Every key under a prefix with its value(s) as text: strings, hashes, lists, sets, sorted sets, streams. */
export async function redisDump(redis: Redis, pattern: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      let value: unknown;
      if (type === 'string') value = await redis.getBuffer(key);
      else if (type === 'hash') value = await redis.hgetall(key);
      else if (type === 'list') value = await redis.lrange(key, 0, -1);
      else if (type === 'set') value = await redis.smembers(key);
      else if (type === 'zset') value = await redis.zrange(key, 0, -1, 'WITHSCORES');
      else if (type === 'stream') value = await redis.xrange(key, '-', '+');
      else value = `(${type})`;
      out.set(key, `${key}\n${cellText(value)}`);
    }
  } while (cursor !== '0');
  return out;
}

/** Every file under a folder (recursively): path → its bytes as text (UTF-8 and Latin-1). */
export function filesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      for (const [p, text] of filesUnder(path)) out.set(p, text);
    } else {
      out.set(path, `${path}\n${cellText(readFileSync(path))}`);
    }
  }
  return out;
}

/** The cell values of every sheet of an XLSX file, one line per row. */
export async function xlsxText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const lines: string[] = [];
  workbook.eachSheet((sheet) => {
    lines.push(`# ${sheet.name}`);
    sheet.eachRow((row) => lines.push(JSON.stringify(row.values)));
  });
  return lines.join('\n');
}
