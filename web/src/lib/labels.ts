// Vietnamese names of the API's codes (statuses, kinds, channels, legal steps).

export const CONTENT_KIND: Record<string, string> = {
  complaint: 'Khiếu nại',
  denunciation: 'Tố cáo',
  petition: 'Kiến nghị, phản ánh',
  mixed: 'Nhiều nội dung (tách đơn)',
  anonymous: 'Đơn nặc danh',
};

export const OUTCOME: Record<string, string> = {
  guided: 'Hướng dẫn đến cơ quan có thẩm quyền',
  letter_received: 'Tiếp nhận đơn',
  transferred: 'Chuyển đơn',
  refused: 'Từ chối tiếp',
};

export const CHANNEL: Record<string, string> = {
  reception_visit: 'Tại nơi tiếp công dân',
  post: 'Bưu chính',
  online_form: 'Cổng trực tuyến',
  email: 'Thư điện tử',
  na_deputy: 'Đại biểu Quốc hội chuyển',
  council_deputy: 'Đại biểu HĐND chuyển',
  fatherland_front: 'Mặt trận Tổ quốc chuyển',
  press: 'Cơ quan báo chí chuyển',
  agency: 'Cơ quan, đơn vị khác chuyển',
};

export const LETTER_STATUS: Record<string, string> = {
  registered: 'Chờ xử lý',
  decided: 'Đã xử lý',
  split: 'Đã tách đơn',
};

export const ELIGIBILITY: Record<string, string> = {
  language: 'Viết bằng tiếng Việt (hoặc có bản dịch công chứng)',
  dated: 'Ghi rõ ngày, tháng, năm viết đơn',
  identified_and_signed: 'Có họ tên, địa chỉ, chữ ký hoặc điểm chỉ của người viết đơn',
  content_complete: 'Nêu đủ nội dung, lý do, yêu cầu',
  lawful_content: 'Không có nội dung trái pháp luật, xúc phạm',
  legible: 'Đọc được, không rách nát, tẩy xóa',
  names_violator: 'Nêu rõ người có hành vi vi phạm',
  has_evidence: 'Có tài liệu, chứng cứ cụ thể',
  verifiable: 'Có cơ sở để thẩm tra, xác minh',
};

export const SESSION_STATUS: Record<string, string> = {
  scheduled: 'Theo lịch',
  postponed: 'Hoãn',
  cancelled: 'Hủy',
};
