/**
 * The statistical forms (biểu mẫu) of TT 06/2025/TT-TTCP for citizen reception and KN/TC, as data: a code,
 * a title and a column tree (groups with sub-columns; each leaf a counter key). The table model
 * (`table.ts`) lays any form out; the query layer (not built yet) fills the counters from raw events.
 *
 * What is known (`shared/docs/legal-reference.md` §9): the form codes come from a public script that
 * parses the official appendix; titles are partly inferred; the column layouts of TT 06/2025 are
 * UNCONFIRMED. 01/TCD follows the structure an existing Vietnamese KNTC product implements for the
 * earlier circular (§9); 02/XLD, 03/GQKN, 04/GQTC follow the counters §9 lists for that product, arranged
 * by us; 05/KQTH is our proposal. Hence every form and every column is `unconfirmed: true`, and each
 * leaf says whether §9 describes it (`origin: 'reference'`) or we propose it (`origin: 'proposed'`).
 * Verify against the official appendix before a report is submitted on these layouts.
 *
 * Fields (lĩnh vực: đất đai, nhà ở, chính sách…) and money/land recovered, persons disciplined, cases
 * transferred to investigation (§9) are not modelled yet: their category lists are not known.
 */
import type { Bilingual } from './periods.js';

export interface ColumnLeaf {
  /** Counter key, unique within its form (e.g. `regular.matters.first`). */
  key: string;
  vi: string;
  en: string;
  /** The column is described in legal-reference §9 (`reference`) or proposed by us (`proposed`). */
  origin: 'reference' | 'proposed';
  unconfirmed: boolean;
  note?: string;
}

export interface ColumnGroup {
  vi: string;
  en: string;
  children: readonly Column[];
  unconfirmed: boolean;
  note?: string;
}

export type Column = ColumnLeaf | ColumnGroup;

export const FORM_CODES = ['01/TCD', '02/XLD', '03/GQKN', '04/GQTC', '05/KQTH'] as const;
export type FormCode = (typeof FORM_CODES)[number];

export interface ReportForm {
  code: FormCode;
  /** "Biểu số 01/TCD". */
  name: Bilingual;
  title: Bilingual;
  legalBasis: string;
  unconfirmed: boolean;
  note: string;
  columns: readonly Column[];
}

export function isGroup(column: Column): column is ColumnGroup {
  return 'children' in column;
}

// Builders: every column of every form is UNCONFIRMED for TT 06/2025 (legal-reference §9).
type LeafOptions = { origin?: ColumnLeaf['origin']; note?: string };
function leaf(key: string, vi: string, en: string, options: LeafOptions = {}): ColumnLeaf {
  return { key, vi, en, origin: options.origin ?? 'reference', unconfirmed: true, note: options.note };
}
function group(vi: string, en: string, children: Column[], note?: string): ColumnGroup {
  return { vi, en, children, unconfirmed: true, note };
}
const proposed: LeafOptions = { origin: 'proposed' };

const BASIS =
  'TT 06/2025/TT-TTCP (29/9/2025, hiệu lực 30/9/2025), phụ lục biểu mẫu — bố cục cột chưa đối chiếu';

// ----- 01/TCD -------------------------------------------------------------------------------------

function firstOrRepeat(prefix: string): ColumnGroup {
  return group('Số vụ việc', 'Matters', [
    leaf(`${prefix}.first`, 'Tiếp lần đầu', 'first visit'),
    leaf(`${prefix}.repeat`, 'Tiếp nhiều lần', 'repeat visits'),
  ]);
}

function crowd(prefix: string): ColumnGroup {
  return group(
    'Đoàn đông người',
    'Groups (đoàn đông người)',
    [
      leaf(`${prefix}.count`, 'Số đoàn', 'groups'),
      leaf(`${prefix}.people`, 'Số người', 'people'),
      firstOrRepeat(`${prefix}.matters`),
    ],
    'No numeric threshold in the texts read; 5 people or more is the common practice (legal-reference §3.5, §12 item 11).',
  );
}

