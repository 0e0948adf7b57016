/**
 * Renders the step-by-step explanation of a computed deadline, in Vietnamese and English, from the
 * numbers the result carries. Only called when a caller reads `result.explanation`.
 *
 * `vi` is what officers read (the case page): wholly Vietnamese — citations the Vietnamese way, dates
 * dd/mm/yyyy, no internal identifiers (rule versions, calendar and policy versions, conventions' numbers).
 * `en` keeps those for the API, logs and whoever checks the engine against deadline-policy.md.
 */
import { toEpochDay, weekdayOfEpochDay, type LocalDate } from '../../common/domain/local-date.js';
import type { WorkingCalendar, WorkingDayIndex } from '../../calendar/domain/working-calendar.js';
import type { DeadlinePolicy } from './deadline-policy.js';
import type { DeadlineRule, DeadlineRuleVersion } from './deadline-rules.js';
import { dateVi, holidayNameVi, legalBasisVi } from './vietnamese-text.js';

export interface DeadlineExplanation {
  vi: string[];
  en: string[];
}

/** What the renderer needs; built by `DeadlineResult.explanation`. */
export interface ExplanationInput {
  result: {
    ruleId: string;
    ruleVersion: string;
    trigger: LocalDate;
    due: LocalDate;
    rawEnd: LocalDate;
    days: number;
    variant: string;
    extensions: number;
    suspendedDays: number;
    obstacleDays: number;
    calendarVersion: string;
    policyVersion: string;
    provisionalYears: number[];
    lawReading?: { due: LocalDate; days: number; legalBasis: string };
  };
  rule: DeadlineRule;
  version: DeadlineRuleVersion;
  calendar: WorkingCalendar;
  policy: DeadlinePolicy;
  suspensions: readonly { suspended: LocalDate; resumed: LocalDate }[];
  triggerOffset: number;
  rawOffset: number;
  dueOffset: number;
  extensionStep: number;
  maxExtensions: number;
}

