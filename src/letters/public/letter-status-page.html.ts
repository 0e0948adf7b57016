/**
 * The petitioner's status page behind a receipt code and secret (Vietnamese, server-rendered, no
 * JavaScript), built like the public calendar page: one h1 and ordered headings, a skip link, labelled
 * fields with their hints and errors tied by aria-describedby, an error summary linking to the fields,
 * contrast ≥ 4.5:1, visible focus, usable at 320 px.
 *
 * The secret is never part of the page: it is not an input of the renderer. The code is echoed only as the
 * canonical code (or, when it cannot be one, as typed, cleaned and escaped) to let the citizen correct it.
 */
import type { LocalDate } from '../../common/domain/local-date.js';
import { escapeHtml, PUBLIC_PRIVACY_NOTICE } from '../../common/http/html.js';
import { viDate } from '../../common/domain/vietnamese-format.js';
import { normaliseReceiptCode } from '../domain/receipt-code.js';
import type { LetterStatusView, Milestone } from './letter-status.js';

export const STATUS_PAGE_PATH = '/tra-cuu-don';

/** Longer input is refused before any lookup (the canonical code has 17 characters, the secret 10). */
export const MAX_FIELD_LENGTH = 64;

const e = escapeHtml;

export type StatusField = 'code' | 'secret';

export interface StatusFieldProblem {
  field: StatusField;
  message: string;
}

/** The form as read from a POST body (urlencoded or JSON): trimmed text, and what is wrong with it. */
export interface StatusForm {
  code: string;
  secret: string;
  problems: StatusFieldProblem[];
}

const FIELD_ID: Record<StatusField, string> = { code: 'ma-tra-cuu', secret: 'mat-ma' };

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** Reads the submitted fields; anything but a string counts as empty. */
export function readStatusForm(body: unknown): StatusForm {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const text = (name: StatusField) => {
    const value = Object.hasOwn(fields, name) ? fields[name] : undefined;
    return typeof value === 'string' ? value.trim() : '';
  };
  const code = text('code');
  const secret = text('secret');
  const problems: StatusFieldProblem[] = [];
  if (!code) problems.push({ field: 'code', message: 'Nhập mã tra cứu ghi trên giấy biên nhận.' });
  else if (code.length > MAX_FIELD_LENGTH)
    problems.push({
      field: 'code',
      message: `Mã tra cứu không dài quá ${MAX_FIELD_LENGTH} ký tự, ví dụ TD-2026-7KQ4-M9XP.`,
    });
  if (!secret) problems.push({ field: 'secret', message: 'Nhập mật mã ghi trên giấy biên nhận.' });
  else if (secret.length > MAX_FIELD_LENGTH)
    problems.push({ field: 'secret', message: `Mật mã không dài quá ${MAX_FIELD_LENGTH} ký tự.` });
  return { code, secret, problems };
}

/** What the form is refilled with: the canonical code when the input can be one, else the input cleaned. */
export function codeToEcho(code: string): string {
  return normaliseReceiptCode(code) ?? code.replace(CONTROL_CHARACTERS, '').trim().slice(0, MAX_FIELD_LENGTH);
}

export type StatusPageInput =
  | { kind: 'form' }
  /** Empty or over-long fields (400). `code` is refilled (through {@link codeToEcho}), never the secret. */
  | { kind: 'invalid'; code: string; problems: StatusFieldProblem[] }
  /** Unknown code, wrong secret or malformed code alike (404): one neutral message. */
  | { kind: 'not_found'; code: string }
  | { kind: 'status'; status: LetterStatusView };

export const NOT_FOUND_TEXT =
  'Không tìm thấy đơn với mã và mật mã này. Vui lòng kiểm tra lại mã tra cứu và mật mã ghi trên giấy biên nhận rồi thử lại.';

function dateHtml(date: LocalDate): string {
  return `<time datetime="${e(date)}">${e(viDate(date))}</time>`;
}

/** Oldest first; milestones of the same day keep the order the status view gave them. */
function chronological(milestones: readonly Milestone[]): Milestone[] {
  return milestones
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (a.m.date < b.m.date ? -1 : a.m.date > b.m.date ? 1 : a.i - b.i))
    .map(({ m }) => m);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

