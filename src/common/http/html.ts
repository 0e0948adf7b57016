/** Text for HTML element content and quoted attribute values: `& < > " '` as character references. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * How a citizen's data is used, on every public page (Law 91/2025/QH15 on personal data protection; the
 * processing register is docs/personal-data.md). The public pages themselves collect nothing.
 */
export const PUBLIC_PRIVACY_NOTICE =
  '<p class="thong-bao-du-lieu">Trang này không thu thập thông tin cá nhân. Thông tin cá nhân công dân cung cấp khi gửi đơn hoặc khi được tiếp chỉ được dùng để tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh theo quy định của pháp luật và cập nhật Cơ sở dữ liệu quốc gia về công tác này (Nghị định 55/2022/NĐ-CP); danh tính người tố cáo được giữ bí mật (Luật Tố cáo, Điều 47, 48). Công dân có quyền biết, xem và yêu cầu đính chính thông tin của mình (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15) tại nơi đã tiếp nhận đơn.</p>';
