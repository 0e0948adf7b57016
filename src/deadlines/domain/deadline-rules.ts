/**
 * The statutory deadline rules of legal-reference §2 (TCD-*, XLD-*, KN-*, KL-*, TC-*), as data.
 *
 * Each rule has one or more versions with the date each takes effect; the version in force on the
 * trigger date applies (deadline-policy convention 10). Every number carries its legal source in the
 * version's `legalBasis` (or in a comment). Points the reference marks UNCONFIRMED carry an
 * `unconfirmed` note. A version id, once released, never changes meaning: add a version instead.
 */
import type { LocalDate } from '../../common/domain/local-date.js';

export interface Bilingual {
  vi: string;
  en: string;
}

export type DeadlineUnit = 'calendar_days' | 'working_days';
/** `forward`: due after the trigger; `back`: "at least N days before" the trigger date. */
export type DeadlineDirection = 'forward' | 'back';
export type DeadlineGroup = 'TCD' | 'XLD' | 'KN' | 'KL' | 'TC';
export type DeadlineOptionName =
  'remote' | 'complicated' | 'extensions' | 'multiSite' | 'dismissal' | 'obstacleDays' | 'suspensions';

/** Period lengths of one version; a variant is available when its length is set. */
export interface DeadlinePeriod {
  days: number;
  /** vùng sâu, vùng xa, đi lại khó khăn */
  remote?: number;
  /** vụ việc phức tạp */
  complicated?: number;
  remoteComplicated?: number;
  /** verification at several places or delegated verification */
  multiSite?: number;
  /** the disciplinary measure is dismissal (buộc thôi việc) */
  dismissal?: number;
  /** each extension adds `days` calendar days to the raw end; at most `max` */
  extensions?: { max: number; days: number; legalBasis: string };
}

export interface DeadlineRuleVersion {
  /** `v1`, `v2`, … unique within the rule; reported as `<rule id>/<version>`. */
  version: string;
  /** First trigger date this version applies to; `null` = since before the system's range. */
  effectiveFrom: LocalDate | null;
  /** `false` when there is no period to compute (a frequency, no time limit found…). */
  computable: boolean;
  unit?: DeadlineUnit;
  direction?: DeadlineDirection;
  period?: DeadlinePeriod;
  /** Why `computable` is false. */
  notComputableReason?: Bilingual;
  legalBasis: string;
  /** Suspended time is not counted (added to the raw end) for suspensions dated on/after `from`. */
  suspensions?: { from: LocalDate | null; legalBasis: string };
  /** Days of objective obstacles are not counted (added to the raw end). */
  obstacles?: { legalBasis: string };
  /** A conflicting reading of the law, shown as a note (never used for the due date). */
  lawReading?: { days: number; unit: DeadlineUnit; legalBasis: string };
  note?: Bilingual;
  /** Set when legal-reference marks a point of this version UNCONFIRMED: what is unconfirmed. */
  unconfirmed?: string;
}

export interface DeadlineRule {
  id: string;
  group: DeadlineGroup;
  step: Bilingual;
  trigger: Bilingual;
  /** Ordered by `effectiveFrom`. */
  versions: readonly DeadlineRuleVersion[];
  /** Another id for the same step (XLD-2 = TC-1, XLD-4 = TC-13). */
  sameAs?: string;
}

/** Options a version accepts, derived from its period and flags. */
export function optionsOf(version: DeadlineRuleVersion): DeadlineOptionName[] {
  const p = version.period;
  const out: DeadlineOptionName[] = [];
  if (p?.remote !== undefined) out.push('remote');
  if (p?.complicated !== undefined) out.push('complicated');
  if (p?.extensions) out.push('extensions');
  if (p?.multiSite !== undefined) out.push('multiSite');
  if (p?.dismissal !== undefined) out.push('dismissal');
  if (version.obstacles) out.push('obstacleDays');
  if (version.suspensions) out.push('suspensions');
  return out;
}

// Sources (legal-reference, abbreviations section).
const LTCD = 'LTCD 42/2013/QH13';
const LKN = 'LKN 02/2011/QH13';
const LTC = 'LTC 25/2018/QH14';
const L136 = 'Law 136/2025/QH15';
const ND124 = 'NĐ 124/2020/NĐ-CP';
const ND155 = 'NĐ 155/2026/NĐ-CP';
const ND154 = 'NĐ 154/2026/NĐ-CP';
const ND31 = 'NĐ 31/2019/NĐ-CP';
const ND156 = 'NĐ 156/2026/NĐ-CP';
/** L136 and NĐ 154/155/156 take effect on 1 Jul 2026 (legal-reference §0). */
const REFORM_2026 = '2026-07-01';

type Shape = Pick<DeadlineRuleVersion, 'computable' | 'unit' | 'direction' | 'period'>;
const wd = (days: number, more: Omit<DeadlinePeriod, 'days'> = {}): Shape => ({
  computable: true,
  unit: 'working_days',
  direction: 'forward',
  period: { days, ...more },
});
const cd = (days: number, more: Omit<DeadlinePeriod, 'days'> = {}): Shape => ({
  computable: true,
  unit: 'calendar_days',
  direction: 'forward',
  period: { days, ...more },
});
const wdBefore = (days: number): Shape => ({
  computable: true,
  unit: 'working_days',
  direction: 'back',
  period: { days },
});
const cdBefore = (days: number): Shape => ({
  computable: true,
  unit: 'calendar_days',
  direction: 'back',
  period: { days },
});
const notComputable = (vi: string, en: string): Shape & { notComputableReason: Bilingual } => ({
  computable: false,
  notComputableReason: { vi, en },
});

