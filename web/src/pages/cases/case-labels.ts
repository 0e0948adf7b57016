// Vietnamese names of the case-work codes (issue 17): kinds of work, case states and tracks, obligations.

export const WORK_KIND: Record<string, string> = {
  letter: 'Đơn chờ xử lý',
  complaint: 'Hồ sơ khiếu nại',
  denunciation: 'Hồ sơ tố cáo',
  obligation: 'Nghĩa vụ thi hành',
};

export const CASE_STATE: Record<string, string> = {
  received: 'Chờ thụ lý',
  accepted: 'Đã thụ lý',
  verifying: 'Đang xác minh',
  dialogue: 'Đối thoại',
  suspended: 'Tạm đình chỉ',
  decided: 'Đã có quyết định',
  second_complaint_window: 'Trong thời hạn khiếu nại lần hai',
  awaiting_legal_effect: 'Chờ có hiệu lực pháp luật',
  legally_effective: 'Có hiệu lực pháp luật',
  enforcement: 'Đang tổ chức thi hành',
  refused: 'Không thụ lý',
  terminated: 'Đã đình chỉ giải quyết',
  superseded: 'Đã khiếu nại lần hai hoặc khởi kiện',
  concluded: 'Đã kết luận',
  monitoring: 'Theo dõi thực hiện kết luận',
  awaiting_report: 'Chờ báo cáo',
  closed: 'Đã kết thúc',
  inspected: 'Đã kiểm tra',
  forwarded: 'Đã chuyển',
  registered: 'Chờ quyết định xử lý',
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Đã hoàn thành',
  overdue: 'Quá hạn',
  blocked: 'Vướng mắc',
};

export const CASE_TRACK: Record<string, string> = {
  first_time: 'Khiếu nại lần đầu',
  second_time: 'Khiếu nại lần hai',
  disciplinary_first: 'Khiếu nại kỷ luật lần đầu',
  disciplinary_second: 'Khiếu nại kỷ luật lần hai',
  denunciation: 'Tố cáo',
  redenunciation_wrong_resolution: 'Tố cáo tiếp (giải quyết không đúng)',
  redenunciation_overdue: 'Tố cáo tiếp (quá hạn giải quyết)',
  anonymous_information: 'Thông tin có nội dung tố cáo',
  complaint: 'Khiếu nại',
  petition: 'Kiến nghị, phản ánh',
  mixed: 'Nhiều nội dung',
  anonymous: 'Đơn nặc danh',
};

/** States a filter offers, per kind of work. */
export const STATES_OF: Record<string, string[]> = {
  complaint: [
    'received',
    'accepted',
    'verifying',
    'dialogue',
    'suspended',
    'decided',
    'second_complaint_window',
    'awaiting_legal_effect',
    'legally_effective',
  ],
  denunciation: [
    'received',
    'accepted',
    'verifying',
    'suspended',
    'concluded',
    'monitoring',
    'awaiting_report',
  ],
  obligation: ['not_started', 'in_progress', 'overdue', 'blocked'],
  letter: ['registered'],
};

export const TRACKS_OF: Record<string, string[]> = {
  complaint: ['first_time', 'second_time', 'disciplinary_first', 'disciplinary_second'],
  denunciation: [
    'denunciation',
    'redenunciation_wrong_resolution',
    'redenunciation_overdue',
    'anonymous_information',
  ],
  letter: ['complaint', 'denunciation', 'petition', 'mixed', 'anonymous'],
};

/** Where a work item opens. */
export function workItemPath(item: { kind: string; id: string; parentId?: string | null }): string {
  switch (item.kind) {
    case 'letter':
      return `/don/${item.id}`;
    case 'complaint':
      return `/ho-so/khieu-nai/${item.id}`;
    case 'denunciation':
      return `/ho-so/to-cao/${item.id}`;
    default:
      return `/thi-hanh/${item.parentId}`;
  }
}