function statusSection(s: LetterStatusView): string {
  const deadline = s.currentDeadline
    ? `<p class="han"><strong>Thời hạn theo quy định:</strong> ${e(lowerFirst(s.currentDeadline.step))} đến ngày ${dateHtml(s.currentDeadline.due)}.</p>`
    : '<p class="han">Hiện không có thời hạn giải quyết nào đang được tính cho đơn này.</p>';
  const body = s.competentBody
    ? `<div><dt>Cơ quan có thẩm quyền</dt><dd>${e(s.competentBody)}</dd></div>`
    : '';
  const milestones = chronological(s.milestones)
    .map((m) => `<li>${dateHtml(m.date)}: ${e(m.text)}</li>`)
    .join('\n');
  return `<section aria-labelledby="ket-qua">
<h2 id="ket-qua">Tình trạng đơn ${e(s.receiptCode)}</h2>
<dl class="thong-tin">
<div><dt>Mã tra cứu</dt><dd>${e(s.receiptCode)}</dd></div>
<div><dt>Ngày nhận đơn</dt><dd>${dateHtml(s.receivedOn)}</dd></div>
<div><dt>Loại đơn</dt><dd>${e(s.kind)}</dd></div>
<div><dt>Tình trạng</dt><dd><strong>${e(s.stage)}</strong></dd></div>
${body}
</dl>
${deadline}
<h3 id="qua-trinh">Quá trình xử lý</h3>
<ol class="moc" aria-labelledby="qua-trinh">
${milestones}
</ol>
<p><a href="${STATUS_PAGE_PATH}">Tra cứu đơn khác</a></p>
</section>`;
}

function fieldHtml(
  field: StatusField,
  label: string,
  hint: string,
  value: string,
  problem: StatusFieldProblem | undefined,
): string {
  const id = FIELD_ID[field];
  const described = [`${id}-goi-y`, ...(problem ? [`${id}-loi`] : [])].join(' ');
  return `<div class="truong${problem ? ' co-loi' : ''}">
<label for="${id}">${label}</label>
<p id="${id}-goi-y" class="goi-y">${hint}</p>
${problem ? `<p id="${id}-loi" class="loi-truong"><span class="an">Lỗi: </span>${e(problem.message)}</p>\n` : ''}<input id="${id}" name="${field}" type="text" value="${e(value)}" required maxlength="${MAX_FIELD_LENGTH}" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="${described}"${problem ? ' aria-invalid="true"' : ''}>
</div>`;
}

