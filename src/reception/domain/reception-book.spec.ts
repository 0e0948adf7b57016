import { nationalCalendar } from '../../calendar/domain/national-calendar.js';
import { CCCD_PATTERN, normalisePhone, PHONE_PATTERN } from '../../common/domain/vietnamese-format.js';
import {
  citizenProblems,
  MAU_03_COLUMNS,
  mau03Row,
  outcomeProblems,
  REFUSAL_GROUNDS,
  visitDeadlines,
  type BookVisit,
} from './reception-book.js';

const calendar = nationalCalendar();

describe('reception book rules', () => {
  it.each([
    ['001203004567', true],
    ['00120300456', false],
    ['0012030045678', false],
    ['00120300456a', false],
    [' 001203004567', false],
  ])('căn cước number %j valid: %s', (value, ok) => {
    expect(CCCD_PATTERN.test(value)).toBe(ok);
  });

  it.each([
    ['0912 345 678', true],
    ['+84.912.345.678', true],
    ['024 3825 1234', true],
    ['12345', false],
  ])('telephone %j valid: %s', (value, ok) => {
    expect(PHONE_PATTERN.test(normalisePhone(value))).toBe(ok);
  });

  it('checks each citizen: a 12-digit căn cước number given once, a Vietnamese telephone number', () => {
    expect(
      citizenProblems([
        { idNumber: '075203004567', phone: '0912 345 678' },
        { idNumber: '07520300456', phone: null },
        { idNumber: '075203004567', phone: '12345' },
      ]).map((p) => p.field),
    ).toEqual(['citizens[1].idNumber', 'citizens[2].idNumber', 'citizens[2].phone']);
  });

  it.each([
    [{ outcome: 'guided', guidanceBody: 'UBND xã X' }, []],
    [{ outcome: 'guided' }, ['guidanceBody']],
    [{ outcome: 'letter_received' }, []],
    [{ outcome: 'letter_received', transferBody: 'Sở Y' }, ['transferBody']],
    [{ outcome: 'transferred', transferBody: 'Sở Y' }, []],
    [{ outcome: 'refused' }, ['refusalGround']],
    [{ outcome: 'refused', refusalGround: 'ltcd_9_2_disorderly' }, []],
    [{ outcome: 'refused', refusalGround: 'no_such_ground' }, ['refusalGround']],
    [
      { outcome: 'guided', guidanceBody: 'UBND xã X', refusalGround: 'ltcd_9_2_disorderly' },
      ['refusalGround'],
    ],
  ] as const)('outcome %j → problems on %j', (facts, fields) => {
    expect(outcomeProblems({ visitDate: '2026-09-10', ...facts }).map((p) => p.field)).toEqual(fields);
  });

  it('the grounds of NĐ 154/2026 art. 4(1) do not exist before 1 July 2026', () => {
    const facts = { outcome: 'refused', refusalGround: 'nd154_weapons' } as const;
    expect(outcomeProblems({ visitDate: '2026-06-30', ...facts })).toEqual([
      expect.objectContaining({ field: 'refusalGround', message: expect.stringContaining('2026-07-01') }),
    ]);
    expect(outcomeProblems({ visitDate: '2026-07-01', ...facts })).toEqual([]);
  });

  it('lists the three grounds of LTCD art. 9 and the ten of NĐ 154 art. 4(1); two need a written notice', () => {
    expect(REFUSAL_GROUNDS.filter((g) => g.code.startsWith('ltcd_'))).toHaveLength(3);
    expect(REFUSAL_GROUNDS.filter((g) => g.code.startsWith('nd154_'))).toHaveLength(10);
    expect(REFUSAL_GROUNDS.filter((g) => g.writtenNotice).map((g) => g.code)).toEqual([
      'ltcd_9_3_already_resolved',
      'nd154_repeated_petition',
    ]);
  });

  it('a letter received on Thursday 12 Feb 2026 must be answered within 10 working days: 5 March, over Tết (TCD-2)', () => {
    const d = visitDeadlines('2026-02-12', 'letter_received', null, calendar);
    expect(d.reply).toMatchObject({ ruleId: 'TCD-2', due: '2026-03-05' });
    expect(d.refusalNotice).toBeNull();
    expect(d.calendarVersion).toBe(calendar.version);
  });

  it('a citizen guided elsewhere or refused has had the answer on the spot: no TCD-2 reply due', () => {
    expect(visitDeadlines('2026-09-10', 'guided', null, calendar).reply).toBeNull();
    expect(visitDeadlines('2026-09-10', 'refused', 'ltcd_9_2_disorderly', calendar)).toMatchObject({
      reply: null,
      refusalNotice: null,
    });
  });

  it('a refusal for a persistent complaint after 1 July 2026 needs a written notice within 3 working days (TCD-5)', () => {
    // Thursday 2 Jul 2026 → 3, 6, 7 July.
    const d = visitDeadlines('2026-07-02', 'refused', 'ltcd_9_3_already_resolved', calendar);
    expect(d.refusalNotice).toMatchObject({ ruleId: 'TCD-5', due: '2026-07-07', ruleVersion: 'TCD-5/v2' });
  });

  it('before 1 July 2026 the written refusal notice is required but has no known time limit', () => {
    const d = visitDeadlines('2026-06-25', 'refused', 'ltcd_9_3_already_resolved', calendar);
    expect(d.refusalNotice).toMatchObject({ ruleId: 'TCD-5', due: null });
    expect(d.refusalNotice?.note).toContain('UNCONFIRMED');
  });
});

