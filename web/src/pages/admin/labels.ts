// Vietnamese names of the administration screens' codes. labels.spec.ts holds them to the API's lists:
// every role, permission, unit kind and recipient rule the API defines has its Vietnamese here.

export const ROLE_TEXT: Record<string, string> = {
  admin: 'Quản trị hệ thống',
  inspectorate_leader: 'Lãnh đạo Thanh tra',
  unit_head: 'Thủ trưởng đơn vị',
  reception_officer: 'Cán bộ tiếp công dân',
  case_handler: 'Người xác minh, xử lý vụ việc',
  identity_custodian: 'Người quản lý thông tin người tố cáo',
};

/** What a permission lets its holder do, as a sentence ending a "Được …" list. */
export const PERMISSION_TEXT: Record<string, string> = {
  'units:read': 'xem các đơn vị trong phạm vi',
  'units:write': 'tạo, sửa, chuyển, ngừng hoạt động đơn vị',
  'users:read': 'xem tài khoản cán bộ',
  'users:write': 'tạo, sửa tài khoản, đặt lại mật khẩu, kết thúc phiên đăng nhập',
  'audit:read': 'xem nhật ký hệ thống',
  'reception:read': 'xem lịch tiếp và sổ tiếp công dân (không có thông tin cá nhân)',
  'reception:write': 'ghi sổ tiếp công dân, quản lý địa điểm, lịch và buổi tiếp',
  'reception:personal_data': 'xem thông tin cá nhân của công dân trong sổ tiếp',
  'calendars:read': 'xem lịch ngày làm việc',
  'calendars:write': 'sửa lịch ngày làm việc (ngày nghỉ, ngày làm bù, xác nhận năm)',
  'deadlines:preview': 'tính thử thời hạn',
  'letters:read': 'xem đơn (không có người viết đơn)',
  'letters:write': 'tiếp nhận, phân loại, tách và xử lý đơn',
  'letters:personal_data': 'xem thông tin người viết đơn (mỗi lần xem được ghi nhật ký)',
  'cases:read': 'xem vụ việc và danh sách công việc',
  'cases:handle': 'thực hiện các bước xác minh, đối thoại, dự thảo, gửi quyết định',
  'cases:manage': 'thụ lý, quyết định, tạm đình chỉ, đình chỉ, giao việc',
  'identity:request': 'đề nghị xem danh tính người tố cáo',
  'identity:custody': 'quản lý danh tính người tố cáo, quyết định đề nghị xem',
  'personal_data:subject_access':
    'tìm, xuất và sửa dữ liệu cá nhân theo yêu cầu của chủ thể dữ liệu (Luật Bảo vệ dữ liệu cá nhân)',
  'reports:read': 'xem báo cáo định kỳ và bảng điều khiển (số liệu tổng hợp)',
  'reports:deadlines': 'xem lịch và hạn báo cáo định kỳ',
  'reports:configure': 'cấu hình lịch báo cáo định kỳ',
  'enforcement:read': 'xem việc thi hành quyết định',
  'enforcement:write': 'chỉ đạo thi hành quyết định, báo cáo tiến độ, đính kèm chứng cứ',
  'webhooks:manage': 'đăng ký hệ thống nhận sự kiện (webhook)',
  'escalations:configure': 'sửa bậc cảnh báo quá hạn (ai được báo, khi nào)',
};

export const UNIT_KIND_TEXT: Record<string, string> = {
  province: 'Ủy ban nhân dân tỉnh, thành phố',
  commune: 'Ủy ban nhân dân xã, phường, đặc khu',
  agency: 'Sở, ban, ngành',
  inspectorate: 'Thanh tra',
  office: 'Văn phòng',
  division: 'Phòng, ban chuyên môn',
  public_service_unit: 'Đơn vị sự nghiệp công lập',
  other: 'Khác',
};

export const RECIPIENT_TEXT: Record<string, string> = {
  handler: 'Người được giao xử lý (với đơn: người tiếp nhận)',
  unit_head: 'Thủ trưởng đơn vị giải quyết',
  parent_inspectorate: 'Thanh tra của cơ quan cấp trên',
  inspectorate_leader: 'Lãnh đạo Thanh tra cơ quan cấp trên',
  parent_agency_head: 'Thủ trưởng cơ quan cấp trên',
};

export const LADDER_KEY_TEXT: Record<string, string> = {
  complaint_case: 'Mọi vụ việc khiếu nại',
  denunciation_case: 'Mọi vụ việc tố cáo',
  letter: 'Mọi đơn (thời hạn xử lý đơn)',
  enforcement_obligation: 'Mọi nghĩa vụ thi hành quyết định',
};

/** The policy in one sentence, before anything is typed (labels.spec.ts ties its length to the API's). */
export const PASSWORD_POLICY_TEXT =
  'Ít nhất 12 ký tự; không phải mật khẩu phổ biến, không tạo từ thư điện tử hay họ tên của người dùng.';

/** The API's password problems (src/auth/domain/password-policy.ts) in Vietnamese. */
export function passwordProblemText(problem: string): string {
  const m = problem.match(/at (least|most) (\d+) characters/);
  if (m) return m[1] === 'least' ? `Cần ít nhất ${m[2]} ký tự` : `Tối đa ${m[2]} ký tự`;
  if (/repeat a single character/.test(problem)) return 'Không được chỉ lặp lại một ký tự';
  if (/commonly used/.test(problem)) return 'Là mật khẩu quá phổ biến: hãy chọn mật khẩu khác';
  if (/be the e-mail/.test(problem)) return 'Không được là địa chỉ thư điện tử';
  if (/contain the e-mail/.test(problem)) return 'Không được chứa địa chỉ thư điện tử';
  if (/your name/.test(problem)) return 'Không được tạo từ họ tên của người dùng';
  return 'Mật khẩu chưa đạt yêu cầu';
}

/** The ladder's field problems (src/escalations/domain/ladder.ts) in Vietnamese. */
export function ladderProblemText(problem: string): string {
  if (/non-empty list/.test(problem)) return 'Cần ít nhất một mức';
  if (/above the previous/.test(problem)) return 'Số mức phải lớn hơn mức trước';
  if (/from -60 to 60/.test(problem)) return 'Số ngày làm việc phải từ -60 đến 60';
  if (/back in time/.test(problem)) return 'Mức sau không được sớm hơn mức trước';
  if (/recipients/.test(problem)) return 'Chọn ít nhất một người nhận trong danh sách';
  return 'Giá trị không hợp lệ';
}
