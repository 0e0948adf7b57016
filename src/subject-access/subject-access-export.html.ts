import { viDate } from '../common/domain/vietnamese-format.js';
import { escapeHtml } from '../common/http/html.js';
import type { SubjectExportRecordView, SubjectExportView } from './dto/subject-access.dto.js';

const KIND: Record<SubjectExportRecordView['kind'], string> = {
  letter_petitioner: 'Đơn do người yêu cầu gửi (người đứng đơn)',
  letter_authorisation: 'Đơn mà người yêu cầu là người được ủy quyền',
  reception_visitor: 'Lượt tiếp công dân',
  letter_subscription: 'Đăng ký nhận thư điện tử về đơn',
  account: 'Tài khoản người dùng',
  letter_mention: 'Đơn của người khác có nêu tên',
  visit_mention: 'Lượt tiếp người khác có nêu tên',
};

const CATEGORY: Record<string, string> = {
  complaint: 'khiếu nại',
  denunciation: 'tố cáo',
  petition: 'kiến nghị, phản ánh',
  mixed: 'nhiều nội dung',
  reflection: 'phản ánh',
  recommendation: 'kiến nghị',
};

const FIELD: Record<string, string> = {
  fullName: 'Họ và tên',
  address: 'Địa chỉ',
  idNumber: 'Số căn cước',
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  representative: 'Người đại diện',
  relationship: 'Quan hệ với người khiếu nại',
  practisingCardNumber: 'Số thẻ hành nghề',
  authorisationKind: 'Loại ủy quyền',
  documentRef: 'Văn bản ủy quyền',
  documentDate: 'Ngày văn bản ủy quyền',
  subscribedAt: 'Đăng ký lúc (UTC)',
  unsubscribedAt: 'Hủy đăng ký lúc (UTC)',
  messages: 'Thư đã gửi',
  title: 'Chức danh',
  subject: 'Trích yếu',
  content: 'Nội dung',
  summary: 'Nội dung trình bày',
};

function value(v: unknown): string {
  if (v === null || v === undefined || v === '') return '<em>không có</em>';
  if (typeof v === 'boolean') return v ? 'có' : 'không';
  if (Array.isArray(v)) {
    if (v.length === 0) return '<em>không có</em>';
    return `<ul>${v
      .map((m: { date?: string; text?: string }) =>
        m && typeof m === 'object'
          ? `<li>${escapeHtml(viDate(String(m.date)))}: ${escapeHtml(String(m.text))}</li>`
          : '',
      )
      .join('')}</ul>`;
  }
  return escapeHtml(String(v));
}

function table(rows: Record<string, unknown>): string {
  return `<table><tbody>${Object.entries(rows)
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(FIELD[k] ?? k)}</th><td>${value(v)}</td></tr>`)
    .join('')}</tbody></table>`;
}

function record(r: SubjectExportRecordView, i: number): string {
  const meta = [
    r.date ? `ngày ${viDate(r.date)}` : null,
    r.category ? `loại: ${CATEGORY[r.category] ?? r.category}` : null,
    `mã hồ sơ ${r.recordId}`,
  ].filter(Boolean);
  const parts = [
    `<h2>${i + 1}. ${escapeHtml(KIND[r.kind])}</h2>`,
    `<p class="meta">${escapeHtml(meta.join(' · '))}</p>`,
  ];
  if (r.data) parts.push(table(r.data));
  if (r.texts) {
    for (const [k, t] of Object.entries(r.texts)) {
      parts.push(`<h3>${escapeHtml(FIELD[k] ?? k)}</h3><p class="text">${escapeHtml(t)}</p>`);
    }
  }
  if (r.withheld) parts.push(`<p class="withheld">${escapeHtml(r.withheld)}</p>`);
  return `<section>${parts.join('')}</section>`;
}

/** The export as a printable page in Vietnamese (A4, no script, no external resource). */
export function subjectExportHtml(view: SubjectExportView): string {
  const generated = view.generatedAt.replace('T', ' ').slice(0, 19);
  const body = view.records.length
    ? view.records.map(record).join('')
    : '<p>Không có dữ liệu cá nhân nào về người yêu cầu trong các đơn vị được tìm.</p>';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Dữ liệu cá nhân — yêu cầu ${escapeHtml(view.requestRef)}</title>
<style>
body{font-family:"Times New Roman",serif;max-width:190mm;margin:12mm auto;font-size:12pt;color:#000}
h1{font-size:15pt;text-align:center}h2{font-size:13pt;margin-top:8mm}h3{font-size:12pt}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #555;padding:2mm;text-align:left;vertical-align:top}
th{width:35%;font-weight:normal;background:#f2f2f2}.meta{color:#333}.text{white-space:pre-wrap}
.withheld{border-left:3px solid #555;padding-left:3mm;font-style:italic}section{break-inside:avoid}
@page{size:A4;margin:12mm}
</style></head><body>
<h1>DỮ LIỆU CÁ NHÂN ĐANG ĐƯỢC XỬ LÝ</h1>
<p>Yêu cầu số: <strong>${escapeHtml(view.requestRef)}</strong> · Lập lúc ${escapeHtml(generated)} (UTC) · Tìm theo ${
    view.searchedBy === 'id_number' ? 'số căn cước' : 'họ tên và địa chỉ'
  }</p>
<p>Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15. Văn bản chỉ gồm dữ liệu của người yêu cầu; thông tin của người khác và danh tính người tố cáo không được cung cấp (Luật Tố cáo 2018, điều 8 khoản 3, điều 47).</p>
${body}
</body></html>`;
}