describe('Mẫu 03/TCD rows', () => {
  const visit: BookVisit = {
    visitDate: '2026-09-10',
    visitTime: '08:30',
    unitName: 'Sở Giáo dục và Đào tạo',
    citizens: [
      { fullName: 'Nguyễn Văn An', address: 'xã Tân Lập', idNumber: '001203004567', representative: true },
      { fullName: 'Trần Thị Bình', address: 'xã Tân Lập', idNumber: '001203004568', representative: true },
    ],
    peopleCount: 7,
    summary: 'Đề nghị xem xét việc thu hồi đất',
    contentKind: 'petition',
    earlierHandling: 'UBND xã Tân Lập',
    withinCompetence: true,
    outcome: 'transferred',
    guidanceBody: null,
    guidanceRef: null,
    transferBody: 'Sở Tài nguyên và Môi trường',
    transferRef: '12/CV-TTr',
    refusalGround: null,
    replyDue: '2026-09-24',
    refusalNoticeDue: null,
    followUp: null,
    visitNumber: 2,
    receivingOfficer: 'Lê Văn Cường, Thanh tra viên',
    notes: null,
  };

  it('has the 13 columns of the form, in order', () => {
    expect(MAU_03_COLUMNS).toHaveLength(13);
    expect(MAU_03_COLUMNS[0]).toBe('STT');
    expect(MAU_03_COLUMNS[12]).toBe('Ghi chú');
  });

  it('writes a transferred group visit into its columns', () => {
    const row = mau03Row(3, visit);
    expect(row).toHaveLength(13);
    expect(row[0]).toBe(3);
    expect(row[1]).toBe('10/09/2026 08:30');
    expect(row[2]).toBe(
      'Nguyễn Văn An (người đại diện), xã Tân Lập\nTrần Thị Bình (người đại diện), xã Tân Lập',
    );
    expect(row[3]).toBe('001203004567\n001203004568');
    expect(row[5]).toBe('KN-PA');
    expect(row[6]).toBe(7);
    expect(row[7]).toBe('UBND xã Tân Lập');
    expect(row[8]).toBe('x');
    expect(row[9]).toBe('');
    expect(row[10]).toBe('Sở Tài nguyên và Môi trường; văn bản chuyển số 12/CV-TTr');
    expect(row[11]).toBe('Trả lời công dân trước 24/09/2026 (TCD-2)');
    expect(row[12]).toContain('Tiếp lần thứ 2');
  });

  it('writes a guided visit into column 10 and a refusal into the notes', () => {
    const guided = mau03Row(1, {
      ...visit,
      outcome: 'guided',
      guidanceBody: 'Tòa án nhân dân',
      guidanceRef: '5/HD',
      withinCompetence: false,
    });
    expect(guided[8]).toBe('');
    expect(guided[9]).toBe('Tòa án nhân dân; văn bản hướng dẫn số 5/HD');
    expect(guided[10]).toBe('');
    const refused = mau03Row(1, {
      ...visit,
      outcome: 'refused',
      refusalGround: 'ltcd_9_2_disorderly',
      replyDue: null,
    });
    expect(refused[12]).toContain('LTCD 42/2013/QH13 art. 9(2)');
  });
});
