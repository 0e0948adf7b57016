import { loadGoldenDeadlines } from '../../../test/support/golden-deadlines';
import { nonVietnameseTokens } from '../../../test/support/vietnamese-check';
import { composeCalendar } from '../../calendar/domain/calendar-layers';
import { nationalCalendar } from '../../calendar/domain/national-calendar';
import { computeDeadline, type DeadlineOptions } from './deadline-engine';
import { DEFAULT_DEADLINE_POLICY, definePolicy } from './deadline-policy';
import { DEADLINE_RULES, optionsOf } from './deadline-rules';
import { holidayNameVi, legalBasisVi } from './vietnamese-text';

const golden = loadGoldenDeadlines().used.file.cases;
const calendar = nationalCalendar();
const vi = (rule: string, trigger: string, options: DeadlineOptions = {}, cal = calendar) =>
  computeDeadline(rule, trigger, options, cal, DEFAULT_DEADLINE_POLICY).explanation.vi;

describe('the check for what is not Vietnamese', () => {
  it.each([
    [
      'Lịch làm việc vn-public-sector@bff720fa1418aa00; chính sách vn-default:makeup=counted.',
      'bff720fa1418aa00',
    ],
    ['KN-2 (KN-2/v1) — Thụ lý khiếu nại.', 'KN-2/v1'],
    ['16/02–20/02 Tết Âm lịch (Lunar New Year).', 'Lunar'],
    ['Chưa được xác nhận (UNCONFIRMED): Extension arithmetic is an interpretation.', 'UNCONFIRMED'],
    ['căn cứ: LKN 02/2011/QH13 art. 28', 'art'],
    ['Lịch làm việc unit-5f0c2a4e-9a7b-4c1d-8e2f-0123456789ab', '5f0c2a4e-9a7b-4c1d-8e2f-0123456789ab'],
  ])('finds the foreign token in %j', (line, token) => {
    expect(nonVietnameseTokens(line).join(' ')).toContain(token);
  });

  it('lets Vietnamese, with or without diacritics, and legal abbreviations through', () => {
    expect(
      nonVietnameseTokens(
        'Thời hạn: 30 ngày kể từ ngày thụ lý; căn cứ: Điều 28 Luật Khiếu nại 02/2011/QH13, Nghị định 124/2020/NĐ-CP; theo thông tin cho TC-1.',
      ),
    ).toEqual([]);
  });
});

