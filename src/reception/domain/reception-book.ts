/**
 * The reception book (sổ tiếp công dân): what a visit records, how it ends, which deadlines it starts,
 * and how it is written in form Mẫu 03/TCD (NĐ 154/2026/NĐ-CP; legal-reference §3.3–§3.7).
 */
import type { DomainErrorDetail } from '../../common/domain/domain-error.js';
import type { LocalDate } from '../../common/domain/local-date.js';
import type { WorkingCalendar } from '../../calendar/domain/working-calendar.js';
import { computeDeadline } from '../../deadlines/domain/deadline-engine.js';
import {
  CCCD_PATTERN,
  normalisePhone,
  PHONE_PATTERN,
  viDate,
} from '../../common/domain/vietnamese-format.js';

/** What the citizen brought (Mẫu 03/TCD column 6): complaint, denunciation, petition/reflection, or several. */
export const CONTENT_KINDS = ['complaint', 'denunciation', 'petition', 'mixed'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export const CONTENT_KIND_LABELS: Record<ContentKind, string> = {
  complaint: 'KN', // khiếu nại
  denunciation: 'TC', // tố cáo
  petition: 'KN-PA', // kiến nghị, phản ánh
  mixed: 'KN, TC, KN-PA', // several kinds: split into separate letters (LTCD art. 25(3); NĐ 154 art. 14(4))
};

/**
 * How the visit ended (LTCD art. 26; NĐ 154/2026 art. 15):
 * - `guided`: not within competence — the citizen was guided to the competent body (column 10);
 * - `letter_received`: the letter (or the recorded statement) was received for processing — it becomes an
 *   intake letter of the letters feature (a pending intake row is written for it);
 * - `transferred`: the content was transferred to the competent body (column 11);
 * - `refused`: reception was refused on a ground of LTCD art. 9 or NĐ 154/2026 art. 4(1).
 */
export const OUTCOMES = ['guided', 'letter_received', 'transferred', 'refused'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** NĐ 154/2026/NĐ-CP takes effect (new refusal grounds, Mẫu 03/TCD, TCD-5 3 working days). */
export const DECREE_154_FROM: LocalDate = '2026-07-01';

export interface RefusalGround {
  code: string;
  legalBasis: string;
  vi: string;
  en: string;
  /** The head issues a written refusal notice (Mẫu 01/TCD); otherwise the officer explains orally. */
  writtenNotice: boolean;
  /** First visit date the ground exists (`null`: LTCD 2013). */
  effectiveFrom: LocalDate | null;
}

/**
 * Grounds for refusing reception. LTCD art. 9(1)–(3) (art. 9(4) "other cases provided by law" is the
 * NĐ 154/2026 list below). The order of the NĐ 154 art. 4(1) points follows legal-reference §3.3; only
 * point (h), the repeated petition, is confirmed by letter there, so codes name the ground, not the point.
 * Written notice: art. 9(3) and the repeated petition (NĐ 154 art. 4(2)–(3)); the others are explained on
 * the spot.
 */
export const REFUSAL_GROUNDS: readonly RefusalGround[] = [
  {
    code: 'ltcd_9_1_not_in_control',
    legalBasis: 'LTCD 42/2013/QH13 art. 9(1)',
    vi: 'Trong tình trạng say do dùng chất kích thích, mắc bệnh tâm thần hoặc bệnh khác làm mất khả năng nhận thức, điều khiển hành vi',
    en: 'Intoxicated, mentally ill or otherwise unable to control their behaviour',
    writtenNotice: false,
    effectiveFrom: null,
  },
  {
    code: 'ltcd_9_2_disorderly',
    legalBasis: 'LTCD 42/2013/QH13 art. 9(2)',
    vi: 'Có hành vi đe dọa, xúc phạm cơ quan, tổ chức, người tiếp công dân hoặc vi phạm nội quy nơi tiếp công dân',
    en: 'Threatening or insulting, or violating the rules of the reception place',
    writtenNotice: false,
    effectiveFrom: null,
  },
  {
    code: 'ltcd_9_3_already_resolved',
    legalBasis: 'LTCD 42/2013/QH13 art. 9(3); NĐ 154/2026/NĐ-CP art. 4(2)',
    vi: 'Khiếu nại, tố cáo đã được giải quyết đúng chính sách, pháp luật, được kiểm tra, rà soát, thông báo bằng văn bản nhưng vẫn cố tình khiếu nại, tố cáo kéo dài',
    en: 'Complaint or denunciation already resolved correctly, reviewed and answered in writing, yet pursued',
    writtenNotice: true,
    effectiveFrom: null,
  },
  {
    code: 'nd154_weapons',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)',
    vi: 'Mang theo vũ khí, vật liệu nổ, công cụ hỗ trợ hoặc vật nguy hiểm và không chấp hành việc gửi lại',
    en: 'Carrying weapons, explosives or dangerous items and refusing to deposit them',
    writtenNotice: false,
    effectiveFrom: DECREE_154_FROM,
  },
  {
    code: 'nd154_security_screening',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)',
    vi: 'Không chấp hành việc kiểm tra an ninh',
    en: 'Refusing security screening',
    writtenNotice: false,
    effectiveFrom: DECREE_154_FROM,
  },
  {
    code: 'nd154_recording',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)',
    vi: 'Ghi âm, ghi hình, phát trực tiếp khi đã được yêu cầu không thực hiện hoặc gây mất trật tự',
    en: 'Recording or live-streaming after being asked not to, or in a way that disturbs order',
    writtenNotice: false,
    effectiveFrom: DECREE_154_FROM,
  },
  {
    code: 'nd154_inciting',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)',
    vi: 'Kích động, gây rối trật tự công cộng',
    en: 'Inciting or disturbing public order',
    writtenNotice: false,
    effectiveFrom: DECREE_154_FROM,
  },
  {
    code: 'nd154_no_civil_capacity',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)',
    vi: 'Không có năng lực hành vi dân sự đầy đủ mà không có người đại diện hợp pháp',
    en: 'Lacking full civil capacity without a lawful representative',
    writtenNotice: false,
    effectiveFrom: DECREE_154_FROM,
  },
  {
    code: 'nd154_no_authority',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)',
    vi: 'Người đại diện, người được ủy quyền không có giấy tờ chứng minh tính hợp pháp của việc đại diện',
    en: 'A representative or authorised person without proof of authority',
    writtenNotice: false,
    effectiveFrom: DECREE_154_FROM,
  },
  {
    code: 'nd154_not_a_petition',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)',
    vi: 'Nội dung không phải là khiếu nại, tố cáo, kiến nghị, phản ánh',
    en: 'The content is not a complaint, denunciation or petition',
    writtenNotice: false,
    effectiveFrom: DECREE_154_FROM,
  },
  {
    code: 'nd154_repeated_petition',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)(h), 4(3)',
    vi: 'Kiến nghị, phản ánh đã được trả lời đúng quy định nhưng vẫn tiếp tục kiến nghị, phản ánh mà không có tình tiết mới',
    en: 'A petition already answered correctly, repeated with no new facts',
    writtenNotice: true,
    effectiveFrom: DECREE_154_FROM,
  },
  {
    code: 'nd154_court_judgment',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)',
    vi: 'Vụ việc đã có bản án, quyết định của Tòa án có hiệu lực pháp luật, không thuộc trường hợp xem xét lại',
    en: 'Decided by a final court judgment not open to review',
    writtenNotice: false,
    effectiveFrom: DECREE_154_FROM,
  },
  {
    code: 'nd154_handled_elsewhere',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)',
    vi: 'Vụ việc đang được cơ quan có thẩm quyền khác thụ lý, giải quyết',
    en: 'Being handled by another competent body',
    writtenNotice: false,
    effectiveFrom: DECREE_154_FROM,
  },
];

