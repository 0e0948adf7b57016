import {
  describeRecurrence,
  type Recurrence as ApiRecurrence,
} from '../../../../src/reception/domain/recurrence';
import {
  monthItems,
  monthWeeks,
  publicStatusText,
  recurrenceWords,
  shiftMonth,
  type Recurrence,
  type Session,
} from './reception-model';

const session = (patch: Partial<Session>): Session => ({
  id: 's1',
  unitId: 'u1',
  scheduleId: null,
  kind: 'periodic',
  mode: 'direct',
  place: null,
  onlineUrl: null,
  date: '2027-01-14',
  startTime: '07:30',
  endTime: '11:30',
  nominalDate: null,
  movedReason: null,
  originalDate: null,
  originalStartTime: null,
  receiverName: 'Nguyễn Văn Hùng',
  receiverTitle: null,
  officers: [],
  topics: null,
  publicNote: null,
  status: 'scheduled',
  statusReason: null,
  sequence: 0,
  publishedOn: '2026-12-01',
  postingDue: null,
  postedLate: false,
  calendarConflict: false,
  conflictReason: null,
  suggestedDate: null,
  version: 1,
  ...patch,
});

describe('the reception screens’ rules', () => {
  it('says a recurrence in the same Vietnamese words as the API', () => {
    const all: Recurrence[] = [
      { type: 'weekly', weekdays: [2] },
      { type: 'weekly', weekdays: [4, 2] },
      { type: 'monthly_day', day: 15 },
      { type: 'monthly_weekday', week: 2, weekday: 4 },
      { type: 'monthly_weekday', week: -1, weekday: 5 },
    ];
    for (const r of all) expect(recurrenceWords(r)).toBe(describeRecurrence(r as ApiRecurrence));
    expect(recurrenceWords({ type: 'monthly_weekday', week: 2, weekday: 4 })).toBe(
      'thứ Năm tuần thứ hai hằng tháng',
    );
  });

  it('lays a month out Monday first', () => {
    const weeks = monthWeeks('2027-02'); // 1 Feb 2027 is a Monday, 28 days
    expect(weeks).toHaveLength(4);
    expect(weeks[0][0]).toBe('2027-02-01');
    expect(monthWeeks('2026-12')[0].slice(0, 2)).toEqual([null, '2026-12-01']); // a Tuesday
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
  });

  it('shows a moved, a postponed and a flagged session distinctly, and marks the days they left', () => {
    const items = monthItems(
      [
        session({ id: 'moved', date: '2027-02-22', nominalDate: '2027-02-11', movedReason: 'Tết Âm lịch' }),
        session({
          id: 'later',
          date: '2027-01-21',
          status: 'postponed',
          originalDate: '2027-01-14',
          statusReason: 'Lãnh đạo họp đột xuất',
        }),
        session({ id: 'flag', date: '2027-01-28', calendarConflict: true, conflictReason: 'Nghỉ bù' }),
      ],
      [{ nominalDate: '2027-01-07', reason: 'weekend' }],
      '2027-01',
    );
    expect(items.get('2027-01-21')?.[0]).toMatchObject({
      tone: 'postponed',
      note: 'Lịch mới (hoãn từ Thứ Năm, 14/01/2027). Lý do: Lãnh đạo họp đột xuất.',
    });
    expect(items.get('2027-01-14')?.[0]).toMatchObject({
      type: 'moved-away',
      note: 'Hoãn, chuyển sang 21/01/2027. Lý do: Lãnh đạo họp đột xuất.',
    });
    expect(items.get('2027-01-28')?.[0]).toMatchObject({ tone: 'conflict' });
    expect(items.get('2027-01-07')?.[0]).toMatchObject({
      type: 'skipped',
      note: 'Bỏ buổi: ngày nghỉ cuối tuần.',
    });
    // Outside the month: not drawn.
    expect(items.has('2027-02-22')).toBe(false);
    const feb = monthItems(
      [session({ id: 'moved', date: '2027-02-22', nominalDate: '2027-02-11', movedReason: 'Tết Âm lịch' })],
      [],
      '2027-02',
    );
    expect(feb.get('2027-02-22')?.[0]).toMatchObject({
      tone: 'moved',
      note: 'Dời từ 11/02/2027 do Tết Âm lịch.',
    });
    expect(feb.get('2027-02-11')?.[0]).toMatchObject({
      type: 'moved-away',
      note: 'Dời sang 22/02/2027 do Tết Âm lịch.',
    });
  });

  it('says the status as the public calendar does', () => {
    expect(publicStatusText(session({ status: 'cancelled', statusReason: 'Lãnh đạo đi công tác' }))).toBe(
      'Đã hủy. Lý do: Lãnh đạo đi công tác.',
    );
    expect(publicStatusText(session({}))).toBe('Theo lịch.');
  });
});