function formHtml(code: string, problems: readonly StatusFieldProblem[]): string {
  const problemOf = (field: StatusField) => problems.find((p) => p.field === field);
  return `<form method="post" action="${STATUS_PAGE_PATH}" novalidate aria-labelledby="tra-cuu">
<h2 id="tra-cuu">Nhập mã tra cứu và mật mã</h2>
${fieldHtml('code', 'Mã tra cứu', 'Ghi trên giấy biên nhận đơn, ví dụ TD-2026-7KQ4-M9XP. Không phân biệt chữ hoa, chữ thường; có thể gõ dấu cách thay cho dấu gạch.', codeToEcho(code), problemOf('code'))}
${fieldHtml('secret', 'Mật mã', 'Ghi cùng mã tra cứu trên giấy biên nhận. Không cho người khác biết mật mã.', '', problemOf('secret'))}
<div><button type="submit">Tra cứu</button></div>
</form>`;
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1rem;line-height:1.5;color:#1a1a1a;background:#fff}
a{color:#0a4b8f}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #0a4b8f;outline-offset:2px}
.bo-qua{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
.bo-qua:focus{left:.5rem}
.an{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header{background:#8b1a1a;color:#fff;padding:1rem}
header p{margin:0;font-size:.95rem}
h1{margin:.25rem 0 0;font-size:1.6rem}
main{max-width:48rem;margin:0 auto;padding:1rem}
h2{font-size:1.3rem;margin:1.5rem 0 .5rem}
h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
form{background:#f3f4f6;padding:1rem;border-radius:.5rem}
form h2{margin-top:0}
.truong{display:flex;flex-direction:column;margin:0 0 1rem}
.truong.co-loi{border-left:4px solid #a40000;padding-left:.75rem}
label{font-weight:600}
.goi-y{margin:0 0 .25rem;font-size:.875rem;color:#404040}
.loi-truong{margin:0 0 .25rem;font-weight:600;color:#a40000}
input,button{font:inherit;padding:.5rem;border:1px solid #555;border-radius:.25rem;background:#fff;color:#1a1a1a;min-height:2.75rem}
input{max-width:24rem;width:100%;letter-spacing:.05em}
.co-loi input{border:2px solid #a40000}
button{background:#0a4b8f;color:#fff;border-color:#0a4b8f;font-weight:600;cursor:pointer;padding:.5rem 1.25rem}
.loi{border:2px solid #a40000;background:#fdecea;padding:.75rem 1rem;margin:1rem 0}
.loi h2{margin-top:0}
dl.thong-tin{margin:0;border:1px solid #bbb;border-radius:.5rem}
dl.thong-tin div{display:flex;flex-wrap:wrap;gap:0 1rem;padding:.5rem .75rem;border-bottom:1px solid #ddd}
dl.thong-tin div:last-child{border-bottom:0}
dt{font-weight:600;min-width:12rem}
dd{margin:0}
.han{background:#fff4d6;border-left:4px solid #8a5a00;padding:.5rem .75rem}
ol.moc{padding-left:1.5rem}
ol.moc li{margin:.25rem 0}
@media (max-width:30rem){dl.thong-tin div{display:block}}
footer{max-width:48rem;margin:0 auto;padding:1rem;border-top:1px solid #ccc;font-size:.95rem}
`;

/** The whole page: the form, the form with its problems, the neutral "not found", or the status. */
export function renderStatusPage(input: StatusPageInput): string {
  let content: string;
  let title = 'Tra cứu tình trạng đơn';
  switch (input.kind) {
    case 'form':
      content = formHtml('', []);
      break;
    case 'invalid':
      title = `Lỗi: ${title}`;
      content = `<div class="loi" role="alert" aria-labelledby="loi-tom-tat">
<h2 id="loi-tom-tat">Chưa tra cứu được</h2>
<ul>${input.problems.map((p) => `<li><a href="#${FIELD_ID[p.field]}">${e(p.message)}</a></li>`).join('')}</ul>
</div>
${formHtml(input.code, input.problems)}`;
      break;
    case 'not_found':
      title = `Không tìm thấy đơn — ${title}`;
      content = `<div class="loi" role="alert" aria-labelledby="khong-thay">
<h2 id="khong-thay">Không tìm thấy đơn</h2>
<p>${NOT_FOUND_TEXT}</p>
<p>Nếu vẫn không tra cứu được, xin liên hệ nơi đã nhận đơn và mang theo giấy biên nhận.</p>
</div>
${formHtml(input.code, [])}`;
      break;
    case 'status':
      title = `Tình trạng đơn ${input.status.receiptCode} — ${title}`;
      content = statusSection(input.status);
      break;
  }
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="bo-qua" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header>
<p>Cổng thông tin tiếp công dân</p>
<h1>Tra cứu tình trạng đơn</h1>
</header>
<main id="noi-dung">
<p>Người gửi đơn khiếu nại, tố cáo, kiến nghị, phản ánh xem đơn của mình đang được xử lý đến đâu và thời hạn theo quy định, bằng mã tra cứu và mật mã ghi trên giấy biên nhận đơn.</p>
${content}
</main>
<footer>
<p>Trang này không dùng JavaScript và không hiển thị thông tin cá nhân của người gửi đơn. Nếu dùng máy tính nơi công cộng, hãy đóng trình duyệt sau khi xem.</p>
${PUBLIC_PRIVACY_NOTICE}
<p><a href="/gui-don">Gửi đơn trực tuyến</a> · <a href="/lich-tiep-cong-dan">Lịch tiếp công dân</a></p>
</footer>
</body>
</html>
`;
}