export const REFUSAL_GROUND_CODES = REFUSAL_GROUNDS.map((g) => g.code);

export function refusalGround(code: string): RefusalGround | undefined {
  return REFUSAL_GROUNDS.find((g) => g.code === code);
}

/**
 * Problems with the citizens of a visit: a căn cước number of 12 digits, once per visit; a telephone
 * number, if any, that is Vietnamese (after `normalisePhone`).
 */
export function citizenProblems(
  citizens: readonly { idNumber: string; phone?: string | null }[],
): DomainErrorDetail[] {
  const out: DomainErrorDetail[] = [];
  const seen = new Set<string>();
  citizens.forEach((c, i) => {
    if (!CCCD_PATTERN.test(c.idNumber)) {
      out.push({ field: `citizens[${i}].idNumber`, message: 'must be a căn cước number of 12 digits' });
    } else if (seen.has(c.idNumber)) {
      out.push({ field: `citizens[${i}].idNumber`, message: 'is listed twice' });
    }
    seen.add(c.idNumber);
    if (c.phone && !PHONE_PATTERN.test(normalisePhone(c.phone))) {
      out.push({
        field: `citizens[${i}].phone`,
        message: 'must be a Vietnamese telephone number (0… or +84…)',
      });
    }
  });
  return out;
}