const CIVIL_CODE = 'Bộ luật Dân sự 91/2015/QH13';
const CIVIL_CODE_EN = 'Civil Code 91/2015/QH13';
const WEEKDAY_EN = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WEEKDAY_VI = ['', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'];
const VARIANT: Record<string, [vi: string, en: string]> = {
  standard: ['trường hợp thông thường', 'standard case'],
  remote: ['vùng sâu, vùng xa, đi lại khó khăn', 'remote / difficult-access area'],
  complicated: ['vụ việc phức tạp', 'complicated case'],
  remote_complicated: ['vùng sâu, vùng xa; vụ việc phức tạp', 'remote area and complicated case'],
  multi_site: [
    'xác minh ở nhiều địa điểm hoặc ủy quyền xác minh',
    'verification at several places or delegated',
  ],
  dismissal: ['hình thức kỷ luật buộc thôi việc', 'disciplinary dismissal'],
};
/** Days listed one by one when counting working days; longer periods are summarised. */
const MAX_LISTED = 20;

export function renderExplanation(input: ExplanationInput): DeadlineExplanation {
  const { result: r, rule, version: v, calendar, policy } = input;
  const index = calendar.index(policy.makeUpSaturdaysCount);
  const vi: string[] = [];
  const en: string[] = [];
  const day = (offset: number) => ({
    vi: `${dateVi(calendar.dateAt(offset))} (${WEEKDAY_VI[weekdayAt(calendar, offset)]})`,
    en: `${calendar.dateAt(offset)} (${WEEKDAY_EN[weekdayAt(calendar, offset)]})`,
  });
  const t = input.triggerOffset;
  const back = v.direction === 'back';
  const calendarDays = v.unit === 'calendar_days';
  const unitVi = calendarDays ? 'ngày' : 'ngày làm việc';
  const unitEn = calendarDays ? 'calendar days' : 'working days';
  const [variantVi, variantEn] = VARIANT[r.variant] ?? [r.variant, r.variant];

  vi.push(`${rule.id} — ${rule.step.vi}.`);
  en.push(`${rule.id} (${r.ruleVersion}) — ${rule.step.en}.`);
  if (rule.versions.length > 1) {
    const i = rule.versions.indexOf(v);
    const next = rule.versions[i + 1]?.effectiveFrom;
    const from = v.effectiveFrom;
    const spanVi =
      from && next
        ? `từ ngày ${dateVi(from)} đến trước ngày ${dateVi(next)}`
        : from
          ? `từ ngày ${dateVi(from)}`
          : `trước ngày ${dateVi(next ?? '')}`;
    const spanEn = from && next ? `from ${from} to before ${next}` : from ? `from ${from}` : `before ${next}`;
    vi.push(`Áp dụng quy định cho mốc tính ${spanVi} (quy định có hiệu lực vào ngày bắt đầu tính hạn).`);
    en.push(
      `Version ${v.version} applies (triggers ${spanEn}; convention 10: the version in force on the trigger date).`,
    );
  }
  vi.push(
    `Thời hạn: ${back ? 'ít nhất ' : ''}${r.days} ${unitVi} ${back ? 'trước' : 'kể từ'} ${lowerFirst(rule.trigger.vi)} ` +
      `(${variantVi}); căn cứ: ${legalBasisVi(v.legalBasis)}.`,
  );
  en.push(
    `Period: ${back ? 'at least ' : ''}${r.days} ${unitEn} ${back ? 'before' : 'from'} "${rule.trigger.en}" ` +
      `(${variantEn}); legal basis: ${v.legalBasis}.`,
  );

  if (back && calendarDays) {
    const d = day(input.dueOffset);
    vi.push(
      `Ngày ${day(t).vi} lùi ${r.days} ngày là ngày ${d.vi}; hạn tính lùi không dời sang ngày làm việc.`,
    );
    en.push(`${day(t).en} − ${r.days} days = ${d.en}; a counted-back date is not moved (convention 4).`);
  } else if (back) {
    const listed = listWorkingDays(calendar, index, input.dueOffset, t - 1, true);
    vi.push(
      `Đếm lùi ${r.days} ngày làm việc trước ngày ${day(t).vi}, không tính ngày đó: ${listed.vi} → chậm nhất ${day(input.dueOffset).vi}.`,
    );
    en.push(
      `Count back ${r.days} working days strictly before ${day(t).en}: ${listed.en} → at the latest ${day(input.dueOffset).en}.`,
    );
    pushSkipped(vi, en, calendar, index, input.dueOffset, t - 1);
  } else if (!calendarDays) {
    const listed = listWorkingDays(calendar, index, t + 1, input.dueOffset, false);
    vi.push(
      `Không tính ngày ${day(t).vi}; đếm ${r.days} ngày làm việc tiếp theo: ${listed.vi} → hạn ${day(input.dueOffset).vi}.`,
    );
    en.push(
      `The trigger day ${day(t).en} is not counted; ${r.days} working days after it: ${listed.en} → due ${day(input.dueOffset).en}.`,
    );
    pushSkipped(vi, en, calendar, index, t + 1, input.dueOffset);
  } else {
    let running = t + r.days;
    vi.push(
      `Không tính ngày ${day(t).vi}, thời hạn bắt đầu từ ngày tiếp theo (Điều 147 ${CIVIL_CODE}): ` +
        `${dateVi(calendar.dateAt(t))} cộng ${r.days} ngày là ${day(running).vi}.`,
    );
    en.push(
      `The trigger day ${day(t).en} is not counted; counting starts the next day (${CIVIL_CODE_EN} art. 147): ` +
        `${calendar.dateAt(t)} + ${r.days} days = ${day(running).en}.`,
    );
    for (const s of input.suspensions) {
      const k = toEpochDay(s.resumed) - toEpochDay(s.suspended);
      running += k;
      vi.push(
        `Tạm đình chỉ ngày ${dateVi(s.suspended)}, tiếp tục ngày ${dateVi(s.resumed)}: cộng ${k} ngày ` +
          `(thời gian tạm đình chỉ không tính vào thời hạn: ${legalBasisVi(v.suspensions?.legalBasis ?? '')}) → ${day(running).vi}.`,
      );
      en.push(
        `Suspended ${s.suspended}, resumed ${s.resumed}: + ${k} days (suspended time is not counted: ` +
          `${v.suspensions?.legalBasis}; convention 6) → ${day(running).en}.`,
      );
    }
    if (r.obstacleDays > 0) {
      running += r.obstacleDays;
      vi.push(
        `Trở ngại khách quan: cộng ${r.obstacleDays} ngày không tính vào thời hạn (${legalBasisVi(v.obstacles?.legalBasis ?? '')}) → ${day(running).vi}.`,
      );
      en.push(
        `Objective obstacles: + ${r.obstacleDays} days not counted (${v.obstacles?.legalBasis}; convention 7) → ${day(running).en}.`,
      );
    }
    const basis = v.period?.extensions?.legalBasis ?? '';
    const basisVi = legalBasisVi(basis);
    for (let i = 1; i <= r.extensions; i++) {
      if (policy.extendFrom === 'adjusted_end') {
        const adjusted = index.nextOnOrAfter(running);
        vi.push(
          `Gia hạn lần ${i} (tối đa ${input.maxExtensions} lần, ${basisVi}): từ ${day(adjusted).vi} cộng ${input.extensionStep} ngày → ${day(adjusted + input.extensionStep).vi}.`,
        );
        en.push(
          `Extension ${i} (at most ${input.maxExtensions}, ${basis}): from ${day(adjusted).en} + ${input.extensionStep} days → ${day(adjusted + input.extensionStep).en}.`,
        );
        running = adjusted + input.extensionStep;
      } else {
        running += input.extensionStep;
        vi.push(
          `Gia hạn lần ${i} (tối đa ${input.maxExtensions} lần, ${basisVi}): cộng ${input.extensionStep} ngày vào ngày cuối của thời hạn trước (chưa dời ngày nghỉ) → ${day(running).vi}.`,
        );
        en.push(
          `Extension ${i} (at most ${input.maxExtensions}, ${basis}): + ${input.extensionStep} days to the unadjusted end (convention 8) → ${day(running).en}.`,
        );
      }
    }
    const raw = input.rawOffset;
    if (!policy.rollForward) {
      vi.push(`Theo cách tính đang áp dụng, hạn không dời sang ngày làm việc: hạn ${day(raw).vi}.`);
      en.push(`The policy does not roll forward: due ${day(raw).en}.`);
    } else if (input.dueOffset === raw) {
      vi.push(`Ngày ${day(raw).vi} là ngày làm việc: hạn ${day(raw).vi}.`);
      en.push(`${day(raw).en} is a working day: due ${day(raw).en}.`);
    } else {
      const why = reason(calendar, raw, policy);
      vi.push(
        `Ngày ${day(raw).vi} không phải ngày làm việc (${why.vi}) → hạn là ngày làm việc tiếp theo, ${day(input.dueOffset).vi} (khoản 5 Điều 148 ${CIVIL_CODE}).`,
      );
      en.push(
        `${day(raw).en} is not a working day (${why.en}) → due on the next working day, ${day(input.dueOffset).en} (${CIVIL_CODE_EN} art. 148(5)).`,
      );
      pushSkipped(vi, en, calendar, index, raw + 1, input.dueOffset - 1);
    }
  }

  if (r.lawReading) {
    vi.push(
      `Lưu ý: theo Luật (${legalBasisVi(r.lawReading.legalBasis)}: "${r.lawReading.days} ngày") hạn là ngày ${dateVi(r.lawReading.due)}; chỉ để tham khảo, không dùng để tính hạn.`,
    );
    en.push(
      `Note: the Law's own reading (${r.lawReading.legalBasis}: "${r.lawReading.days} ngày", calendar days) gives ${r.lawReading.due}; shown for information, not used (convention 10).`,
    );
  }
  if (v.note) {
    vi.push(`Ghi chú: ${v.note.vi}`);
    en.push(`Note: ${v.note.en}`);
  }
  if (v.unconfirmed) {
    // The note itself (en) cites the reference's sections; officers are told what it means for them.
    vi.push(
      'Lưu ý: một điểm của quy định áp dụng cho bước này chưa được xác nhận chính thức; hạn có thể thay đổi khi có hướng dẫn.',
    );
    en.push(`UNCONFIRMED: ${v.unconfirmed}`);
  }
  if (r.provisionalYears.length > 0) {
    const years = r.provisionalYears.join(', ');
    vi.push(
      `Tạm tính: lịch nghỉ năm ${years} được tính theo Điều 111, 112 Bộ luật Lao động, chưa được công bố chính thức; hạn có thể thay đổi khi có lịch chính thức.`,
    );
    en.push(
      `Provisional: the ${years} holiday layout is computed from the Labor Code (art. 111, 112) and not yet confirmed; the date may change when the official layout is entered.`,
    );
  }
  vi.push(
    `${calendarVi(calendar, r.trigger, r.due)} ${policyVi(policy, back, calendarDays, r.extensions > 0)}`,
  );
  en.push(`Calendar ${r.calendarVersion}; policy ${r.policyVersion}.`);
  return { vi, en };
}

/** `Ngày thụ lý` → `ngày thụ lý`, keeping abbreviations inside (`(TCD-3)`). */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function weekdayAt(calendar: WorkingCalendar, offset: number): number {
  return weekdayOfEpochDay(calendar.startDay + offset);
}

function short(calendar: WorkingCalendar, offset: number): string {
  const date = calendar.dateAt(offset);
  return `${date.slice(8, 10)}/${date.slice(5, 7)}`;
}

/** The working days in [from, to], as dd/mm (descending when `reverse`). */
function listWorkingDays(
  calendar: WorkingCalendar,
  index: WorkingDayIndex,
  from: number,
  to: number,
  reverse: boolean,
): { vi: string; en: string } {
  const total = index.countBetween(from, to);
  if (total > MAX_LISTED) return { vi: `${total} ngày làm việc`, en: `${total} working days` };
  const days: string[] = [];
  for (let i = from; i <= to; i++) {
    if (index.flags[i]) {
      const mark = calendar.statusAt(i) === 'make_up_working_day' ? '*' : '';
      days.push(short(calendar, i) + mark);
    }
  }
  if (reverse) days.reverse();
  const text = days.join(', ');
  return { vi: text, en: text };
}

/** Lines naming the days off on pattern weekdays and the make-up days within [from, to]. */
function pushSkipped(
  vi: string[],
  en: string[],
  calendar: WorkingCalendar,
  index: WorkingDayIndex,
  from: number,
  to: number,
): void {
  // Consecutive days off with the same name, separated only by rest days, form one run ("16/02–20/02 Tết").
  const runs: { start: number; end: number; name: string }[] = [];
  const madeUp: number[] = [];
  for (let i = from; i <= to; i++) {
    const status = calendar.statusAt(i);
    if (status === 'day_off') {
      const name = calendar.nameAt(i) ?? '';
      const last = runs[runs.length - 1];
      if (last && last.name === name && onlyRestBetween(calendar, last.end, i)) last.end = i;
      else runs.push({ start: i, end: i, name });
    } else if (status === 'make_up_working_day') {
      madeUp.push(i);
    }
  }
  if (runs.length) {
    const off = (named: (name: string) => string) =>
      runs.map(({ start, end, name }) => {
        const span =
          start === end ? short(calendar, start) : `${short(calendar, start)}–${short(calendar, end)}`;
        return name ? `${span} ${named(name)}` : span;
      });
    vi.push(`Ngày nghỉ rơi vào ngày làm việc thường (không tính): ${off(holidayNameVi).join('; ')}.`);
    en.push(`Days off on ordinary working days (not counted): ${off((n) => n).join('; ')}.`);
  }
  if (madeUp.length) {
    const list = madeUp.map((i) => short(calendar, i)).join(', ');
    if (index.flags[madeUp[0]]) {
      vi.push(`Ngày làm bù (*), tính là ngày làm việc: ${list}.`);
      en.push(`Make-up working days (*), counted as working days: ${list}.`);
    } else {
      vi.push(`Ngày làm bù không tính là ngày làm việc theo chính sách: ${list}.`);
      en.push(`Make-up days not counted as working days by the policy: ${list}.`);
    }
  }
}

function onlyRestBetween(calendar: WorkingCalendar, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) {
    const s = calendar.statusAt(k);
    if (s !== 'rest' && s !== 'holiday_on_rest_day') return false;
  }
  return true;
}

