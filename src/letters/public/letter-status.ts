/**
 * What a petitioner sees behind their receipt code: milestones and the current statutory deadline, in
 * Vietnamese, and nothing internal — no names of officers or handlers, no notes, no document numbers, no
 * other letters, no petitioners. Pure: the service passes the rows it read.
 */
import type { LocalDate } from '../../common/domain/local-date.js';

export interface StatusLetterFacts {
  receiptCode: string;
  receivedOn: LocalDate;
  classification: string;
  status: string;
  processingDue: LocalDate;
  decision: string | null;
  decidedOn: LocalDate | null;
  guidanceBody: string | null;
  transferTo: string | null;
  archiveReason: string | null;
}

export interface StatusCaseFacts {
  kind: 'complaint' | 'denunciation';
  caseNumber: string;
  state: string;
  events: Array<{ event: string; date: LocalDate }>;
  openDeadlines: Array<{ purpose: string; dueDate: LocalDate }>;
}

export interface Milestone {
  date: LocalDate;
  text: string;
}

export interface LetterStatusView {
  receiptCode: string;
  receivedOn: LocalDate;
  kind: string;
  stage: string;
  milestones: Milestone[];
  currentDeadline: { step: string; due: LocalDate } | null;
  /** Where the citizen should turn when the letter was guided or transferred elsewhere. */
  competentBody: string | null;
}

const KIND: Record<string, string> = {
  complaint: 'Khiếu nại',
  denunciation: 'Tố cáo',
  petition: 'Kiến nghị, phản ánh',
  mixed: 'Đơn có nhiều nội dung',
  anonymous: 'Thông tin có nội dung tố cáo',
};

const DECISION: Record<string, string> = {
  accept: 'Đơn đủ điều kiện, được chuyển giải quyết theo thẩm quyền',
  guide: 'Đã hướng dẫn công dân gửi đơn đến cơ quan có thẩm quyền',
  transfer: 'Đã chuyển đơn đến cơ quan có thẩm quyền',
  return: 'Đã trả lại đơn cho cơ quan chuyển đến',
  archive: 'Đơn được lưu, không xử lý tiếp',
};

const ARCHIVE: Record<string, string> = {
  duplicate: 'đơn trùng nội dung đang được giải quyết',
  resolved_second_level: 'vụ việc đã có quyết định giải quyết lần hai',
  final_judgment: 'vụ việc đã được Tòa án thụ lý hoặc giải quyết',
  not_eligible: 'đơn không đủ điều kiện xử lý',
  sent_to_competent_body: 'đơn đã được gửi đến cơ quan có thẩm quyền',
  anonymous_not_verifiable: 'thông tin không đủ căn cứ để kiểm tra',
};

const CASE_EVENT: Record<string, string> = {
  received: 'Tiếp nhận khiếu nại',
  accept: 'Thụ lý giải quyết khiếu nại',
  refuse: 'Không thụ lý khiếu nại (đã thông báo lý do bằng văn bản)',
  start_verification: 'Đang xác minh nội dung khiếu nại',
  schedule_dialogue: 'Mời đối thoại',
  hold_dialogue: 'Đã tổ chức đối thoại',
  decide: 'Đã ban hành quyết định giải quyết khiếu nại',
  send_decision: 'Đã gửi quyết định giải quyết khiếu nại',
  second_complaint_lodged: 'Có khiếu nại lần hai',
  lawsuit_filed: 'Có khởi kiện vụ án hành chính',
  become_legally_effective: 'Quyết định giải quyết khiếu nại có hiệu lực pháp luật',
  hand_to_enforcement: 'Tổ chức thi hành quyết định giải quyết khiếu nại',
  suspend: 'Tạm đình chỉ việc giải quyết khiếu nại',
  continue: 'Tiếp tục giải quyết khiếu nại',
  withdraw_partially: 'Rút một phần nội dung khiếu nại',
  withdraw: 'Rút khiếu nại — đình chỉ giải quyết',
  terminate: 'Đình chỉ việc giải quyết khiếu nại',
};

/** A denunciation's steps as the denouncer is told of them (LTC arts. 29, 30, 34, 35). */
const DENUNCIATION_EVENT: Record<string, string> = {
  received: 'Tiếp nhận tố cáo',
  accept: 'Thụ lý tố cáo',
  refuse: 'Không thụ lý tố cáo (đã thông báo lý do)',
  review_re_resolve: 'Giải quyết lại tố cáo',
  take_over: 'Cơ quan cấp trên trực tiếp giải quyết',
  extend: 'Gia hạn giải quyết tố cáo',
  suspend: 'Tạm đình chỉ việc giải quyết tố cáo',
  continue: 'Tiếp tục giải quyết tố cáo',
  conclude: 'Đã ban hành kết luận nội dung tố cáo',
  send_conclusion: 'Đã thông báo kết luận nội dung tố cáo',
  terminate: 'Đình chỉ việc giải quyết tố cáo',
  close: 'Kết thúc việc giải quyết tố cáo',
  review_no_re_resolution: 'Đã xem xét: việc giải quyết trước đó là đúng',
  report_received: 'Đã có báo cáo của người giải quyết',
};

