// The committed lunar table must be exactly what the generator derives from @dqcai/vn-lunar today.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  LUNAR_TABLE,
  LUNAR_TABLE_FIRST_YEAR,
  LUNAR_TABLE_LAST_YEAR,
} from '../src/calendar/domain/lunar-table';

const root = path.resolve(__dirname, '..');
const generator = path.join(root, 'scripts', 'generate-lunar-table.mjs');
const tablePath = path.join(root, 'src', 'calendar', 'domain', 'lunar-table.ts');

interface VnLunar {
  getSolarDate(day: number, month: number, year: number): { day: number; month: number; year: number };
}

const iso = (d: { day: number; month: number; year: number }): string =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

describe('lunar table (Vietnamese lunar calendar, UTC+7)', () => {
  it('covers every year from 2020 to 2060 once, in order', () => {
    expect(LUNAR_TABLE_FIRST_YEAR).toBe(2020);
    expect(LUNAR_TABLE_LAST_YEAR).toBe(2060);
    expect(LUNAR_TABLE.map(([year]) => year)).toEqual(Array.from({ length: 41 }, (_, i) => 2020 + i));
  });

  it.each([
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2030, '2030-02-02'], // the Chinese (UTC+8) new year is 2030-02-03
  ])('Lunar New Year %i is %s', (year, tet) => {
    expect(LUNAR_TABLE.find(([y]) => y === year)?.[1]).toBe(tet);
  });

  it('Giỗ Tổ 2026 (10/3 lunar) is Sunday 2026-04-26', () => {
    expect(LUNAR_TABLE.find(([y]) => y === 2026)?.[2]).toBe('2026-04-26');
  });

  it('matches @dqcai/vn-lunar row by row', async () => {
    // ESM-only package (its CommonJS entry is broken): import() works under jest's --experimental-vm-modules.
    const lunar = (await import('@dqcai/vn-lunar')) as unknown as VnLunar;
    const derived = LUNAR_TABLE.map(([year]) => [
      year,
      iso(lunar.getSolarDate(1, 1, year)),
      iso(lunar.getSolarDate(10, 3, year)),
    ]);
    expect(derived).toEqual(LUNAR_TABLE.map((row) => [...row]));
  });

  it('the committed file is exactly the generator output', () => {
    const generated = execFileSync(process.execPath, [generator, '--stdout'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(generated).toBe(readFileSync(tablePath, 'utf8'));
  });
});