function reason(
  calendar: WorkingCalendar,
  offset: number,
  policy: DeadlinePolicy,
): { vi: string; en: string } {
  const name = calendar.nameAt(offset);
  switch (calendar.statusAt(offset)) {
    case 'rest':
      return { vi: 'nghỉ hằng tuần', en: 'weekly rest day' };
    case 'holiday_on_rest_day':
      return {
        vi: `nghỉ hằng tuần; ${name ? holidayNameVi(name) : 'ngày lễ'}`,
        en: `weekly rest day; ${name ?? 'holiday'}`,
      };
    case 'make_up_working_day':
      return policy.makeUpSaturdaysCount
        ? { vi: 'ngày làm bù', en: 'make-up day' }
        : { vi: 'ngày làm bù không được tính theo chính sách', en: 'make-up day, not counted by the policy' };
    default:
      return { vi: name ? holidayNameVi(name) : 'ngày nghỉ', en: name ?? 'day off' };
  }
}

/**
 * The calendar as officers know it: "Lịch làm việc năm 2026 của Thanh tra tỉnh … (bản số 3)", or the
 * national one. The version hash the result records stays in `en` and in `calendarVersion`.
 */
function calendarVi(calendar: WorkingCalendar, trigger: LocalDate, due: LocalDate): string {
  const [a, b] = [trigger.slice(0, 4), due.slice(0, 4)].sort();
  const years = a === b ? `năm ${a}` : `năm ${a}–${b}`;
  const { owner, edition } = calendar.title;
  const whose = owner ? `của ${owner}` : 'chung của các cơ quan nhà nước';
  const which = edition > 0 ? `bản số ${edition}` : 'bản công bố ban đầu';
  return `Lịch làm việc ${years} ${whose} (${which}).`;
}

/** The counting settings that mattered for this deadline, in words (the policy version stays in `en`). */
function policyVi(policy: DeadlinePolicy, back: boolean, calendarDays: boolean, extended: boolean): string {
  const parts = [
    policy.makeUpSaturdaysCount ? 'ngày làm bù được tính là ngày làm việc' : 'ngày làm bù không được tính',
  ];
  if (calendarDays && !back) {
    parts.push(
      policy.rollForward
        ? 'hạn rơi vào ngày nghỉ được dời sang ngày làm việc tiếp theo'
        : 'hạn rơi vào ngày nghỉ không được dời',
    );
  }
  if (extended) {
    parts.push(
      policy.extendFrom === 'raw_end'
        ? 'mỗi lần gia hạn tính từ ngày cuối của thời hạn trước, chưa dời ngày nghỉ'
        : 'mỗi lần gia hạn tính từ ngày hạn đã dời sang ngày làm việc',
    );
  }
  return `Cách tính: ${parts.join('; ')}.`;
}