const DENUNCIATION_STAGE: Record<string, string> = {
  received: 'Chờ thụ lý',
  accepted: 'Đang giải quyết',
  verifying: 'Đang giải quyết',
  suspended: 'Tạm đình chỉ',
  concluded: 'Đã có kết luận',
  monitoring: 'Đã có kết luận',
  awaiting_report: 'Đang xem xét',
  closed: 'Đã kết thúc',
  refused: 'Không thụ lý',
  terminated: 'Đã đình chỉ',
};

const STAGE: Record<string, string> = {
  received: 'Chờ thụ lý',
  accepted: 'Đang giải quyết',
  verifying: 'Đang giải quyết',
  dialogue: 'Đang giải quyết',
  suspended: 'Tạm đình chỉ',
  decided: 'Đã có quyết định giải quyết',
  second_complaint_window: 'Đã có quyết định giải quyết',
  awaiting_legal_effect: 'Đã có quyết định giải quyết',
  legally_effective: 'Quyết định có hiệu lực pháp luật',
  enforcement: 'Đang tổ chức thi hành',
  refused: 'Không thụ lý',
  terminated: 'Đã đình chỉ',
  superseded: 'Đã có khiếu nại lần hai',
};

/** The deadlines a citizen is told about, and how they are named. */
const DEADLINE_STEP: Record<string, string> = {
  processing: 'Xử lý đơn',
  acceptance: 'Thụ lý khiếu nại',
  resolution: 'Giải quyết khiếu nại',
  send_decision: 'Gửi quyết định giải quyết',
  legal_effect: 'Quyết định có hiệu lực pháp luật',
  // Denunciations: only the periods the denouncer is entitled to know of.
  resolution_denunciation: 'Giải quyết tố cáo',
};

export function letterStatusView(
  letter: StatusLetterFacts,
  complaint: StatusCaseFacts | null,
): LetterStatusView {
  const milestones: Milestone[] = [{ date: letter.receivedOn, text: 'Đã nhận đơn' }];
  if (letter.status === 'split') {
    milestones.push({
      date: letter.receivedOn,
      text: 'Đơn có nhiều nội dung được tách thành các đơn riêng; mỗi đơn có mã tra cứu riêng',
    });
  }
  if (letter.decision && letter.decidedOn) {
    const reason =
      letter.decision === 'archive' && letter.archiveReason ? `: ${ARCHIVE[letter.archiveReason]}` : '';
    milestones.push({ date: letter.decidedOn, text: `${DECISION[letter.decision]}${reason}` });
  }
  let stage =
    letter.status === 'registered'
      ? 'Đang xử lý đơn'
      : letter.status === 'split'
        ? 'Đã tách đơn'
        : 'Đã xử lý đơn';
  let currentDeadline: LetterStatusView['currentDeadline'] =
    letter.status === 'registered' ? { step: DEADLINE_STEP.processing, due: letter.processingDue } : null;
  if (complaint) {
    const events = complaint.kind === 'complaint' ? CASE_EVENT : DENUNCIATION_EVENT;
    for (const e of complaint.events) {
      const text = events[e.event];
      if (text) milestones.push({ date: e.date, text });
    }
    stage = (complaint.kind === 'complaint' ? STAGE : DENUNCIATION_STAGE)[complaint.state] ?? stage;
    const step = (purpose: string) =>
      complaint.kind === 'complaint'
        ? DEADLINE_STEP[purpose]
        : purpose === 'resolution'
          ? DEADLINE_STEP.resolution_denunciation
          : undefined;
    const next = complaint.openDeadlines
      .filter((d) => step(d.purpose))
      .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))[0];
    currentDeadline = next ? { step: step(next.purpose)!, due: next.dueDate } : null;
  }
  return {
    receiptCode: letter.receiptCode,
    receivedOn: letter.receivedOn,
    kind: KIND[letter.classification] ?? letter.classification,
    stage,
    milestones,
    currentDeadline,
    competentBody:
      letter.decision === 'guide'
        ? letter.guidanceBody
        : letter.decision === 'transfer'
          ? letter.transferTo
          : null,
  };
}
