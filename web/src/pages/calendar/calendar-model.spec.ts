import {
  entryName,
  importMessage,
  importProblem,
  monthGrid,
  moveFocus,
  sourceLabel,
  splitEntryName,
  type ListedDay,
} from './calendar-model';

describe('calendar year view model', () => {
  it('lays a month out in Monday-first weeks with weekends and listed days', () => {
    const listed = new Map<string, ListedDay>([
      [
        '2027-02-08',
        {
          date: '2027-02-08',
          status: 'day_off',
          kind: 'day_off',
          name: 'Tết',
          source: 'computed',
          working: false,
        },
      ],
    ]);
    const weeks = monthGrid(2027, 2, listed);
    // 1 Feb 2027 is a Monday; February 2027 has 28 days: exactly four weeks.
    expect(weeks).toHaveLength(4);
    expect(weeks[0][0]).toMatchObject({ date: '2027-02-01', status: 'working' });
    expect(weeks[0][5]).toMatchObject({ date: '2027-02-06', status: 'rest' });
    expect(weeks[1][0]).toMatchObject({ date: '2027-02-08', status: 'day_off', listed: { name: 'Tết' } });
    // March 2027 starts on a Monday too; January starts on a Friday (four cells of padding).
    expect(
      monthGrid(2027, 1, new Map())[0]
        .slice(0, 5)
        .map((d) => d?.date ?? null),
    ).toEqual([null, null, null, null, '2027-01-01']);
  });

  it('moves the focus by day, week, month and week end, within the year', () => {
    expect(moveFocus('2027-01-31', 'ArrowRight', 2027)).toBe('2027-02-01');
    expect(moveFocus('2027-03-03', 'ArrowUp', 2027)).toBe('2027-02-24');
    expect(moveFocus('2027-01-31', 'PageDown', 2027)).toBe('2027-02-28');
    expect(moveFocus('2027-06-02', 'Home', 2027)).toBe('2027-05-31');
    expect(moveFocus('2027-06-02', 'End', 2027)).toBe('2027-06-06');
    expect(moveFocus('2027-01-01', 'ArrowLeft', 2027)).toBe('2027-01-01');
    expect(moveFocus('2027-12-30', 'ArrowDown', 2027)).toBe('2027-12-31');
    expect(moveFocus('2027-05-05', 'a', 2027)).toBeNull();
  });

  it('names where a day comes from', () => {
    const names = new Map([['u-1', 'Sở Giáo dục']]);
    expect(sourceLabel('computed', 'national', names)).toMatch(/tạm tính/);
    expect(sourceLabel('national', 'national', names)).toBe('Đặt tại phạm vi này');
    expect(sourceLabel('national', 'u-2', names)).toBe('Kế thừa từ lịch quốc gia');
    expect(sourceLabel('u-1', 'u-2', names)).toBe('Kế thừa từ Sở Giáo dục');
  });

  it('keeps the legal basis in the entry name and reads it back', () => {
    const name = entryName(' Ngày Văn hóa Việt Nam ', 'TB 12/TB-BNV');
    expect(name).toBe('Ngày Văn hóa Việt Nam (căn cứ: TB 12/TB-BNV)');
    expect(splitEntryName(name)).toEqual({ reason: 'Ngày Văn hóa Việt Nam', legalBasis: 'TB 12/TB-BNV' });
    expect(splitEntryName('Tết')).toEqual({ reason: 'Tết', legalBasis: '' });
  });

  it('reads the import’s row-by-row errors', () => {
    expect(importProblem('rows[3].DTSTART')).toEqual({ row: 3, column: 'DTSTART' });
    expect(importProblem('name')).toBeNull();
    expect(importMessage('2028-01-01 is not in 2027')).toBe('ngày không thuộc năm 2027');
  });
});
