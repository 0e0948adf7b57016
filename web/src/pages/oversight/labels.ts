// Vietnamese names of the oversight screens' codes (the same texts as the server's dashboard page,
// src/dashboard/dashboard-page.html.ts).

export type CaseKind = 'complaint' | 'denunciation';

export const KIND_TEXT: Record<CaseKind, string> = { complaint: 'Khiếu nại', denunciation: 'Tố cáo' };

export const STATE_TEXT: Record<CaseKind, Record<string, string>> = {
  complaint: {
    received: 'Đã tiếp nhận',
    accepted: 'Đã thụ lý',
    verifying: 'Đang xác minh',
    dialogue: 'Đang đối thoại',
    suspended: 'Tạm đình chỉ',
    decided: 'Đã có quyết định giải quyết',
    second_complaint_window: 'Trong thời hạn khiếu nại lần hai',
    awaiting_legal_effect: 'Chờ có hiệu lực pháp luật',
    legally_effective: 'Có hiệu lực pháp luật',
    enforcement: 'Chuyển thi hành',
    refused: 'Không thụ lý',
    terminated: 'Đình chỉ giải quyết',
    superseded: 'Được thay thế',
  },
  denunciation: {
    received: 'Đã tiếp nhận',
    accepted: 'Đã thụ lý',
    verifying: 'Đang xác minh',
    suspended: 'Tạm đình chỉ',
    concluded: 'Đã có kết luận',
    monitoring: 'Theo dõi thực hiện kết luận',
    awaiting_report: 'Chờ báo cáo',
    closed: 'Đã kết thúc',
    refused: 'Không thụ lý',
    terminated: 'Đình chỉ giải quyết',
    inspected: 'Đã kiểm tra (thông tin nặc danh)',
    forwarded: 'Đã chuyển (thông tin nặc danh)',
  },
};

export const BACKLOG_STATUSES = ['not_started', 'in_progress', 'overdue', 'blocked'] as const;

export const ENFORCEMENT_STATUS_TEXT: Record<string, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  overdue: 'Quá hạn',
  blocked: 'Vướng mắc',
  done: 'Đã hoàn thành',
};

/** Colours of at least 4.5:1 on white, for bars that carry white text. */
export const BACKLOG_COLOUR: Record<string, string> = {
  not_started: '#595959',
  in_progress: '#0a4b8f',
  overdue: '#a40000',
  blocked: '#7a4a00',
};

export const REPORT_FORMS = [
  { value: '01-TCD', label: '01/TCD — Tiếp công dân' },
  { value: '02-XLD', label: '02/XLD — Xử lý đơn' },
  { value: '03-GQKN', label: '03/GQKN — Giải quyết khiếu nại' },
  { value: '04-GQTC', label: '04/GQTC — Giải quyết tố cáo' },
  { value: '05-KQTH', label: '05/KQTH — Kết quả thực hiện' },
] as const;

export const PERIOD_TEXT: Record<string, string> = {
  month: 'Tháng',
  quarter: 'Quý',
  six_months: '6 tháng',
  nine_months: '9 tháng',
  year: 'Năm',
  custom: 'Khoảng ngày',
};

export const CUTOFF_TEXT: Record<string, string> = {
  nd09: 'Theo NĐ 09/2019 (từ ngày 15 tháng trước)',
  calendar: 'Theo năm dương lịch (từ ngày 1)',
  national_assembly: 'Theo kỳ họp Quốc hội (01/8 – 31/7)',
};

export const RUN_STATUS_TEXT: Record<string, string> = {
  queued: 'Đang chờ',
  running: 'Đang lập',
  done: 'Đã xong',
  failed: 'Lỗi',
  expired: 'Đã hết hạn',
};

/** "11/2026" from "2026-11". */
export function showMonth(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/** The first and last day of a "YYYY-MM" month. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** "66,7 %" */
export function showRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${(rate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
}

export const DEADLINE_PURPOSE_TEXT: Record<string, string> = {
  resolution: 'Hạn giải quyết',
  acceptance: 'Hạn thụ lý',
  acceptance_notice: 'Hạn thông báo thụ lý',
  processing: 'Hạn xử lý đơn',
  suspension_notice: 'Hạn gửi quyết định tạm đình chỉ, đình chỉ',
  send_decision: 'Hạn gửi quyết định',
  second_complaint_window: 'Thời hạn khiếu nại lần hai',
  legal_effect: 'Hiệu lực pháp luật',
  enforcement: 'Hạn thi hành',
  dialogue_invitation: 'Hạn mời đối thoại',
  review: 'Hạn xem xét',
  report_request: 'Hạn báo cáo',
  forwarder_notice: 'Hạn thông báo cho nơi chuyển đơn',
};