function headBlock(prefix: string, vi: string, en: string, note?: string): ColumnGroup {
  return group(
    vi,
    en,
    [
      leaf(`${prefix}.sessions`, 'Số kỳ tiếp', 'reception sessions'),
      leaf(`${prefix}.visits`, 'Số lượt', 'visits'),
      leaf(`${prefix}.people`, 'Số người', 'people'),
      firstOrRepeat(`${prefix}.matters`),
      crowd(`${prefix}.groups`),
    ],
    note,
  );
}

export const FORM_01_TCD: ReportForm = {
  code: '01/TCD',
  name: { vi: 'Biểu số 01/TCD', en: 'Form 01/TCD' },
  title: {
    vi: 'Tổng hợp kết quả tiếp công dân thường xuyên, định kỳ và đột xuất',
    en: 'Citizen reception: regular, periodic and ad hoc',
  },
  legalBasis: BASIS,
  unconfirmed: true,
  note: 'Column structure of the sample in legal-reference §9 (earlier circular); TT 06/2025 layout UNCONFIRMED.',
  columns: [
    group('Tổng số', 'Totals', [
      leaf('total.visits', 'Lượt tiếp', 'visits'),
      leaf('total.people', 'Người được tiếp', 'people received'),
      leaf('total.matters', 'Vụ việc', 'matters'),
    ]),
    group('Tiếp thường xuyên', 'Regular reception (officers)', [
      leaf('regular.visits', 'Số lượt', 'visits'),
      leaf('regular.people', 'Số người', 'people'),
      firstOrRepeat('regular.matters'),
      crowd('regular.groups'),
    ]),
    group('Tiếp định kỳ và đột xuất của Thủ trưởng', "Head's periodic and ad hoc reception", [
      headBlock('head.direct', 'Thủ trưởng tiếp', 'by the head in person'),
      headBlock(
        'head.delegated',
        'Ủy quyền tiếp',
        'delegated',
        'L136/2025 keeps no delegation of the head’s reception (from 1 Jul 2026): expected 0 from then on (legal-reference §9).',
      ),
    ]),
    group(
      'Phân loại vụ việc theo nội dung',
      'Matters by content',
      [
        leaf('content.complaint', 'Khiếu nại', 'complaints'),
        leaf('content.denunciation', 'Tố cáo', 'denunciations'),
        leaf('content.petition', 'Kiến nghị, phản ánh', 'petitions and reports'),
      ],
      'legal-reference §9: "the form continues with content classification (KN / TC / KNPA by field)"; fields not modelled.',
    ),
  ],
};

// ----- 02/XLD -------------------------------------------------------------------------------------

export const FORM_02_XLD: ReportForm = {
  code: '02/XLD',
  name: { vi: 'Biểu số 02/XLD', en: 'Form 02/XLD' },
  title: { vi: 'Tổng hợp kết quả tiếp nhận, xử lý đơn', en: 'Letters received and processed' },
  legalBasis: BASIS,
  unconfirmed: true,
  note: 'Counters listed in legal-reference §9, arranged by tiepdan; TT 06/2025 layout UNCONFIRMED.',
  columns: [
    group('Số đơn', 'Letters', [
      leaf('letters.total', 'Tổng số', 'total', proposed),
      leaf('letters.carried_over', 'Kỳ trước chuyển sang', 'carried over'),
      leaf('letters.received', 'Tiếp nhận trong kỳ', 'received in the period'),
    ]),
    group('Phân loại đơn', 'Classification', [
      leaf('ineligible', 'Không đủ điều kiện xử lý', 'not eligible for processing'),
      group('Đủ điều kiện xử lý', 'Eligible for processing', [
        leaf('eligible.total', 'Tổng số', 'total', proposed),
        group('Theo loại đơn', 'By type', [
          leaf('eligible.complaint', 'Khiếu nại', 'complaints'),
          leaf('eligible.denunciation', 'Tố cáo', 'denunciations'),
          leaf('eligible.petition', 'Kiến nghị, phản ánh', 'petitions and reports'),
        ]),
        group('Theo thẩm quyền', 'By competence', [
          leaf('eligible.competent', 'Thuộc thẩm quyền', 'within competence'),
          leaf('eligible.not_competent', 'Không thuộc thẩm quyền', 'outside competence'),
        ]),
      ]),
    ]),
    group('Kết quả xử lý', 'Handling', [
      leaf('handled.accepted', 'Thụ lý giải quyết', 'accepted for resolution'),
      leaf('handled.guided', 'Hướng dẫn', 'citizen guided'),
      leaf('handled.transferred', 'Chuyển đơn', 'transferred'),
      leaf('handled.urged', 'Đôn đốc giải quyết', 'resolution urged'),
      leaf('handled.returned', 'Trả lại đơn', 'returned', proposed),
      leaf('handled.filed', 'Lưu đơn', 'filed (no action)', proposed),
    ]),
  ],
};