describe('the Vietnamese explanation (what officers read on the case page)', () => {
  it.each(golden.map((c) => [c.id, c] as const))('golden %s has no English word or identifier', (_id, c) => {
    const lines = vi(c.rule, c.trigger, c.options);
    expect(lines.flatMap((line) => nonVietnameseTokens(line).map((t) => `${t} in: ${line}`))).toEqual([]);
  });

  // Every computable version of every rule, with each option it has: all the wording paths.
  const variants = DEADLINE_RULES.flatMap((rule) =>
    rule.versions
      .filter((v) => v.computable)
      .flatMap((v) => {
        const trigger = v.effectiveFrom ?? '2026-01-16';
        const options: DeadlineOptions[] = [{}];
        for (const o of optionsOf(v)) {
          if (o === 'extensions') options.push({ extensions: v.period?.extensions?.max ?? 1 });
          else if (o === 'obstacleDays') options.push({ obstacleDays: 10 });
          else if (o === 'suspensions')
            options.push({ suspensions: [{ suspended: '2026-07-20', resumed: '2026-08-10' }] });
          else options.push({ [o]: true });
        }
        return options.map(
          (o) => [`${rule.id} from ${trigger} ${JSON.stringify(o)}`, rule.id, trigger, o] as const,
        );
      }),
  );
  it.each(variants)('%s has no English word or identifier', (_name, rule, trigger, options) => {
    // Complaint suspensions count from 2026-07-01 and must follow the trigger.
    const start = options.suspensions && trigger < '2026-07-06' ? '2026-07-06' : trigger;
    const lines = vi(rule, start, options);
    expect(lines.flatMap((line) => nonVietnameseTokens(line).map((t) => `${t} in: ${line}`))).toEqual([]);
  });

  it('cites the rule and its article the Vietnamese way', () => {
    const lines = vi('KN-3', '2026-01-16');
    expect(lines[0]).toMatch(/^KN-3 — Giải quyết khiếu nại lần đầu/);
    expect(lines.join('\n')).toContain('căn cứ: Điều 28 Luật Khiếu nại 02/2011/QH13');
    expect(lines.join('\n')).toContain('(khoản 5 Điều 148 Bộ luật Dân sự 91/2015/QH13)');
    expect(lines.join('\n')).toContain('16/02–20/02 Tết Âm lịch.');
    expect(lines.join('\n')).toContain('hạn là ngày làm việc tiếp theo, 23/02/2026 (thứ Hai)');
  });

  it('names the national calendar, the years it spans and its edition; the rules of counting in words', () => {
    const last = vi('TC-1', '2025-12-31').at(-1);
    expect(last).toBe(
      'Lịch làm việc năm 2025–2026 chung của các cơ quan nhà nước (bản công bố ban đầu). ' +
        'Cách tính: ngày làm bù được tính là ngày làm việc.',
    );
    const policy = definePolicy(
      { makeUpSaturdaysCount: false, rollForward: false, extendFrom: 'adjusted_end' },
      'x',
    );
    const other = computeDeadline(
      'TC-3',
      '2026-03-02',
      { extensions: 1 },
      calendar,
      policy,
    ).explanation.vi.at(-1);
    expect(other).toContain('ngày làm bù không được tính; hạn rơi vào ngày nghỉ không được dời');
    expect(other).toContain('mỗi lần gia hạn tính từ ngày hạn đã dời sang ngày làm việc');
  });

  it("names a unit's calendar by the unit and the edition its administrators see", () => {
    const unitCalendar = composeCalendar([
      { scope: 'national', entries: [], years: [] },
      {
        scope: '5f0c2a4e-9a7b-4c1d-8e2f-0123456789ab',
        name: 'Thanh tra tỉnh Bắc Ninh',
        revision: 3,
        entries: [{ date: '2026-03-03', kind: 'day_off', name: 'Ngày truyền thống (local day)' }],
        years: [],
      },
    ]).calendar;
    const lines = vi('TC-1', '2026-03-02', {}, unitCalendar);
    expect(lines.at(-1)).toMatch(/^Lịch làm việc năm 2026 của Thanh tra tỉnh Bắc Ninh \(bản số 3\)\./);
    expect(lines.join('\n')).toContain('03/03 Ngày truyền thống.');
    expect(lines.flatMap(nonVietnameseTokens)).toEqual([]);
    // The English explanation keeps the identifiers for the API and logs.
    const en = computeDeadline('TC-1', '2026-03-02', {}, unitCalendar).explanation.en.at(-1);
    expect(en).toContain(`Calendar ${unitCalendar.version}`);
  });

  it('says a working-day count too long to list in Vietnamese', () => {
    const longRule = DEADLINE_RULES.flatMap((r) => r.versions.map((v) => [r.id, v] as const)).find(
      ([, v]) =>
        v.computable && v.unit === 'working_days' && v.direction === 'forward' && (v.period?.days ?? 0) > 20,
    );
    if (!longRule) return expect(longRule).toBeUndefined();
    const [id, v] = longRule;
    expect(vi(id, v.effectiveFrom ?? '2026-01-16').join('\n')).toMatch(/\d+ ngày làm việc → hạn/);
  });
});

describe('Vietnamese wording helpers', () => {
  it.each([
    ['LKN 02/2011/QH13 art. 27, 36(1)', 'Điều 27, khoản 1 Điều 36 Luật Khiếu nại 02/2011/QH13'],
    [
      'LTC 25/2018/QH14 art. 38(3), (5); NĐ 31/2019/NĐ-CP art. 5(3)',
      'khoản 3, 5 Điều 38 Luật Tố cáo 25/2018/QH14; khoản 3 Điều 5 Nghị định 31/2019/NĐ-CP',
    ],
    ['LTCD 42/2013/QH13 art. 15(2)(d)', 'điểm d khoản 2 Điều 15 Luật Tiếp công dân 42/2013/QH13'],
    ['LKN 02/2011/QH13 art. 41(2)–(3)', 'khoản 2, 3 Điều 41 Luật Khiếu nại 02/2011/QH13'],
    [
      'NĐ 124/2020/NĐ-CP art. 16(1) as amended by NĐ 155/2026/NĐ-CP art. 10',
      'khoản 1 Điều 16 Nghị định 124/2020/NĐ-CP, được sửa đổi bởi Điều 10 Nghị định 155/2026/NĐ-CP',
    ],
    [
      'LKN 02/2011/QH13 art. 11a (Law 136/2025/QH15)',
      'Điều 11a Luật Khiếu nại 02/2011/QH13 (Luật 136/2025/QH15)',
    ],
  ])('%s → %s', (basis, expected) => {
    expect(legalBasisVi(basis)).toBe(expected);
  });

  it('drops the English gloss of holiday names, each of several', () => {
    expect(holidayNameVi('Nghỉ bù Giỗ Tổ Hùng Vương (Hung Kings Commemoration) (compensatory day off)')).toBe(
      'Nghỉ bù Giỗ Tổ Hùng Vương',
    );
    expect(
      holidayNameVi('Ngày Chiến thắng (Reunification Day); Giỗ Tổ Hùng Vương (Hung Kings Commemoration)'),
    ).toBe('Ngày Chiến thắng; Giỗ Tổ Hùng Vương');
    expect(holidayNameVi('Ngày Văn hóa Việt Nam')).toBe('Ngày Văn hóa Việt Nam');
  });
});
