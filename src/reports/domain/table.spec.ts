import { FORMS, type ReportForm } from './forms.js';
import { flatHeaders, formTable, headerRows, toCsvRows, type FormTable, type TableUnit } from './table.js';

const leaf = (key: string, vi: string) => ({
  key,
  vi,
  en: key,
  origin: 'reference' as const,
  unconfirmed: true,
});
const group = (vi: string, children: ReturnType<typeof leaf>[]) => ({
  vi,
  en: vi,
  children,
  unconfirmed: true,
});

// | Đơn vị | Tổng | Thường xuyên    | Thủ trưởng      |
// |        |      | Lượt  | Người   | Lượt  | Người   |
const twoLevel: ReportForm = {
  code: '01/TCD',
  name: { vi: 'Biểu số 01/TCD', en: 'Form 01/TCD' },
  title: { vi: 'Thử', en: 'Test' },
  legalBasis: 'test',
  unconfirmed: true,
  note: '',
  columns: [
    leaf('total', 'Tổng'),
    group('Thường xuyên', [leaf('regular.visits', 'Lượt'), leaf('regular.people', 'Người')]),
    group('Thủ trưởng', [leaf('head.visits', 'Lượt'), leaf('head.people', 'Người')]),
  ],
};

const unit = (id: string, depth: number): TableUnit => ({
  id,
  code: id.toUpperCase(),
  name: `Đơn vị ${id}`,
  depth,
});

describe('headerRows', () => {
  it('spans a two-level header', () => {
    const strip = (rows: ReturnType<typeof headerRows>) =>
      rows.map((r) =>
        r.map(({ vi, row, col, colSpan, rowSpan, key }) => ({ vi, row, col, colSpan, rowSpan, key })),
      );
    expect(strip(headerRows(twoLevel.columns))).toEqual([
      [
        { vi: 'Đơn vị', row: 0, col: 0, colSpan: 1, rowSpan: 2, key: undefined },
        { vi: 'Tổng', row: 0, col: 1, colSpan: 1, rowSpan: 2, key: 'total' },
        { vi: 'Thường xuyên', row: 0, col: 2, colSpan: 2, rowSpan: 1, key: undefined },
        { vi: 'Thủ trưởng', row: 0, col: 4, colSpan: 2, rowSpan: 1, key: undefined },
      ],
      [
        { vi: 'Lượt', row: 1, col: 2, colSpan: 1, rowSpan: 1, key: 'regular.visits' },
        { vi: 'Người', row: 1, col: 3, colSpan: 1, rowSpan: 1, key: 'regular.people' },
        { vi: 'Lượt', row: 1, col: 4, colSpan: 1, rowSpan: 1, key: 'head.visits' },
        { vi: 'Người', row: 1, col: 5, colSpan: 1, rowSpan: 1, key: 'head.people' },
      ],
    ]);
  });

  it.each(FORMS.map((f) => [f.code, f] as [string, ReportForm]))(
    '%s: the header cells tile the header grid exactly once, leaves reach the last row',
    (_, form) => {
      const t = formTable(form, []);
      const depth = t.header.length;
      const grid = Array.from({ length: depth }, () => new Array<number>(t.columnCount).fill(0));
      for (const c of t.header.flat()) {
        for (let r = c.row; r < c.row + c.rowSpan; r++)
          for (let k = c.col; k < c.col + c.colSpan; k++) grid[r][k]++;
        if (c.key !== undefined) expect(c.row + c.rowSpan).toBe(depth);
      }
      expect(grid.flat().every((n) => n === 1)).toBe(true);
      expect(
        t.header
          .flat()
          .filter((c) => c.key !== undefined)
          .sort((a, b) => a.col - b.col)
          .map((c) => c.key),
      ).toEqual(t.keys);
    },
  );
});