// ----- 03/GQKN and 04/GQTC ------------------------------------------------------------------------

function resolutionColumns(kind: 'complaint' | 'denunciation'): Column[] {
  const noun = kind === 'complaint' ? 'Khiếu nại' : 'Tố cáo';
  const lower = kind === 'complaint' ? 'khiếu nại' : 'tố cáo';
  const onTime = (prefix: string, vi: string, en: string, note?: string) =>
    group(
      vi,
      en,
      [
        leaf(`${prefix}.on_time`, 'Đúng hạn', 'on time', proposed),
        leaf(`${prefix}.overdue`, 'Quá hạn', 'overdue', proposed),
      ],
      note,
    );
  return [
    group('Vụ việc phải giải quyết (thuộc thẩm quyền)', 'Cases to resolve (within competence)', [
      leaf('cases.total', 'Tổng số', 'total', proposed),
      leaf('cases.carried_over', 'Kỳ trước chuyển sang', 'carried over'),
      leaf('cases.accepted', 'Thụ lý mới trong kỳ', 'accepted in the period'),
    ]),
    group('Đã giải quyết', 'Resolved', [
      leaf('resolved.total', 'Tổng số', 'total', proposed),
      leaf('resolved.right', `${noun} đúng`, `${kind} right`),
      leaf('resolved.partly_right', `${noun} đúng một phần`, `${kind} partly right`),
      leaf('resolved.wrong', `${noun} sai`, `${kind} wrong`),
    ]),
    group(`Rút ${lower}, đình chỉ`, 'Withdrawn, terminated', [
      leaf('withdrawn', `Rút ${lower}`, 'withdrawn (in full)', proposed),
      leaf('terminated', 'Đình chỉ giải quyết', 'resolution terminated', proposed),
    ]),
    group('Thời hạn giải quyết (vụ việc đã giải quyết)', 'Timeliness (resolved cases)', [
      onTime('timeliness.statutory', 'Theo thời hạn luật định', 'against the statutory period'),
      onTime(
        'timeliness.internal',
        'Theo chỉ tiêu nội bộ',
        'against the internal target',
        'Internal targets are separate from, and never replace, the statutory deadline (deadline-policy §11).',
      ),
    ]),
    group('Đang giải quyết (chuyển kỳ sau)', 'Pending (carried to the next period)', [
      leaf('pending.within_period', 'Trong hạn', 'within the statutory period', proposed),
      leaf('pending.overdue', 'Quá hạn', 'past the statutory period', proposed),
    ]),
  ];
}

