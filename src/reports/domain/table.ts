/**
 * A renderer-independent table model of a form: header rows with column and row spans (from the form's
 * column tree), one body row per unit, a total row. An XLSX adapter merges the header cells and indents
 * the unit names by depth; {@link toCsvRows} flattens it for CSV; JSON can serialise it as is.
 *
 * Escaping is the adapter's job: CSV output must neutralise text that starts like a formula
 * (`src/reception/book-export.ts` does it for the reception book).
 */
import { columnDepth, isGroup, leafColumns, type Column, type ReportForm } from './forms.js';
import type { Bilingual } from './periods.js';
import { reportInvalid } from './report-error.js';

export interface HeaderCell {
  vi: string;
  en: string;
  /** 0-based header row and column of the cell's top-left corner (column 0 is the unit column). */
  row: number;
  col: number;
  colSpan: number;
  rowSpan: number;
  /** The counter key of a leaf column; absent on groups and on the unit column. */
  key?: string;
}

export interface TableUnit {
  id: string;
  code: string;
  name: string;
  /** Depth in the unit tree (0 = top); the name is indented by it. */
  depth: number;
}

export interface TableInputRow {
  unit: TableUnit;
  values: Record<string, number>;
}

export interface BodyRow {
  unit: TableUnit;
  /** The unit's name indented by two spaces per level of depth. */
  label: string;
  /** Values in leaf order; a missing counter is 0. */
  cells: number[];
}

export interface FormTable {
  formCode: ReportForm['code'];
  name: Bilingual;
  title: Bilingual;
  unconfirmed: boolean;
  /** Leaf keys in column order (columns 1…n). */
  keys: string[];
  /** Total columns: the unit column plus one per leaf. */
  columnCount: number;
  /** Header rows, each with the cells that start on that row (cells spanning down appear once). */
  header: HeaderCell[][];
  /** Column numbers under the header: "A" for the unit column, then "1", "2", … */
  numbers: string[];
  body: BodyRow[];
  total: { label: Bilingual; cells: number[] };
}

export interface FormTableOptions {
  /**
   * Which rows the total adds up: `top_level` (default) — the rows at the shallowest depth, right when
   * the rows are rolled-up totals listed as a tree; `all_rows` — every row, right when they are own
   * counters of disjoint units.
   */
  total?: 'top_level' | 'all_rows';
}

const UNIT_HEADER: Bilingual = { vi: 'Đơn vị', en: 'Unit' };
const TOTAL_LABEL: Bilingual = { vi: 'Tổng cộng', en: 'Total' };

function countLeaves(column: Column): number {
  return isGroup(column) ? column.children.reduce((n, c) => n + countLeaves(c), 0) : 1;
}

/** Header rows of a column tree, with a unit column spanning all of them. */
export function headerRows(columns: readonly Column[]): HeaderCell[][] {
  const depth = columnDepth(columns);
  const rows: HeaderCell[][] = Array.from({ length: depth }, () => []);
  rows[0].push({ ...UNIT_HEADER, row: 0, col: 0, colSpan: 1, rowSpan: depth });
  const place = (list: readonly Column[], level: number, startCol: number) => {
    let col = startCol;
    for (const c of list) {
      if (isGroup(c)) {
        if (c.children.length === 0) {
          throw reportInvalid('REPORT_FORM_INVALID', 'form.columns', `group "${c.vi}" has no columns`);
        }
        const span = countLeaves(c);
        rows[level].push({ vi: c.vi, en: c.en, row: level, col, colSpan: span, rowSpan: 1 });
        place(c.children, level + 1, col);
        col += span;
      } else {
        rows[level].push({
          vi: c.vi,
          en: c.en,
          row: level,
          col,
          colSpan: 1,
          rowSpan: depth - level,
          key: c.key,
        });
        col += 1;
      }
    }
  };
  place(columns, 0, 1);
  return rows;
}

/**
 * Lays a form out for the given units.
 * @throws `REPORT_COUNTER_INVALID` for a value key the form has no column for or a non-finite value;
 *   `REPORT_FORM_INVALID` for a form whose leaf keys repeat or with an empty group
 */
export function formTable(
  form: ReportForm,
  rows: readonly TableInputRow[],
  options: FormTableOptions = {},
): FormTable {
  const keys = leafColumns(form.columns).map((l) => l.key);
  const position = new Map<string, number>();
  keys.forEach((k, i) => {
    if (position.has(k)) throw reportInvalid('REPORT_FORM_INVALID', 'form.columns', `duplicate key ${k}`);
    position.set(k, i);
  });
  const body: BodyRow[] = rows.map(({ unit, values }) => {
    const cells = new Array<number>(keys.length).fill(0);
    for (const [key, value] of Object.entries(values)) {
      const i = position.get(key);
      if (i === undefined) {
        throw reportInvalid(
          'REPORT_COUNTER_INVALID',
          `rows.${unit.id}.${key}`,
          `form ${form.code} has no such column`,
        );
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw reportInvalid('REPORT_COUNTER_INVALID', `rows.${unit.id}.${key}`, 'must be a finite number');
      }
      cells[i] = value;
    }
    return { unit, label: '  '.repeat(Math.max(0, unit.depth)) + unit.name, cells };
  });
  const top = body.reduce((d, r) => Math.min(d, r.unit.depth), Infinity);
  const counted = options.total === 'all_rows' ? body : body.filter((r) => r.unit.depth === top);
  const totals = new Array<number>(keys.length).fill(0);
  for (const r of counted) r.cells.forEach((v, i) => (totals[i] += v));
  return {
    formCode: form.code,
    name: form.name,
    title: form.title,
    unconfirmed: form.unconfirmed,
    keys,
    columnCount: keys.length + 1,
    header: headerRows(form.columns),
    numbers: ['A', ...keys.map((_, i) => String(i + 1))],
    body,
    total: { label: TOTAL_LABEL, cells: totals },
  };
}

/**
 * Leaf headings flattened to one line each: the group path joined with " / "
 * (e.g. "Tiếp thường xuyên / Số vụ việc / Tiếp lần đầu").
 */
export function flatHeaders(table: FormTable, lang: keyof Bilingual = 'vi'): string[] {
  const out = new Array<string>(table.columnCount).fill('');
  const path: (string | undefined)[] = [];
  // A column's heading path: the cell on each header row that covers the column.
  const cells = table.header.flat();
  for (let col = 0; col < table.columnCount; col++) {
    path.length = 0;
    for (const c of cells) if (c.col <= col && col < c.col + c.colSpan) path[c.row] = c[lang];
    out[col] = path.filter((p) => p !== undefined).join(' / ');
  }
  return out;
}

/** The table as CSV rows: one flattened header row, the unit rows, the total row. */
export function toCsvRows(table: FormTable, lang: keyof Bilingual = 'vi'): string[][] {
  return [
    flatHeaders(table, lang),
    ...table.body.map((r) => [r.label, ...r.cells.map(String)]),
    [table.total.label[lang], ...table.total.cells.map(String)],
  ];
}