export interface OutcomeFacts {
  visitDate: LocalDate;
  outcome: Outcome;
  guidanceBody?: string | null;
  transferBody?: string | null;
  refusalGround?: string | null;
}

/** Fields each outcome needs, and grounds that did not exist yet on the visit date. */
export function outcomeProblems(v: OutcomeFacts): DomainErrorDetail[] {
  const out: DomainErrorDetail[] = [];
  const need = (field: keyof OutcomeFacts, when: Outcome) => {
    if (!v[field]) out.push({ field, message: `is required when the outcome is ${when}` });
  };
  const forbid = (field: keyof OutcomeFacts) => {
    if (v[field]) out.push({ field, message: `is only for the outcome ${outcomeOf(field)}` });
  };
  const outcomeOf = (field: keyof OutcomeFacts) =>
    field === 'guidanceBody' ? 'guided' : field === 'transferBody' ? 'transferred' : 'refused';
  for (const field of ['guidanceBody', 'transferBody', 'refusalGround'] as const) {
    if (outcomeOf(field) === v.outcome) need(field, v.outcome);
    else forbid(field);
  }
  if (v.outcome === 'refused' && v.refusalGround) {
    const ground = refusalGround(v.refusalGround);
    if (!ground) {
      out.push({ field: 'refusalGround', message: `must be one of: ${REFUSAL_GROUND_CODES.join(', ')}` });
    } else if (ground.effectiveFrom && v.visitDate < ground.effectiveFrom) {
      out.push({
        field: 'refusalGround',
        message: `exists from ${ground.effectiveFrom} (${ground.legalBasis}); the visit is of ${v.visitDate}`,
      });
    }
  }
  return out;
}

export interface VisitDeadline {
  ruleId: 'TCD-2' | 'TCD-5';
  ruleVersion: string;
  due: LocalDate | null;
  legalBasis: string;
  /** Why there is no due date (TCD-5 before 1 Jul 2026: time limit UNCONFIRMED). */
  note?: string;
}

export interface VisitDeadlines {
  /** TCD-2: answer the citizen within 10 working days of receiving the content (LTCD art. 28(1)). */
  reply: VisitDeadline | null;
  /** TCD-5: written refusal notice (Mẫu 01/TCD) within 3 working days (NĐ 154/2026 art. 4(2)–(3)). */
  refusalNotice: VisitDeadline | null;
  calendarVersion: string;
}

/**
 * The deadlines a visit starts, computed by the deadline engine on the unit's calendar.
 * - TCD-2 when the content was received (a letter received or transferred); a citizen guided to another
 *   body, or refused, has had the answer on the spot.
 * - TCD-5 when the refusal ground needs a written notice. Before 1 Jul 2026 its time limit is not known
 *   (TT 04/2021/TT-TTCP): the notice is still required, without a due date.
 */
export function visitDeadlines(
  visitDate: LocalDate,
  outcome: Outcome,
  groundCode: string | null | undefined,
  calendar: WorkingCalendar,
): VisitDeadlines {
  let reply: VisitDeadline | null = null;
  if (outcome === 'letter_received' || outcome === 'transferred') {
    const r = computeDeadline('TCD-2', visitDate, {}, calendar);
    reply = { ruleId: 'TCD-2', ruleVersion: r.ruleVersion, due: r.due, legalBasis: r.legalBasis };
  }
  let refusalNotice: VisitDeadline | null = null;
  const ground = outcome === 'refused' && groundCode ? refusalGround(groundCode) : undefined;
  if (ground?.writtenNotice) {
    if (visitDate >= DECREE_154_FROM) {
      const r = computeDeadline('TCD-5', visitDate, {}, calendar);
      refusalNotice = { ruleId: 'TCD-5', ruleVersion: r.ruleVersion, due: r.due, legalBasis: r.legalBasis };
    } else {
      refusalNotice = {
        ruleId: 'TCD-5',
        ruleVersion: 'TCD-5/v1',
        due: null,
        legalBasis: 'TT 04/2021/TT-TTCP',
        note: 'Before 1 Jul 2026 the time limit of the written refusal notice is UNCONFIRMED (legal-reference §2.1).',
      };
    }
  }
  return { reply, refusalNotice, calendarVersion: calendar.version };
}