export const FORM_03_GQKN: ReportForm = {
  code: '03/GQKN',
  name: { vi: 'Biểu số 03/GQKN', en: 'Form 03/GQKN' },
  title: { vi: 'Tổng hợp kết quả giải quyết khiếu nại', en: 'Complaints resolved' },
  legalBasis: BASIS,
  unconfirmed: true,
  note: 'Counters listed in legal-reference §9 (thụ lý, đúng / đúng một phần / sai, đúng hạn / quá hạn), arranged by tiepdan; TT 06/2025 layout UNCONFIRMED.',
  columns: resolutionColumns('complaint'),
};

export const FORM_04_GQTC: ReportForm = {
  code: '04/GQTC',
  name: { vi: 'Biểu số 04/GQTC', en: 'Form 04/GQTC' },
  title: { vi: 'Tổng hợp kết quả giải quyết tố cáo', en: 'Denunciations resolved' },
  legalBasis: BASIS,
  unconfirmed: true,
  note: 'Same shape as 03/GQKN; TT 06/2025 layout UNCONFIRMED.',
  columns: resolutionColumns('denunciation'),
};

// ----- 05/KQTH ------------------------------------------------------------------------------------

function enforcementBlock(prefix: string, vi: string, en: string): ColumnGroup {
  return group(vi, en, [
    group('Phải thi hành', 'To enforce', [
      leaf(`${prefix}.due.total`, 'Tổng số', 'total', proposed),
      leaf(`${prefix}.due.carried_over`, 'Kỳ trước chuyển sang', 'carried over', proposed),
      leaf(`${prefix}.due.new`, 'Phát sinh trong kỳ', 'new in the period', proposed),
    ]),
    leaf(`${prefix}.done`, 'Đã thi hành xong', 'fully enforced', proposed),
    leaf(`${prefix}.in_progress`, 'Đang thi hành', 'being enforced', proposed),
    leaf(`${prefix}.overdue`, 'Quá hạn', 'overdue', proposed),
    leaf(`${prefix}.blocked`, 'Vướng mắc', 'blocked', proposed),
  ]);
}

export const FORM_05_KQTH: ReportForm = {
  code: '05/KQTH',
  name: { vi: 'Biểu số 05/KQTH', en: 'Form 05/KQTH' },
  title: {
    vi: 'Tổng hợp kết quả thi hành quyết định giải quyết khiếu nại, kết luận nội dung tố cáo',
    en: 'Enforcement of complaint decisions and denunciation conclusions',
  },
  legalBasis: BASIS,
  unconfirmed: true,
  note:
    'Title UNCONFIRMED (legal-reference §9); columns proposed by tiepdan. Statuses map to enforcement records ' +
    '(docs/enforcement.md): done → đã thi hành xong; not_started + in_progress → đang thi hành; overdue → quá hạn; ' +
    'blocked → vướng mắc (the status on the window’s last day).',
  columns: [
    enforcementBlock('complaint', 'Quyết định giải quyết khiếu nại', 'Complaint decisions'),
    enforcementBlock('denunciation', 'Kết luận nội dung tố cáo', 'Denunciation conclusions'),
  ],
};

export const FORMS: readonly ReportForm[] = [
  FORM_01_TCD,
  FORM_02_XLD,
  FORM_03_GQKN,
  FORM_04_GQTC,
  FORM_05_KQTH,
];

export function formByCode(code: string): ReportForm | undefined {
  return FORMS.find((f) => f.code === code);
}

/** The leaves of a column tree, left to right (the order of a form's value columns). */
export function leafColumns(columns: readonly Column[]): ColumnLeaf[] {
  const out: ColumnLeaf[] = [];
  const visit = (list: readonly Column[]) => {
    for (const c of list) {
      if (isGroup(c)) visit(c.children);
      else out.push(c);
    }
  };
  visit(columns);
  return out;
}

/** Levels of a column tree (a flat list of leaves has depth 1). */
export function columnDepth(columns: readonly Column[]): number {
  let depth = 0;
  for (const c of columns) depth = Math.max(depth, isGroup(c) ? 1 + columnDepth(c.children) : 1);
  return depth;
}
