/** The API's error answer: `{statusCode, code, message, details:[{field,message}]}`. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: { field: string; message: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
  get code() {
    return this.body.code;
  }
  get details() {
    return this.body.details ?? [];
  }
  get isConflict() {
    return this.status === 409 && /VERSION_CONFLICT$/.test(this.code);
  }
}

/** openapi-fetch's `{data, error, response}` into data, or an ApiError to throw. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const body = (result.error ?? {}) as Partial<ErrorBody>;
    throw new ApiError(result.response.status, {
      statusCode: result.response.status,
      code: body.code ?? `HTTP_${result.response.status}`,
      message: body.message ?? result.response.statusText,
      details: body.details,
    });
  }
  return result.data as T;
}

/** The API's English field messages in Vietnamese (the common shapes; anything else says "không hợp lệ"). */
export function fieldMessage(message: string): string {
  const m = message.toLowerCase();
  if (/căn cước|12 digits/.test(m)) return 'Số căn cước phải gồm đúng 12 chữ số';
  if (/telephone|phone/.test(m)) return 'Số điện thoại không đúng (bắt đầu bằng 0 hoặc +84)';
  if (/should not be empty|is required|must not be empty|must be longer than or equal to/.test(m))
    return 'Cần nhập nội dung này (quá ngắn hoặc để trống)';
  if (/shorter than or equal|must be at most|too long/.test(m)) return 'Nội dung quá dài';
  if (/future/.test(m)) return 'Ngày không được ở tương lai';
  if (/representative/.test(m)) return 'Đoàn đông người phải có người đại diện';
  if (/date/.test(m)) return 'Ngày không hợp lệ';
  if (/time/.test(m)) return 'Giờ không hợp lệ (HH:mm)';
  if (/must be one of|must be a valid enum/.test(m)) return 'Hãy chọn một giá trị trong danh sách';
  if (/email/.test(m)) return 'Địa chỉ thư điện tử không hợp lệ';
  return 'Giá trị không hợp lệ';
}

/** Field errors for an antd form: `citizens[0].idNumber` (or `citizens.0.idNumber`) → ['citizens', 0, 'idNumber']. */
export function formFieldErrors(error: unknown) {
  if (!(error instanceof ApiError)) return [];
  return error.details
    .filter((d) => d.field && d.field !== '(body)')
    .map((d) => ({
      name: d.field
        .split(/[.[\]]+/)
        .filter(Boolean)
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      errors: [fieldMessage(d.message)],
    }));
}

/** A Vietnamese sentence for an error shown outside a form field. */
export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.';
  switch (error.status) {
    case 400:
    case 422:
      return 'Thông tin chưa hợp lệ: xem các ô được đánh dấu.';
    case 401:
      return 'Phiên làm việc đã hết. Hãy đăng nhập lại.';
    case 403:
      return 'Tài khoản của bạn không có quyền làm việc này.';
    case 404:
      return 'Không tìm thấy (đã bị xóa hoặc ngoài phạm vi đơn vị của bạn).';
    case 409:
      return 'Dữ liệu vừa được người khác thay đổi.';
    case 429:
      return 'Thao tác quá nhanh. Chờ một lát rồi thử lại.';
    case 503:
      return 'Hệ thống đang bận. Đang thử lại…';
    default:
      return `Có lỗi xảy ra (mã ${error.code}). Báo cho quản trị viên kèm thời điểm xảy ra.`;
  }
}