/** The 13 columns of Mẫu 03/TCD (NĐ 154/2026/NĐ-CP; legal-reference §3.6), in order. */
export const MAU_03_COLUMNS = [
  'STT',
  'Ngày tiếp',
  'Họ tên, địa chỉ',
  'Số CCCD/Hộ chiếu hoặc giấy tờ tùy thân khác',
  'Nội dung vụ việc',
  'Loại đơn',
  'Số người cùng nội dung',
  'Cơ quan đã giải quyết',
  'Thuộc thẩm quyền',
  'Hướng dẫn công dân đến cơ quan có thẩm quyền (cơ quan, số văn bản hướng dẫn)',
  'Cơ quan, đơn vị thụ lý (cơ quan, số văn bản chuyển)',
  'Theo dõi kết quả giải quyết',
  'Ghi chú',
] as const;

export interface BookCitizen {
  fullName: string;
  address: string;
  idNumber: string;
  representative: boolean;
}

export interface BookVisit {
  visitDate: LocalDate;
  visitTime: string;
  unitName: string;
  citizens: readonly BookCitizen[];
  peopleCount: number;
  summary: string;
  contentKind: ContentKind;
  earlierHandling: string | null;
  withinCompetence: boolean;
  outcome: Outcome;
  guidanceBody: string | null;
  guidanceRef: string | null;
  transferBody: string | null;
  transferRef: string | null;
  refusalGround: string | null;
  replyDue: LocalDate | null;
  refusalNoticeDue: LocalDate | null;
  followUp: string | null;
  visitNumber: number;
  receivingOfficer: string;
  notes: string | null;
}

/** One row of Mẫu 03/TCD: column 1 (STT) is `position`; column 7 is a number, the rest text. */
export function mau03Row(position: number, v: BookVisit): (string | number)[] {
  const withRef = (body: string | null, ref: string | null, refLabel: string) =>
    body ? `${body}${ref ? `; ${refLabel} số ${ref}` : ''}` : '';
  const ground = v.refusalGround ? refusalGround(v.refusalGround) : undefined;
  const followUp: string[] = [];
  if (v.followUp) followUp.push(v.followUp);
  if (v.replyDue) followUp.push(`Trả lời công dân trước ${viDate(v.replyDue)} (TCD-2)`);
  if (v.refusalNoticeDue)
    followUp.push(`Thông báo từ chối bằng văn bản trước ${viDate(v.refusalNoticeDue)} (TCD-5)`);
  const notes: string[] = [];
  notes.push(v.visitNumber === 1 ? 'Tiếp lần đầu' : `Tiếp lần thứ ${v.visitNumber}`);
  if (ground) notes.push(`Từ chối tiếp: ${ground.vi} (${ground.legalBasis})`);
  notes.push(`Người tiếp: ${v.receivingOfficer}`);
  if (v.notes) notes.push(v.notes);
  return [
    position,
    `${viDate(v.visitDate)} ${v.visitTime}`,
    v.citizens
      .map(
        (c) =>
          `${c.fullName}${c.representative ? ' (người đại diện)' : ''}${c.address ? `, ${c.address}` : ''}`,
      )
      .join('\n'),
    v.citizens.map((c) => c.idNumber).join('\n'),
    v.summary,
    CONTENT_KIND_LABELS[v.contentKind],
    v.peopleCount,
    v.earlierHandling ?? '',
    v.withinCompetence ? 'x' : '',
    v.outcome === 'guided' ? withRef(v.guidanceBody, v.guidanceRef, 'văn bản hướng dẫn') : '',
    v.outcome === 'transferred'
      ? withRef(v.transferBody, v.transferRef, 'văn bản chuyển')
      : v.outcome === 'letter_received'
        ? `${v.unitName} (tiếp nhận đơn)`
        : '',
    followUp.join('\n'),
    notes.join('\n'),
  ];
}