const COMPLAINT_SUSPENSION = {
  // LKN art. 11a (added by L136) and NĐ 124 art. 28b(2) (added by NĐ 155 art. 12), from 1 Jul 2026;
  // NĐ 155 art. 22(1) extends it to complaints accepted earlier and not yet decided.
  from: REFORM_2026,
  legalBasis: `${LKN} art. 11a (${L136}); ${ND124} art. 28b(2) (${ND155} art. 12); ${ND155} art. 22(1)`,
};
const DENUNCIATION_SUSPENSION = { from: null, legalBasis: `${LTC} art. 34(2)` };

const RESOLUTION_DATE = { vi: 'Ngày thụ lý', en: 'Date of acceptance' };
const DECISION_DATE = { vi: 'Ngày ban hành quyết định', en: 'Date of the decision' };
const RECEIPT = { vi: 'Ngày nhận được', en: 'Date of receipt' };

export const DEADLINE_RULES: readonly DeadlineRule[] = deepFreeze([
  // ── 2.1 Citizen reception (tiếp công dân) ───────────────────────────────────────────────────
  {
    id: 'TCD-1',
    group: 'TCD',
    step: {
      vi: 'Niêm yết, công bố lịch tiếp công dân của người đứng đầu (và của cơ quan Quốc hội, HĐND)',
      en: "Post the heads' reception schedule (and that of National Assembly / People's Council bodies)",
    },
    trigger: { vi: 'Ngày tiếp công dân (tính lùi)', en: 'The reception day (counted back)' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...wdBefore(5), // "ít nhất 05 ngày làm việc" — LTCD art. 24(4)
        legalBasis: `${LTCD} art. 24(4)`,
        note: {
          vi: 'Có thể hoãn vì lý do chính đáng, phải thông báo công khai ngày tiếp mới.',
          en: 'May be postponed for a good reason, with public notice of the new date.',
        },
      },
    ],
  },
  {
    id: 'TCD-2',
    group: 'TCD',
    step: {
      vi: 'Trả lời công dân (thụ lý, cần xác minh thêm, từ chối, chuyển đơn) sau khi tiếp nhận khiếu nại, tố cáo, kiến nghị, phản ánh tại nơi tiếp công dân',
      en: 'Answer the citizen (accepted, needs verification, refused, transferred) after receiving a complaint, denunciation or petition at the reception place',
    },
    trigger: { vi: 'Ngày nhận được nội dung', en: 'Date the content was received' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...wd(10), // LTCD art. 28(1)
        legalBasis: `${LTCD} art. 28(1); ${ND154} art. 10(4)`,
        unconfirmed:
          'L136 moved the "initial result" details to the decree; whether the 10 working days changed from 1 Jul 2026 is UNCONFIRMED (legal-reference §2.1, §12.4).',
      },
    ],
  },
  {
    id: 'TCD-3',
    group: 'TCD',
    step: {
      vi: 'Cơ quan nhận khiếu nại, tố cáo do cơ quan của Quốc hội, đại biểu Quốc hội, đại biểu HĐND, Ban tiếp công dân chuyển đến thông báo kết quả cho cơ quan đã chuyển',
      en: 'Body that received a case transferred by a National Assembly body, a deputy or a reception board informs the transferring body of the result',
    },
    trigger: { vi: 'Ngày giải quyết xong', en: 'Date the case was resolved' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...wd(7), // LTCD art. 27(2)
        legalBasis: `${LTCD} art. 27(2)`,
        note: {
          vi: 'Giải quyết xong trước thời hạn: thông báo ngay.',
          en: 'If resolved earlier: inform immediately.',
        },
        unconfirmed: 'Unchanged after 1 Jul 2026 is UNCONFIRMED (legal-reference §2.1).',
      },
    ],
  },
  {
    id: 'TCD-4',
    group: 'TCD',
    step: {
      vi: 'Cơ quan của Quốc hội, đại biểu, Ban tiếp công dân thông báo kết quả cho công dân (nếu có yêu cầu)',
      en: 'The National Assembly body, deputy or reception board informs the citizen of that result (if requested)',
    },
    trigger: { vi: 'Ngày nhận được thông báo kết quả (TCD-3)', en: 'Receipt of the TCD-3 notice' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...wd(5), // LTCD art. 28(2)
        legalBasis: `${LTCD} art. 28(2)`,
        unconfirmed: 'Unchanged after 1 Jul 2026 is UNCONFIRMED (legal-reference §2.1).',
      },
    ],
  },
  {
    id: 'TCD-5',
    group: 'TCD',
    step: {
      vi: 'Thông báo từ chối tiếp công dân bằng văn bản (Mẫu 01/TCD)',
      en: 'Written refusal notice (form 01/TCD): persistent complaint/denunciation already correctly resolved, or repeated petition with nothing new',
    },
    trigger: { vi: 'Ngày xác định có căn cứ từ chối', en: 'Date the grounds are established' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...notComputable(
          'Trước 01/7/2026 (TT 04/2021/TT-TTCP) chưa xác định được thời hạn.',
          'Before 1 Jul 2026 (TT 04/2021/TT-TTCP) the time limit is UNCONFIRMED.',
        ),
        legalBasis: 'TT 04/2021/TT-TTCP',
        unconfirmed: 'Time limit under TT 04/2021 not found (legal-reference §2.1).',
      },
      {
        version: 'v2',
        effectiveFrom: REFORM_2026,
        ...wd(3), // NĐ 154/2026 art. 4(2)–(3)
        legalBasis: `${ND154} art. 4(2)–(3)`,
        note: {
          vi: 'Các lý do từ chối khác: giải thích trực tiếp tại chỗ.',
          en: 'Other refusal grounds: explained orally on the spot.',
        },
      },
    ],
  },
  {
    id: 'TCD-6',
    group: 'TCD',
    step: {
      vi: 'Tiếp công dân trực tuyến: thông báo cho công dân và các cơ quan tham gia',
      en: 'Online reception: notify the citizen and the participating bodies',
    },
    trigger: {
      vi: 'Ngày tiếp công dân trực tuyến (tính lùi)',
      en: 'The online reception day (counted back)',
    },
    versions: [
      {
        version: 'v1',
        effectiveFrom: REFORM_2026,
        ...wdBefore(5), // "ít nhất 05 ngày làm việc" — NĐ 154/2026 art. 23(1)
        legalBasis: `${ND154} art. 23(1)`,
        note: {
          vi: 'Cùng điều: kiểm tra đường truyền ít nhất 01 ngày làm việc trước; kết nối ít nhất 01 giờ trước (không tính ở đây).',
          en: 'Same article: test the link at least 1 working day before and connect at least 1 hour before (not computed here).',
        },
      },
    ],
  },
  {
    id: 'TCD-7',
    group: 'TCD',
    step: {
      vi: 'Tiếp công dân định kỳ của người đứng đầu (tần suất)',
      en: 'Periodic reception by heads (frequency)',
    },
    trigger: { vi: 'Theo kỳ (tuần, tháng)', en: 'Calendar period (week, month)' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...notComputable(
          'Là tần suất (số ngày mỗi tuần/tháng), không phải thời hạn — xem legal-reference §3.1.',
          'A frequency (days per week or month), not a period — see legal-reference §3.1.',
        ),
        legalBasis: `${LTCD} art. 12(5), 13(5), 15(2)(d), 18(2); ${L136}; ${ND154} art. 10(2)`,
        note: {
          vi: 'Chủ tịch UBND cấp xã: từ ít nhất 01 ngày/tuần thành ít nhất 02 ngày/tháng từ 01/7/2026.',
          en: 'Commune chairman: from at least 1 day a week to at least 2 days a month on 1 Jul 2026.',
        },
      },
    ],
  },

  // ── 2.2 Petition processing (xử lý đơn) ─────────────────────────────────────────────────────
  {
    id: 'XLD-1',
    group: 'XLD',
    step: {
      vi: 'Vào sổ, phân loại, đề xuất xử lý đơn (khiếu nại, tố cáo, kiến nghị, phản ánh)',
      en: 'Log, classify and propose handling of a received letter (complaint, denunciation, petition)',
    },
    trigger: { vi: 'Ngày nhận được đơn', en: 'Date the letter was received' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        // Published TTHC: "Trong thời hạn 10 ngày, kể từ ngày nhận được đơn" — a plain "ngày" is
        // counted in calendar days (deadline-policy convention 1).
        ...cd(10),
        legalBasis: 'TT 05/2021/TT-TTCP (article UNCONFIRMED); TTHC "Thủ tục xử lý đơn"',
        note: {
          vi: 'Các bước luật định (KN-2, TC-1…) được ưu tiên cho kết quả của chúng.',
          en: 'The statutory steps (KN-2, TC-1…) prevail for their own outputs.',
        },
        unconfirmed:
          'Unit UNCONFIRMED: the published procedure says "10 ngày"; many agencies apply 10 working days. Counted here as calendar days (legal-reference §2.2, §12.6).',
      },
    ],
  },
  {
    id: 'XLD-2',
    group: 'XLD',
    sameAs: 'TC-1',
    step: {
      vi: 'Xử lý ban đầu đơn tố cáo: vào sổ, phân loại, kiểm tra danh tính người tố cáo và điều kiện thụ lý; thụ lý hoặc không thụ lý',
      en: 'Denunciation letter: log, classify, verify the denouncer and the acceptance conditions; accept or refuse',
    },
    trigger: RECEIPT,
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...wd(7, { multiSite: 10 }), // LTC art. 24(1): 07 wd; several places / delegated verification ≤ 10 wd
        legalBasis: `${LTC} art. 24(1)`,
      },
    ],
  },
  {
    id: 'XLD-3',
    group: 'XLD',
    step: {
      vi: 'Tố cáo không thuộc thẩm quyền: chuyển đơn đến cơ quan có thẩm quyền và thông báo cho người tố cáo',
      en: 'Denunciation outside competence: transfer it to the competent body and notify the denouncer',
    },
    trigger: RECEIPT,
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...wd(5), // LTC art. 24(2)
        legalBasis: `${LTC} art. 24(2)–(3)`,
        note: {
          vi: 'Chỉ chuyển một lần đối với cùng nội dung (TT 05/2021 Điều 14(1)).',
          en: 'Transfer only once for the same content (TT 05/2021 art. 14(1)).',
        },
      },
    ],
  },
  {
    id: 'XLD-4',
    group: 'XLD',
    sameAs: 'TC-13',
    step: {
      vi: 'Tố cáo do cơ quan báo chí, cơ quan có thẩm quyền chuyển đến: thông báo kết quả xử lý cho cơ quan đã chuyển',
      en: 'Denunciation transferred by the press or a competent body: notify the transferring body of the handling result',
    },
    trigger: RECEIPT,
    versions: [{ version: 'v1', effectiveFrom: null, ...cd(20), legalBasis: `${LTC} art. 26(2)` }],
  },
  {
    id: 'XLD-5',
    group: 'XLD',
    step: {
      vi: 'Khiếu nại không thuộc thẩm quyền: hướng dẫn một lần hoặc trả lại đơn',
      en: 'Complaint outside competence: guide the complainant once, or return the letter',
    },
    trigger: { vi: '—', en: '—' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...notComputable('Không tìm thấy thời hạn luật định.', 'No statutory time limit found.'),
        legalBasis:
          'TT 07/2014/TT-TTCP art. 8 (predecessor); TT 05/2021/TT-TTCP equivalent article UNCONFIRMED',
        unconfirmed: 'TT 05/2021 article UNCONFIRMED (legal-reference §2.2).',
      },
    ],
  },

  // ── 2.3 Administrative complaints (khiếu nại hành chính) ───────────────────────────────────
  {
    id: 'KN-1',
    group: 'KN',
    step: { vi: 'Thời hiệu khiếu nại (lần đầu)', en: 'Limitation period to lodge a first complaint' },
    trigger: {
      vi: 'Ngày nhận được quyết định hành chính hoặc biết được quyết định, hành vi hành chính',
      en: 'Date the decision was received, or the decision/act became known',
    },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...cd(90), // LKN art. 9
        legalBasis: `${LKN} art. 9`,
        obstacles: { legalBasis: `${LKN} art. 9` },
        note: {
          vi: 'Quá hạn không có lý do chính đáng: không thụ lý (Điều 11(6)).',
          en: 'Late without a good reason: not accepted (art. 11(6)).',
        },
      },
    ],
  },
  {
    id: 'KN-2',
    group: 'KN',
    step: {
      vi: 'Thụ lý khiếu nại lần đầu, lần hai và thông báo thụ lý (hoặc lý do không thụ lý)',
      en: 'Accept a first- or second-time complaint and notify (or give the reasons for refusing)',
    },
    trigger: {
      vi: 'Ngày nhận được khiếu nại thuộc thẩm quyền',
      en: 'Date the complaint (within competence) was received',
    },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...wd(10), // NĐ 124/2020 art. 16(1): "10 ngày làm việc"
        legalBasis: `${ND124} art. 16(1)`,
        lawReading: { days: 10, unit: 'calendar_days', legalBasis: `${LKN} art. 27, 36(1)` },
        unconfirmed:
          'The original NĐ 124 art. 16(1) wording is reconstructed from secondary sources (legal-reference §1.1, §12.1).',
      },
      {
        version: 'v2',
        effectiveFrom: REFORM_2026,
        ...wd(7), // NĐ 124/2020 art. 16(1) as amended by NĐ 155/2026 art. 10: "07 ngày làm việc"
        legalBasis: `${ND124} art. 16(1) as amended by ${ND155} art. 10`,
        lawReading: { days: 10, unit: 'calendar_days', legalBasis: `${LKN} art. 27, 36(1)` },
        unconfirmed:
          'Whether L136 itself amended LKN art. 27/36 is UNCONFIRMED (legal-reference §1.1, §12.1).',
      },
    ],
  },
  {
    id: 'KN-3',
    group: 'KN',
    step: {
      vi: 'Giải quyết khiếu nại lần đầu (ban hành quyết định)',
      en: 'Resolve a first-time complaint (issue the decision)',
    },
    trigger: RESOLUTION_DATE,
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        // LKN art. 28: 30 days; complicated ≤ 45; remote 45; remote and complicated ≤ 60.
        ...cd(30, { complicated: 45, remote: 45, remoteComplicated: 60 }),
        legalBasis: `${LKN} art. 28; "complicated" criteria: ${ND124} art. 3a (${ND155} art. 2)`,
        suspensions: COMPLAINT_SUSPENSION,
      },
    ],
  },
  {
    id: 'KN-4',
    group: 'KN',
    step: {
      vi: 'Gửi quyết định giải quyết khiếu nại lần đầu cho người khiếu nại, thủ trưởng cấp trên, người có quyền, nghĩa vụ liên quan, cơ quan chuyển đơn, thanh tra cùng cấp',
      en: 'Send the first-time decision to the complainant, the direct superior, related persons, the transferring body and the same-level inspectorate',
    },
    trigger: DECISION_DATE,
    versions: [{ version: 'v1', effectiveFrom: null, ...wd(3), legalBasis: `${LKN} art. 32` }],
  },
  {
    id: 'KN-5',
    group: 'KN',
    step: {
      vi: 'Thời hạn khiếu nại lần hai (hoặc khởi kiện vụ án hành chính)',
      en: 'Window for a second complaint (or an administrative lawsuit)',
    },
    trigger: {
      vi: 'Ngày hết thời hạn giải quyết lần đầu mà không được giải quyết, hoặc ngày nhận được quyết định giải quyết lần đầu',
      en: 'Expiry of the KN-3 period without a decision, or date the first-time decision was received',
    },
    versions: [
      // LKN art. 33(1): 30 days; remote areas may be longer, ≤ 45.
      { version: 'v1', effectiveFrom: null, ...cd(30, { remote: 45 }), legalBasis: `${LKN} art. 33(1)` },
    ],
  },
  {
    id: 'KN-6',
    group: 'KN',
    step: { vi: 'Giải quyết khiếu nại lần hai', en: 'Resolve a second-time complaint' },
    trigger: RESOLUTION_DATE,
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        // LKN art. 37: 45 days; complicated ≤ 60; remote 60; remote and complicated ≤ 70.
        ...cd(45, { complicated: 60, remote: 60, remoteComplicated: 70 }),
        legalBasis: `${LKN} art. 37`,
        suspensions: COMPLAINT_SUSPENSION,
        note: { vi: 'Đối thoại bắt buộc (KN-10).', en: 'Dialogue is mandatory (KN-10).' },
      },
    ],
  },
  {
    id: 'KN-7',
    group: 'KN',
    step: { vi: 'Gửi quyết định giải quyết khiếu nại lần hai', en: 'Send the second-time decision' },
    trigger: DECISION_DATE,
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...cd(7),
        legalBasis: `${LKN} art. 41(1), 56(2)`,
        note: {
          vi: 'Quyết định của Bộ trưởng, Chủ tịch UBND tỉnh còn gửi Tổng Thanh tra Chính phủ.',
          en: 'Decisions of ministers and provincial chairmen also go to the Inspector-General.',
        },
      },
    ],
  },
  {
    id: 'KN-8',
    group: 'KN',
    step: {
      vi: 'Công khai quyết định giải quyết khiếu nại lần hai',
      en: 'Publicise the second-time decision',
    },
    trigger: DECISION_DATE,
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...cd(15),
        legalBasis: `${LKN} art. 41(2)–(3); ${ND124} (article UNCONFIRMED)`,
        note: {
          vi: 'Niêm yết ít nhất 15 ngày; thông tin đại chúng ít nhất 2 lần; trực tuyến ít nhất 15 ngày liên tục.',
          en: 'Posting at least 15 days; mass media at least twice; online at least 15 consecutive days.',
        },
        unconfirmed: 'The NĐ 124/2020 article number is UNCONFIRMED (legal-reference §12.8).',
      },
    ],
  },
  {
    id: 'KN-9',
    group: 'KN',
    step: {
      vi: 'Quyết định giải quyết khiếu nại có hiệu lực pháp luật',
      en: 'The complaint decision becomes legally effective',
    },
    trigger: { vi: 'Ngày ban hành quyết định', en: 'Date of issue' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        // LKN art. 44(1)–(2): after 30 days (first-time: if no second complaint); remote ≤ 45.
        ...cd(30, { remote: 45 }),
        legalBasis: `${LKN} art. 44(1)–(2)`,
        note: {
          vi: 'Hiệu lực sau khi hết thời hạn này (lần đầu: nếu không khiếu nại lần hai). KN-5 tính từ ngày nhận, KN-9 từ ngày ban hành.',
          en: 'Effective once this period has passed (first-time: if there is no second complaint). KN-5 runs from receipt, KN-9 from issue.',
        },
      },
    ],
  },
  {
    id: 'KN-10',
    group: 'KN',
    step: {
      vi: 'Đối thoại: gửi giấy mời người khiếu nại, người bị khiếu nại, người có liên quan',
      en: 'Dialogue: send written invitations to the complainant, the respondent and related persons',
    },
    trigger: { vi: 'Ngày đối thoại (tính lùi)', en: 'The dialogue date (counted back)' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...notComputable(
          'Thời hạn trước 01/7/2026 (NĐ 124 nguyên bản) chưa được kiểm chứng.',
          'The notice period before 1 Jul 2026 (original NĐ 124) is not verified.',
        ),
        legalBasis: `${ND124} art. 28(1) (original)`,
        unconfirmed: 'Pre-July-2026 dialogue notice period not verified (legal-reference §12.9).',
      },
      {
        version: 'v2',
        effectiveFrom: REFORM_2026,
        ...cdBefore(5), // "ít nhất 05 ngày" — NĐ 124 art. 28(1) as amended by NĐ 155 art. 11
        legalBasis: `${ND124} art. 28(1) as amended by ${ND155} art. 11`,
      },
    ],
  },
  {
    id: 'KN-11',
    group: 'KN',
    step: {
      vi: 'Chỉ đạo, tổ chức thi hành quyết định giải quyết khiếu nại có hiệu lực pháp luật',
      en: 'Direct and organise enforcement of a legally effective decision',
    },
    trigger: {
      vi: 'Ngày quyết định có hiệu lực pháp luật',
      en: 'Date the decision became legally effective',
    },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...wd(5), // "chậm nhất 05 ngày làm việc" — NĐ 124/2020 art. 31 [S]
        legalBasis: `${ND124} art. 31`,
        unconfirmed: 'Article number from a secondary source (legal-reference §12.8).',
      },
    ],
  },
  {
    id: 'KN-12',
    group: 'KN',
    step: {
      vi: 'Gửi quyết định tạm đình chỉ, đình chỉ (Mẫu 14a) hoặc tiếp tục giải quyết khiếu nại (Mẫu 14b)',
      en: 'Send the suspension / termination decision (form 14a) or the continuation decision (form 14b)',
    },
    trigger: DECISION_DATE,
    versions: [
      {
        version: 'v1',
        effectiveFrom: REFORM_2026,
        ...wd(3),
        legalBasis: `${LKN} art. 11a (${L136}); ${ND124} art. 28a–28b (${ND155} art. 12)`,
      },
    ],
  },
  {
    id: 'KN-13',
    group: 'KN',
    step: {
      vi: 'Tạm đình chỉ thi hành quyết định hành chính bị khiếu nại',
      en: "Emergency suspension of the contested decision's execution",
    },
    trigger: { vi: '—', en: '—' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...notComputable(
          'Không quá thời gian còn lại của thời hạn giải quyết; hủy bỏ ngay khi lý do không còn.',
          'At most the remaining resolution period; lifted as soon as the reason ends.',
        ),
        legalBasis: `${LKN} art. 35`,
      },
    ],
  },
  {
    id: 'KN-14',
    group: 'KN',
    step: {
      vi: 'Người khiếu nại không tiếp tục sau thông báo chấm dứt giải quyết',
      en: 'The complainant does not continue after a notice terminating resolution',
    },
    trigger: { vi: 'Ngày thông báo chấm dứt', en: 'Date of the termination notice' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...cd(30),
        legalBasis: `${LKN} art. 11(8)`,
        note: { vi: 'Sau đó khiếu nại không được thụ lý.', en: 'Afterwards the complaint is not accepted.' },
      },
    ],
  },

  // ── 2.4 Disciplinary complaints (khiếu nại quyết định kỷ luật cán bộ, công chức) ──────────
  {
    id: 'KL-1',
    group: 'KL',
    step: {
      vi: 'Khiếu nại lần đầu quyết định kỷ luật (bằng văn bản, gửi người ra quyết định)',
      en: 'First complaint against a disciplinary decision (in writing, to its issuer)',
    },
    trigger: { vi: 'Ngày nhận được quyết định kỷ luật', en: 'Date the disciplinary decision was received' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...cd(15),
        legalBasis: `${LKN} art. 48, 49`,
        obstacles: { legalBasis: `${LKN} art. 48, 49` },
      },
    ],
  },
  {
    id: 'KL-2',
    group: 'KL',
    step: {
      vi: 'Khiếu nại lần hai quyết định kỷ luật',
      en: 'Second complaint against a disciplinary decision',
    },
    trigger: {
      vi: 'Ngày nhận được quyết định giải quyết lần đầu',
      en: 'Date the first-time decision was received',
    },
    versions: [
      // LKN art. 48: 10 days; dismissal (buộc thôi việc) 30 days.
      { version: 'v1', effectiveFrom: null, ...cd(10, { dismissal: 30 }), legalBasis: `${LKN} art. 48` },
    ],
  },
  {
    id: 'KL-3',
    group: 'KL',
    step: {
      vi: 'Thụ lý khiếu nại quyết định kỷ luật (lần đầu, lần hai)',
      en: 'Accept a disciplinary complaint (first or second time)',
    },
    trigger: { vi: 'Ngày nhận được khiếu nại', en: 'Date the complaint was received' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...wd(10), // NĐ 124/2020 art. 16(1) (deadline-policy convention 10)
        legalBasis: `${ND124} art. 16(1)`,
        lawReading: { days: 10, unit: 'calendar_days', legalBasis: `${LKN} art. 50` },
        unconfirmed:
          'The original NĐ 124 art. 16(1) wording is reconstructed from secondary sources (legal-reference §12.1).',
      },
      {
        version: 'v2',
        effectiveFrom: REFORM_2026,
        // NĐ 124 art. 16(1) as amended by NĐ 155 art. 10 expressly covers "quyết định kỷ luật cán bộ, công chức".
        ...wd(7),
        legalBasis: `${ND124} art. 16(1) as amended by ${ND155} art. 10`,
        lawReading: { days: 10, unit: 'calendar_days', legalBasis: `${LKN} art. 50` },
      },
    ],
  },
  {
    id: 'KL-4',
    group: 'KL',
    step: {
      vi: 'Giải quyết khiếu nại quyết định kỷ luật (lần đầu, lần hai)',
      en: 'Resolve a disciplinary complaint (first or second time)',
    },
    trigger: RESOLUTION_DATE,
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...cd(30, { complicated: 45 }), // LKN art. 50: 30 days; complicated ≤ 45; no remote-area variant
        legalBasis: `${LKN} art. 50`,
        suspensions: COMPLAINT_SUSPENSION,
      },
    ],
  },
  {
    id: 'KL-5',
    group: 'KL',
    step: {
      vi: 'Gửi quyết định giải quyết khiếu nại kỷ luật lần hai',
      en: 'Send the second-time disciplinary decision',
    },
    trigger: { vi: 'Ngày ban hành quyết định', en: 'Date of issue' },
    versions: [{ version: 'v1', effectiveFrom: null, ...cd(7), legalBasis: `${LKN} art. 56(2)` }],
  },
  {
    id: 'KL-6',
    group: 'KL',
    step: {
      vi: 'Quyết định giải quyết khiếu nại kỷ luật có hiệu lực pháp luật',
      en: 'The disciplinary complaint decision becomes legally effective',
    },
    trigger: { vi: 'Ngày ban hành quyết định', en: 'Date of issue' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...cd(30),
        legalBasis: `${LKN} art. 57`,
        note: {
          vi: 'Hiệu lực sau khi hết thời hạn này (lần đầu: nếu không khiếu nại lần hai).',
          en: 'Effective once this period has passed (first-time: if there is no second complaint).',
        },
      },
    ],
  },

  // ── 2.5 Denunciations (tố cáo) ────────────────────────────────────────────────────────────
  {
    id: 'TC-1',
    group: 'TC',
    sameAs: 'XLD-2',
    step: { vi: 'Xử lý ban đầu thông tin tố cáo', en: 'Initial processing of a denunciation' },
    trigger: RECEIPT,
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...wd(7, { multiSite: 10 }), // LTC art. 24(1): 07 wd; several places / delegated verification ≤ 10 wd
        legalBasis: `${LTC} art. 24(1)`,
      },
    ],
  },
  {
    id: 'TC-2',
    group: 'TC',
    step: {
      vi: 'Thông báo thụ lý cho người tố cáo và nội dung tố cáo cho người bị tố cáo',
      en: 'Notify acceptance to the denouncer and the content to the denounced person',
    },
    trigger: { vi: 'Ngày ra quyết định thụ lý', en: 'Date of the acceptance decision' },
    versions: [
      { version: 'v1', effectiveFrom: null, ...wd(5), legalBasis: `${LTC} art. 29(3); ${ND31} art. 9(2)` },
    ],
  },
  {
    id: 'TC-3',
    group: 'TC',
    step: {
      vi: 'Giải quyết tố cáo (ban hành kết luận nội dung tố cáo)',
      en: 'Resolve the denunciation (issue the conclusion)',
    },
    trigger: { vi: 'Ngày ra quyết định thụ lý', en: 'Date of the acceptance decision' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        // LTC art. 30: 30 days; complicated: one extension ≤ 30 days; especially complicated: two, ≤ 30 each.
        ...cd(30, { extensions: { max: 2, days: 30, legalBasis: `${LTC} art. 30; ${ND31} art. 3` } }),
        legalBasis: `${LTC} art. 30; ${ND31} art. 3`,
        suspensions: DENUNCIATION_SUSPENSION,
        note: {
          vi: 'Gia hạn bằng quyết định (Mẫu 01), thông báo cho người tố cáo, người bị tố cáo.',
          en: 'Each extension by written decision (form 01), notified to the denouncer and the denounced.',
        },
        unconfirmed:
          'Extension arithmetic (from the raw end of the previous period, only the final date rolled forward) is an interpretation (legal-reference §1.3, §12.15).',
      },
    ],
  },
  {
    id: 'TC-4',
    group: 'TC',
    step: {
      vi: 'Gửi quyết định tạm đình chỉ, đình chỉ giải quyết tố cáo cho người tố cáo, người bị tố cáo',
      en: 'Send the suspension / termination decision to the denouncer and the denounced',
    },
    trigger: DECISION_DATE,
    versions: [{ version: 'v1', effectiveFrom: null, ...wd(5), legalBasis: `${LTC} art. 34` }],
  },
  {
    id: 'TC-5',
    group: 'TC',
    step: {
      vi: 'Gửi kết luận nội dung tố cáo cho người bị tố cáo, cơ quan quản lý; thông báo cho người tố cáo',
      en: 'Send the conclusion to the denounced person and their managing body; notify the denouncer',
    },
    trigger: { vi: 'Ngày ban hành kết luận', en: 'Date of the conclusion' },
    versions: [{ version: 'v1', effectiveFrom: null, ...wd(5), legalBasis: `${LTC} art. 35(3)` }],
  },
  {
    id: 'TC-6',
    group: 'TC',
    step: {
      vi: 'Xử lý kết luận nội dung tố cáo (khôi phục quyền lợi / xử lý, kiến nghị xử lý vi phạm)',
      en: 'Act on the conclusion (restore the rights of a wrongly denounced person / sanction or recommend sanctions)',
    },
    trigger: { vi: 'Ngày ban hành kết luận', en: 'Date of the conclusion' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...wd(7),
        legalBasis: `${LTC} art. 36(1)–(2)`,
        note: {
          vi: 'Có dấu hiệu tội phạm: chuyển hồ sơ ngay.',
          en: 'Signs of a crime: transfer the file immediately.',
        },
      },
    ],
  },
  {
    id: 'TC-7',
    group: 'TC',
    step: {
      vi: 'Cơ quan được kiến nghị báo cáo kết quả xử lý cho người giải quyết tố cáo',
      en: 'Bodies asked to act on recommendations report their results to the resolver',
    },
    trigger: { vi: 'Ngày có kết quả xử lý', en: 'Date they have a result' },
    versions: [{ version: 'v1', effectiveFrom: null, ...wd(5), legalBasis: `${LTC} art. 36(3)` }],
  },
  {
    id: 'TC-8',
    group: 'TC',
    step: {
      vi: 'Công khai kết luận nội dung tố cáo, quyết định xử lý',
      en: 'Publicise the conclusion (and the sanction decision)',
    },
    trigger: { vi: 'Ngày ban hành kết luận / quyết định', en: 'Date of the conclusion / decision' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...wd(7),
        legalBasis: `${LTC} art. 40; ${ND31} art. 6`,
        note: {
          vi: 'Niêm yết, đăng tải ít nhất 15 ngày liên tục; không tiết lộ người tố cáo.',
          en: 'Posting / online at least 15 consecutive days; never reveal the denouncer.',
        },
      },
    ],
  },
  {
    id: 'TC-9',
    group: 'TC',
    step: {
      vi: 'Theo dõi, đôn đốc việc thực hiện kết luận nội dung tố cáo',
      en: 'Monitor implementation of the conclusion',
    },
    trigger: { vi: '—', en: '—' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...notComputable(
          'Thanh tra báo cáo hằng tháng (NĐ 31 Điều 18(2) nguyên bản) — là tần suất, không phải thời hạn.',
          'The inspectorate reports monthly (original NĐ 31 art. 18(2)) — a frequency, not a period.',
        ),
        legalBasis: `${ND31} art. 18(2)`,
        unconfirmed: 'Details of the monitoring mechanism UNCONFIRMED (legal-reference §2.5).',
      },
      {
        version: 'v2',
        effectiveFrom: REFORM_2026,
        ...notComputable(
          'Từ 01/7/2026: thanh tra hoặc đơn vị tham mưu theo dõi, báo cáo kết quả; không quy định tần suất cố định.',
          'From 1 Jul 2026: the inspectorate or advisory unit monitors and reports; no fixed frequency.',
        ),
        legalBasis: `${ND31} art. 18(2) as amended by ${ND156} art. 3; ${L136}`,
        unconfirmed:
          'L136 "hoàn thiện cơ chế theo dõi, đôn đốc" — details UNCONFIRMED (legal-reference §2.5).',
      },
    ],
  },
  {
    id: 'TC-10',
    group: 'TC',
    step: {
      vi: 'Tố cáo tiếp (cho rằng giải quyết không đúng): cấp trên xem xét hồ sơ và quyết định',
      en: 'Re-denunciation alleging wrong resolution: the superior reviews the file and decides',
    },
    trigger: { vi: 'Ngày nhận được tố cáo tiếp', en: 'Receipt of the re-denunciation' },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...cd(20),
        legalBasis: `${LTC} art. 37(2)–(3)`,
        note: {
          vi: 'Giải quyết lại: các bước TC-2…TC-8 bắt đầu lại.',
          en: 'Re-resolution restarts TC-2…TC-8.',
        },
      },
    ],
  },
  {
    id: 'TC-11',
    group: 'TC',
    step: {
      vi: 'Tố cáo tiếp do quá thời hạn giải quyết: cấp trên yêu cầu báo cáo bằng văn bản',
      en: 'Re-denunciation because the TC-3 period expired: the superior requests a written report',
    },
    trigger: { vi: 'Ngày nhận được tố cáo tiếp', en: 'Receipt of the re-denunciation' },
    versions: [{ version: 'v1', effectiveFrom: null, ...wd(5), legalBasis: `${LTC} art. 38(2)` }],
  },
  {
    id: 'TC-12',
    group: 'TC',
    step: {
      vi: 'Người giải quyết tố cáo gửi báo cáo và tiếp tục giải quyết',
      en: 'The resolver sends the report and continues resolving',
    },
    trigger: { vi: 'Ngày nhận được yêu cầu của cấp trên', en: "Receipt of the superior's request" },
    versions: [
      {
        version: 'v1',
        effectiveFrom: null,
        ...wd(5),
        legalBasis: `${LTC} art. 38(3), (5); ${ND31} art. 5(3)`,
        note: {
          vi: 'Cấp trên trực tiếp giải quyết: quyết định thụ lý mới, thời hạn tính từ quyết định đó.',
          en: 'If the superior takes over: a new acceptance decision; the period runs from it.',
        },
      },
    ],
  },
  {
    id: 'TC-13',
    group: 'TC',
    sameAs: 'XLD-4',
    step: {
      vi: 'Tố cáo do báo chí, cơ quan có thẩm quyền chuyển đến: thông báo kết quả xử lý',
      en: 'Denunciation transferred by the press or a competent body: notify the handling result',
    },
    trigger: RECEIPT,
    versions: [{ version: 'v1', effectiveFrom: null, ...cd(20), legalBasis: `${LTC} art. 26(2)` }],
  },
] satisfies DeadlineRule[]);

const byId = new Map<string, DeadlineRule>(DEADLINE_RULES.map((rule) => [rule.id, rule]));

/** The rule with that id, or `undefined`. */
export function findDeadlineRule(id: string): DeadlineRule | undefined {
  return byId.get(id);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