describe('formTable', () => {
  const table: FormTable = formTable(twoLevel, [
    { unit: unit('p', 0), values: { total: 6, 'regular.visits': 4, 'head.visits': 2, 'head.people': 3 } },
    { unit: unit('a', 1), values: { total: 4, 'regular.visits': 4 } },
    { unit: unit('b', 2), values: { 'head.people': 1 } },
    { unit: unit('q', 0), values: { total: 1 } },
  ]);

  it('puts values in leaf order, missing counters as 0, names indented by depth', () => {
    expect(table.keys).toEqual(['total', 'regular.visits', 'regular.people', 'head.visits', 'head.people']);
    expect(table.columnCount).toBe(6);
    expect(table.numbers).toEqual(['A', '1', '2', '3', '4', '5']);
    expect(table.body.map((r) => [r.label, ...r.cells])).toEqual([
      ['Đơn vị p', 6, 4, 0, 2, 3],
      ['  Đơn vị a', 4, 4, 0, 0, 0],
      ['    Đơn vị b', 0, 0, 0, 0, 1],
      ['Đơn vị q', 1, 0, 0, 0, 0],
    ]);
    expect(table.body[1].unit).toEqual({ id: 'a', code: 'A', name: 'Đơn vị a', depth: 1 });
  });

  it('totals the top-level rows (rolled-up input) by default, or every row', () => {
    expect(table.total).toEqual({ label: { vi: 'Tổng cộng', en: 'Total' }, cells: [7, 4, 0, 2, 3] });
    const own = formTable(
      twoLevel,
      [
        { unit: unit('a', 1), values: { total: 1 } },
        { unit: unit('b', 2), values: { total: 2 } },
      ],
      { total: 'all_rows' },
    );
    expect(own.total.cells).toEqual([3, 0, 0, 0, 0]);
    expect(formTable(twoLevel, [{ unit: unit('b', 2), values: { total: 2 } }]).total.cells[0]).toBe(2);
    expect(formTable(twoLevel, []).total.cells).toEqual([0, 0, 0, 0, 0]);
  });

  it('rejects a counter the form has no column for, and a non-finite value', () => {
    expect(() => formTable(twoLevel, [{ unit: unit('a', 0), values: { nope: 1 } }])).toThrow(
      expect.objectContaining({ code: 'REPORT_COUNTER_INVALID' }),
    );
    expect(() => formTable(twoLevel, [{ unit: unit('a', 0), values: { total: Infinity } }])).toThrow(
      expect.objectContaining({ code: 'REPORT_COUNTER_INVALID' }),
    );
  });

  it('rejects a malformed form', () => {
    const dup = { ...twoLevel, columns: [leaf('x', 'X'), leaf('x', 'Y')] };
    expect(() => formTable(dup, [])).toThrow(expect.objectContaining({ code: 'REPORT_FORM_INVALID' }));
    const empty = { ...twoLevel, columns: [group('G', [])] };
    expect(() => formTable(empty, [])).toThrow(expect.objectContaining({ code: 'REPORT_FORM_INVALID' }));
  });
});

describe('CSV', () => {
  it('flattens the headers with " / " and writes unit rows then the total', () => {
    const t = formTable(twoLevel, [
      { unit: unit('p', 0), values: { total: 6, 'regular.visits': 4 } },
      { unit: unit('a', 1), values: { total: 4 } },
    ]);
    expect(toCsvRows(t)).toEqual([
      [
        'Đơn vị',
        'Tổng',
        'Thường xuyên / Lượt',
        'Thường xuyên / Người',
        'Thủ trưởng / Lượt',
        'Thủ trưởng / Người',
      ],
      ['Đơn vị p', '6', '4', '0', '0', '0'],
      ['  Đơn vị a', '4', '0', '0', '0', '0'],
      ['Tổng cộng', '6', '4', '0', '0', '0'],
    ]);
    expect(toCsvRows(t, 'en')[0]).toEqual([
      'Unit',
      'total',
      'Thường xuyên / regular.visits',
      'Thường xuyên / regular.people',
      'Thủ trưởng / head.visits',
      'Thủ trưởng / head.people',
    ]);
  });

  it('flattens a deep header (01/TCD)', () => {
    const headers = flatHeaders(formTable(FORMS[0], []));
    expect(headers).toContain(
      'Tiếp định kỳ và đột xuất của Thủ trưởng / Thủ trưởng tiếp / Đoàn đông người / Số vụ việc / Tiếp lần đầu',
    );
    expect(headers[0]).toBe('Đơn vị');
    expect(new Set(headers).size).toBe(headers.length);
  });
});
