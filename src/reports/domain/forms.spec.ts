import {
  columnDepth,
  FORM_01_TCD,
  FORM_CODES,
  FORMS,
  formByCode,
  isGroup,
  leafColumns,
  type Column,
  type ReportForm,
} from './forms.js';

function everyColumn(columns: readonly Column[]): Column[] {
  return columns.flatMap((c) => (isGroup(c) ? [c, ...everyColumn(c.children)] : [c]));
}

/** Heading paths of the leaves, e.g. "Tiếp thường xuyên / Số vụ việc / Tiếp lần đầu". */
function paths(columns: readonly Column[], prefix: string[] = []): string[] {
  return columns.flatMap((c) =>
    isGroup(c) ? paths(c.children, [...prefix, c.vi]) : [[...prefix, c.vi].join(' / ')],
  );
}

describe('forms', () => {
  it('are the five KN/TC forms of TT 06/2025, in order, found by code', () => {
    expect(FORMS.map((f) => f.code)).toEqual([...FORM_CODES]);
    expect(FORM_CODES).toEqual(['01/TCD', '02/XLD', '03/GQKN', '04/GQTC', '05/KQTH']);
    expect(formByCode('03/GQKN')?.title.vi).toBe('Tổng hợp kết quả giải quyết khiếu nại');
    expect(formByCode('06/QLKNTC')).toBeUndefined();
  });

  it.each(FORMS.map((f) => [f.code, f] as [string, ReportForm]))(
    '%s: unique keys, headings in both languages, no empty group, all UNCONFIRMED',
    (_, form) => {
      const keys = leafColumns(form.columns).map((l) => l.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of keys) expect(key).toMatch(/^[a-z_]+(\.[a-z_]+)*$/);
      for (const c of everyColumn(form.columns)) {
        expect(c.vi.trim()).not.toBe('');
        expect(c.en.trim()).not.toBe('');
        expect(c.unconfirmed).toBe(true);
        if (isGroup(c)) expect(c.children.length).toBeGreaterThan(0);
      }
      expect(form.unconfirmed).toBe(true);
      expect(form.name.vi).toBe(`Biểu số ${form.code}`);
    },
  );

  it('01/TCD has the column structure of legal-reference §9', () => {
    const p = paths(FORM_01_TCD.columns);
    expect(p).toEqual(
      expect.arrayContaining([
        'Tổng số / Lượt tiếp',
        'Tổng số / Người được tiếp',
        'Tổng số / Vụ việc',
        'Tiếp thường xuyên / Số lượt',
        'Tiếp thường xuyên / Số vụ việc / Tiếp lần đầu',
        'Tiếp thường xuyên / Số vụ việc / Tiếp nhiều lần',
        'Tiếp thường xuyên / Đoàn đông người / Số đoàn',
        'Tiếp thường xuyên / Đoàn đông người / Số vụ việc / Tiếp nhiều lần',
        'Tiếp định kỳ và đột xuất của Thủ trưởng / Thủ trưởng tiếp / Số kỳ tiếp',
        'Tiếp định kỳ và đột xuất của Thủ trưởng / Ủy quyền tiếp / Đoàn đông người / Số người',
        'Phân loại vụ việc theo nội dung / Kiến nghị, phản ánh',
      ]),
    );
    expect(columnDepth(FORM_01_TCD.columns)).toBe(5);
    expect(leafColumns(FORM_01_TCD.columns)).toHaveLength(3 + 8 + 2 * 9 + 3);
  });

  it('02–05 carry the counters the brief lists', () => {
    const all = (code: string) => paths(formByCode(code)!.columns).join('\n');
    expect(all('02/XLD')).toContain('Số đơn / Kỳ trước chuyển sang');
    expect(all('02/XLD')).toContain(
      'Phân loại đơn / Đủ điều kiện xử lý / Theo thẩm quyền / Không thuộc thẩm quyền',
    );
    for (const r of ['Thụ lý giải quyết', 'Hướng dẫn', 'Chuyển đơn', 'Trả lại đơn', 'Lưu đơn']) {
      expect(all('02/XLD')).toContain(`Kết quả xử lý / ${r}`);
    }
    expect(all('03/GQKN')).toContain('Đã giải quyết / Khiếu nại đúng một phần');
    expect(all('03/GQKN')).toContain(
      'Thời hạn giải quyết (vụ việc đã giải quyết) / Theo chỉ tiêu nội bộ / Quá hạn',
    );
    expect(all('04/GQTC')).toContain('Đã giải quyết / Tố cáo sai');
    expect(all('04/GQTC')).toContain('Rút tố cáo, đình chỉ / Rút tố cáo');
    expect(all('04/GQTC')).toContain('Rút tố cáo, đình chỉ / Đình chỉ giải quyết');
    expect(all('05/KQTH')).toContain('Kết luận nội dung tố cáo / Vướng mắc');
    // 03 and 04 share their keys, so one query shape serves both.
    expect(leafColumns(formByCode('03/GQKN')!.columns).map((l) => l.key)).toEqual(
      leafColumns(formByCode('04/GQTC')!.columns).map((l) => l.key),
    );
  });
});
