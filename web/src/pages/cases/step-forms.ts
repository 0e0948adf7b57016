// The fields each step of a case needs, as the API checks them (src/complaints/complaint-cases.service.ts
// and src/denunciations/denunciation-cases.service.ts: MANAGE_EVENTS, NEEDS_DOCUMENT, NEEDS_NOTE; the
// outcome of decide / conclude; signsOfViolation of a denunciation's withdrawal). The API refuses what
// is missing anyway; these lists only make each form show exactly its fields.

export type CaseKind = 'complaint' | 'denunciation';

export interface StepForm {
  /** The head's decision (cases:manage over the case's unit) or the handler's step. */
  head: boolean;
  document: boolean;
  note: boolean;
  outcome: boolean;
  signsOfViolation: boolean;
  /** schedule_dialogue: the dialogue's own day, which may lie ahead (KN-10 counts back from it). */
  dialogueDay: boolean;
}

const HEAD: Record<CaseKind, readonly string[]> = {
  complaint: [
    'accept',
    'refuse',
    'decide',
    'suspend',
    'continue',
    'withdraw_partially',
    'withdraw',
    'terminate',
    'hand_to_enforcement',
  ],
  denunciation: [
    'accept',
    'refuse',
    'extend',
    'suspend',
    'continue',
    'conclude',
    'close',
    'withdraw',
    'terminate',
    'review_no_re_resolution',
    'review_re_resolve',
    'request_report',
    'take_over',
    'inspect',
    'forward',
  ],
};
const DOCUMENT: Record<CaseKind, readonly string[]> = {
  complaint: ['accept', 'refuse', 'decide', 'suspend', 'continue', 'terminate'],
  denunciation: [
    'accept',
    'refuse',
    'extend',
    'suspend',
    'continue',
    'conclude',
    'terminate',
    'review_no_re_resolution',
    'review_re_resolve',
    'request_report',
    'take_over',
  ],
};
const NOTE: Record<CaseKind, readonly string[]> = {
  complaint: ['suspend', 'terminate', 'withdraw', 'withdraw_partially'],
  denunciation: ['extend', 'suspend', 'withdraw', 'terminate'],
};

export function stepForm(kind: CaseKind, event: string): StepForm {
  return {
    head: HEAD[kind].includes(event),
    document: DOCUMENT[kind].includes(event),
    note: NOTE[kind].includes(event),
    outcome:
      (kind === 'complaint' && event === 'decide') || (kind === 'denunciation' && event === 'conclude'),
    signsOfViolation: kind === 'denunciation' && event === 'withdraw',
    dialogueDay: kind === 'complaint' && event === 'schedule_dialogue',
  };
}

export const STEP: Record<string, string> = {
  received: 'Tiếp nhận',
  accept: 'Thụ lý',
  refuse: 'Không thụ lý',
  start_verification: 'Bắt đầu xác minh',
  schedule_dialogue: 'Tổ chức đối thoại (mời)',
  hold_dialogue: 'Đối thoại',
  decide: 'Ban hành quyết định giải quyết',
  send_decision: 'Gửi quyết định giải quyết',
  second_complaint_lodged: 'Có khiếu nại lần hai',
  lawsuit_filed: 'Khởi kiện vụ án hành chính',
  become_legally_effective: 'Quyết định có hiệu lực pháp luật',
  hand_to_enforcement: 'Chuyển tổ chức thi hành',
  suspend: 'Tạm đình chỉ',
  continue: 'Tiếp tục giải quyết',
  withdraw_partially: 'Rút một phần',
  withdraw: 'Rút toàn bộ',
  terminate: 'Đình chỉ',
  send_notice: 'Gửi quyết định, thông báo',
  notify_acceptance: 'Thông báo thụ lý',
  extend: 'Gia hạn giải quyết',
  conclude: 'Kết luận nội dung tố cáo',
  send_conclusion: 'Gửi kết luận',
  handle_conclusion: 'Xử lý kết luận',
  publicise_conclusion: 'Công khai kết luận',
  start_monitoring: 'Theo dõi thực hiện kết luận',
  close: 'Kết thúc',
  review_no_re_resolution: 'Xem xét: không giải quyết lại',
  review_re_resolve: 'Xem xét: giải quyết lại',
  request_report: 'Yêu cầu báo cáo',
  report_received: 'Nhận báo cáo',
  take_over: 'Trực tiếp giải quyết',
  inspect: 'Kiểm tra, xác minh trong thẩm quyền',
  forward: 'Chuyển cơ quan có thẩm quyền',
};

export const PURPOSE: Record<string, string> = {
  acceptance: 'Thụ lý (quyết định thụ lý hoặc không thụ lý)',
  resolution: 'Giải quyết',
  dialogue_invitation: 'Mời đối thoại',
  send_decision: 'Gửi quyết định giải quyết',
  second_complaint_window: 'Thời hạn khiếu nại lần hai',
  legal_effect: 'Có hiệu lực pháp luật',
  enforcement: 'Tổ chức thi hành',
  suspension_notice: 'Gửi quyết định tạm đình chỉ, tiếp tục, đình chỉ',
  acceptance_notice: 'Thông báo thụ lý',
  send_conclusion: 'Gửi kết luận',
  handle_conclusion: 'Xử lý kết luận',
  publicise_conclusion: 'Công khai kết luận',
  review: 'Xem xét tố cáo tiếp',
  report_request: 'Yêu cầu báo cáo',
  report: 'Báo cáo',
  processing: 'Xử lý đơn',
};

export const OUTCOME: Record<string, string> = {
  right: 'Đúng',
  partly_right: 'Đúng một phần',
  wrong: 'Sai',
};
