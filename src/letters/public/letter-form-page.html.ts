/**
 * The online letter form at /gui-don (Vietnamese, server-rendered; works without JavaScript), built like
 * the status page: one h1 and ordered headings, a skip link, landmarks, fieldsets with legends, every
 * field labelled with its hint and error tied by aria-describedby, an error summary linking to the
 * fields, contrast ≥ 4.5:1, visible focus, usable at 320 px. No inline script (the CSP forbids it): with
 * JavaScript, /gui-don/tai-nguyen/form.js adds the proof-of-work widget we serve ourselves.
 *
 * The receipt (after filing) shows the code and its secret once; the secret is never stored in clear.
 */
import { MAX_ATTACHMENT_BYTES } from '../../attachments/domain/attachment-policy.js';
import { escapeHtml } from '../../common/http/html.js';
import { viDate } from '../../common/domain/vietnamese-format.js';
import type { LocalDate } from '../../common/domain/local-date.js';
import { STATUS_PAGE_PATH } from './letter-status-page.html.js';
import {
  FIELD_MAX,
  FORM_MAX_BODY_BYTES,
  FORM_MAX_FILES,
  FORM_PAGE_PATH,
  viSize,
  type FormField,
  type FormProblem,
  type FormValues,
} from './letter-form.js';

const e = escapeHtml;

/** What the file picker offers (the server still reads each file's type from its bytes). */
const FILE_ACCEPT = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,.webp,.docx,.xlsx,.txt';

export const FORM_ASSETS_PATH = `${FORM_PAGE_PATH}/tai-nguyen`;
export const FORM_CHALLENGE_PATH = `${FORM_PAGE_PATH}/thu-thach`;

export interface FormUnit {
  id: string;
  name: string;
}

export type FormPageInput =
  | {
      kind: 'form';
      units: readonly FormUnit[];
      search: string;
      values: FormValues;
      problems: readonly FormProblem[];
      /** A problem of the whole submission (the proof, the wait), shown in the summary. */
      notice?: string;
      ticket: string;
      noJsWaitSeconds: number;
    }
  | {
      kind: 'receipt';
      code: string;
      secret: string;
      receivedOn: LocalDate;
      unitName: string;
      kindLabel: string;
      processingDue: LocalDate;
      /** The files taken, as the citizen named them, with their sizes in bytes. */
      files: readonly { name: string; size: number }[];
    }
  | { kind: 'too_many'; retryAfterSeconds: number }
  /** A short page of the e-mail links (verification, unsubscribing): a heading and trusted HTML. */
  | { kind: 'notice'; status: 'ok' | 'error'; heading: string; html: string };

const ID: Record<FormField, string> = {
  coQuan: 'co-quan',
  loai: 'loai-khieu-nai',
  lan: 'lan-dau',
  quyetDinh: 'quyet-dinh',
  tieuDe: 'tieu-de',
  noiDung: 'noi-dung-don',
  hoTen: 'ho-ten',
  diaChi: 'dia-chi',
  canCuoc: 'can-cuoc',
  dienThoai: 'dien-thoai',
  email: 'email',
  dongY: 'dong-y',
  nhanThu: 'nhan-thu',
  trangWeb: 'trang-web',
  altcha: 'xac-minh',
  phieu: 'xac-minh',
  tep: 'tep',
};

function errorOf(problems: readonly FormProblem[], field: FormField): FormProblem | undefined {
  return problems.find((p) => p.field === field);
}

function described(field: FormField, hint: boolean, problem: FormProblem | undefined): string {
  const ids = [...(hint ? [`${ID[field]}-goi-y`] : []), ...(problem ? [`${ID[field]}-loi`] : [])];
  return ids.length > 0 ? ` aria-describedby="${ids.join(' ')}"` : '';
}

function errorLine(field: FormField, problem: FormProblem | undefined): string {
  return problem
    ? `<p id="${ID[field]}-loi" class="loi-truong"><span class="an">Lỗi: </span>${e(problem.message)}</p>\n`
    : '';
}

function textField(
  field: FormField,
  label: string,
  hint: string,
  values: FormValues,
  problems: readonly FormProblem[],
  options: { required?: boolean; type?: string; autocomplete?: string; multiline?: boolean } = {},
): string {
  const problem = errorOf(problems, field);
  const id = ID[field];
  const value = values[field] ?? '';
  const attrs = `id="${id}" name="${field}" maxlength="${FIELD_MAX[field]}"${options.autocomplete ? ` autocomplete="${options.autocomplete}"` : ''}${described(field, Boolean(hint), problem)}${problem ? ' aria-invalid="true"' : ''}`;
  const control = options.multiline
    ? `<textarea ${attrs} rows="10">${e(value)}</textarea>`
    : `<input ${attrs} type="${options.type ?? 'text'}" value="${e(value)}">`;
  return `<div class="truong${problem ? ' co-loi' : ''}">
<label for="${id}">${label}${options.required ? ' <span class="bat-buoc">(bắt buộc)</span>' : ''}</label>
${hint ? `<p id="${id}-goi-y" class="goi-y">${hint}</p>\n` : ''}${errorLine(field, problem)}${control}
</div>`;
}

function radios(
  field: FormField,
  legend: string,
  hint: string,
  choices: readonly { value: string; label: string; hint?: string; id: string }[],
  values: FormValues,
  problems: readonly FormProblem[],
): string {
  const problem = errorOf(problems, field);
  const items = choices
    .map(
      (c) => `<div class="lua-chon">
<input type="radio" id="${c.id}" name="${field}" value="${c.value}"${values[field] === c.value ? ' checked' : ''}${c.hint ? ` aria-describedby="${c.id}-goi-y"` : ''}>
<label for="${c.id}">${c.label}</label>${c.hint ? `\n<p id="${c.id}-goi-y" class="goi-y">${c.hint}</p>` : ''}
</div>`,
    )
    .join('\n');
  return `<fieldset class="${problem ? 'co-loi' : ''}"${described(field, Boolean(hint), problem)}>
<legend>${legend}</legend>
${hint ? `<p id="${ID[field]}-goi-y" class="goi-y">${hint}</p>\n` : ''}${errorLine(field, problem)}${items}
</fieldset>`;
}

const ANONYMOUS_NOTE =
  'Thông tin không ghi họ tên, địa chỉ của người gửi không được xử lý như đơn tố cáo. Thông tin này chỉ được xem xét, kiểm tra khi nêu rõ người có hành vi vi phạm, có tài liệu, chứng cứ cụ thể và có cơ sở để kiểm tra, xác minh (Luật Tố cáo, Điều 25). Người gửi sẽ không nhận được thông báo về kết quả.';

function checkbox(
  field: FormField,
  label: string,
  hint: string,
  values: FormValues,
  problems: readonly FormProblem[],
): string {
  const problem = errorOf(problems, field);
  const id = ID[field];
  return `<div class="truong${problem ? ' co-loi' : ''}">
${errorLine(field, problem)}<div class="lua-chon">
<input type="checkbox" id="${id}" name="${field}" value="co"${values[field] === 'co' ? ' checked' : ''}${described(field, Boolean(hint), problem)}${problem ? ' aria-invalid="true"' : ''}>
<label for="${id}">${label}</label>
${hint ? `<p id="${id}-goi-y" class="goi-y">${hint}</p>` : ''}
</div>
</div>`;
}

function unitSearch(search: string, units: readonly FormUnit[]): string {
  return `<form method="get" action="${FORM_PAGE_PATH}" class="tim" role="search" aria-labelledby="tim-co-quan">
<h2 id="tim-co-quan">Tìm cơ quan nhận đơn</h2>
<div class="truong">
<label for="tim">Tên cơ quan</label>
<p id="tim-goi-y" class="goi-y">Gõ một phần tên, ví dụ “xã Tân Lập” hoặc “Sở Tài nguyên”, rồi bấm Tìm: danh sách bên dưới chỉ còn các cơ quan phù hợp (${units.length} cơ quan).</p>
<input id="tim" name="tim" type="search" value="${e(search)}" maxlength="100" aria-describedby="tim-goi-y">
</div>
<div><button type="submit" class="phu">Tìm</button></div>
</form>`;
}

function formHtml(input: Extract<FormPageInput, { kind: 'form' }>): string {
  const { values, problems, units } = input;
  const unitProblem = errorOf(problems, 'coQuan');
  const options = units
    .map(
      (u) => `<option value="${e(u.id)}"${values.coQuan === u.id ? ' selected' : ''}>${e(u.name)}</option>`,
    )
    .join('');
  const consentProblem = errorOf(problems, 'dongY');
  const fileProblem = errorOf(problems, 'tep');
  return `<form method="post" action="${FORM_PAGE_PATH}" enctype="multipart/form-data" novalidate aria-labelledby="gui-don" id="mau-don">
<h2 id="gui-don">Nội dung đơn</h2>
<div class="truong${unitProblem ? ' co-loi' : ''}">
<label for="co-quan">Cơ quan nhận đơn <span class="bat-buoc">(bắt buộc)</span></label>
<p id="co-quan-goi-y" class="goi-y">Cơ quan có thẩm quyền giải quyết. Nếu không chắc, chọn cơ quan gần nhất: đơn gửi nhầm sẽ được hướng dẫn hoặc chuyển đúng nơi.</p>
${errorLine('coQuan', unitProblem)}<select id="co-quan" name="coQuan"${described('coQuan', true, unitProblem)}${unitProblem ? ' aria-invalid="true"' : ''}>
<option value="">— Chọn cơ quan —</option>${options}
</select>
</div>
${radios(
  'loai',
  'Loại đơn <span class="bat-buoc">(bắt buộc)</span>',
  '',
  [
    {
      value: 'khieu-nai',
      id: 'loai-khieu-nai',
      label: 'Khiếu nại',
      hint: 'Đề nghị xem xét lại quyết định hành chính, hành vi hành chính hoặc quyết định kỷ luật mà bạn cho là trái pháp luật, xâm phạm quyền, lợi ích của bạn.',
    },
    {
      value: 'to-cao',
      id: 'loai-to-cao',
      label: 'Tố cáo',
      hint: 'Báo cho cơ quan biết hành vi vi phạm pháp luật của cơ quan, tổ chức, cá nhân. Họ tên và thông tin của người tố cáo được giữ bí mật.',
    },
    {
      value: 'kien-nghi',
      id: 'loai-kien-nghi',
      label: 'Kiến nghị, phản ánh',
      hint: 'Góp ý, đề xuất hoặc cho biết một việc cần cơ quan xem xét.',
    },
    {
      value: 'nac-danh',
      id: 'loai-nac-danh',
      label: 'Thông tin tố cáo không ghi tên (nặc danh)',
      hint: ANONYMOUS_NOTE,
    },
  ],
  values,
  problems,
)}
<fieldset class="khieu-nai">
<legend>Chỉ với đơn khiếu nại</legend>
${radios(
  'lan',
  'Đây là khiếu nại lần đầu hay lần hai?',
  'Khiếu nại lần hai khi bạn không đồng ý với quyết định giải quyết lần đầu, hoặc đã hết thời hạn mà khiếu nại lần đầu chưa được giải quyết.',
  [
    { value: 'lan-dau', id: 'lan-dau', label: 'Lần đầu' },
    { value: 'lan-hai', id: 'lan-hai', label: 'Lần hai' },
  ],
  values,
  problems,
)}
${textField('quyetDinh', 'Quyết định hoặc hành vi bị khiếu nại', 'Số, ngày của quyết định và cơ quan ban hành; hoặc hành vi, ai thực hiện, khi nào. Khiếu nại lần hai: ghi cả quyết định giải quyết lần đầu.', values, problems)}
</fieldset>
${textField('tieuDe', 'Tóm tắt nội dung', 'Một câu, ví dụ “Khiếu nại quyết định thu hồi đất số 123/QĐ-UBND”.', values, problems, { required: true })}
${textField('noiDung', 'Nội dung đơn', 'Trình bày sự việc, lý do và đề nghị của bạn. Tố cáo: ghi rõ người vi phạm, hành vi vi phạm và tài liệu, chứng cứ bạn có.', values, problems, { required: true, multiline: true })}
<fieldset>
<legend>Người gửi đơn</legend>
<p class="goi-y">Khiếu nại và tố cáo phải ghi họ tên, địa chỉ và số căn cước (Luật Khiếu nại, Điều 8; Luật Tố cáo, Điều 23); kiến nghị, phản ánh ghi họ tên và địa chỉ. Gửi thông tin nặc danh: để trống phần này, mọi thông tin đã ghi sẽ bị bỏ đi.</p>
${textField('hoTen', 'Họ và tên', '', values, problems, { autocomplete: 'name' })}
${textField('diaChi', 'Địa chỉ', 'Nơi ở hoặc địa chỉ nhận thư: số nhà, đường hoặc thôn, xã, tỉnh.', values, problems, { autocomplete: 'street-address' })}
${textField('canCuoc', 'Số căn cước', '12 chữ số, ví dụ 075203004567.', values, problems, { autocomplete: 'off' })}
${textField('dienThoai', 'Số điện thoại (không bắt buộc)', 'Để cơ quan liên hệ khi cần.', values, problems, { type: 'tel', autocomplete: 'tel' })}
${textField('email', 'E-mail (không bắt buộc)', 'Để cơ quan liên hệ khi cần.', values, problems, { type: 'email', autocomplete: 'email' })}
${checkbox('nhanThu', 'Gửi thông báo cho tôi qua e-mail khi đơn được thụ lý, hướng dẫn, chuyển, trả lại, lưu hoặc có quyết định, kết luận.', 'Thư chỉ nêu điều trang tra cứu đơn hiển thị, có liên kết để kiểm tra thư đúng do cơ quan gửi và để ngừng nhận thư. Không áp dụng cho thông tin nặc danh.', values, problems)}
</fieldset>
<div class="bay" aria-hidden="true">
<label for="trang-web">Trang web (để trống ô này)</label>
<input id="trang-web" name="trangWeb" type="text" tabindex="-1" autocomplete="off" value="">
</div>
<section aria-labelledby="bao-ve" class="bao-ve">
<h3 id="bao-ve">Thông tin của bạn được dùng và bảo vệ thế nào</h3>
<ul>
<li>Thông tin trong đơn chỉ dùng để xem xét, giải quyết đơn theo Luật Khiếu nại, Luật Tố cáo, Luật Tiếp công dân và Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.</li>
<li>Họ tên, địa chỉ, số căn cước, điện thoại, e-mail được mã hóa khi lưu; chỉ cán bộ có thẩm quyền được xem và mỗi lần xem đều được ghi lại.</li>
<li>Với đơn tố cáo, danh tính người tố cáo được giữ bí mật: người xác minh chỉ nhận bản đã che thông tin của bạn (Luật Tố cáo, Điều 47).</li>
<li>Trang này không dùng cookie theo dõi, không gửi thông tin cho bên thứ ba. Địa chỉ mạng chỉ được dùng tạm thời để chặn gửi hàng loạt, không lưu cùng đơn.</li>
</ul>
</section>
<div class="truong${consentProblem ? ' co-loi' : ''}">
${errorLine('dongY', consentProblem)}<div class="lua-chon">
<input type="checkbox" id="dong-y" name="dongY" value="co"${values.dongY === 'co' ? ' checked' : ''}${described('dongY', false, consentProblem)}${consentProblem ? ' aria-invalid="true"' : ''}>
<label for="dong-y">Tôi đã đọc cách thông tin được sử dụng và bảo vệ, và xác nhận nội dung đơn là đúng sự thật.</label>
</div>
</div>
<section id="xac-minh" aria-labelledby="xac-minh-tieu-de" class="xac-minh">
<h3 id="xac-minh-tieu-de">Xác minh chống gửi tự động</h3>
<p class="khong-js">Trình duyệt của bạn không chạy JavaScript: đơn chỉ gửi được sau khi mở trang này ít nhất ${input.noJsWaitSeconds} giây. Hãy đọc lại đơn trước khi gửi.</p>
<input type="hidden" name="phieu" value="${e(input.ticket)}">
</section>
<div class="truong${fileProblem ? ' co-loi' : ''}">
<label for="tep">Tài liệu, chứng cứ kèm theo (không bắt buộc)</label>
<p id="tep-goi-y" class="goi-y">Tối đa ${FORM_MAX_FILES} tệp, mỗi tệp không quá ${viSize(MAX_ATTACHMENT_BYTES)}, tất cả không quá ${viSize(FORM_MAX_BODY_BYTES)}: PDF, ảnh (JPEG, PNG, TIFF, WebP), Word (.docx), Excel (.xlsx) hoặc văn bản (.txt). Chọn nhiều tệp cùng lúc bằng cách giữ phím Ctrl (hoặc Cmd). Nếu đơn chưa gửi được, các tệp đã chọn phải chọn lại.</p>
${errorLine('tep', fileProblem)}<input id="tep" name="tep" type="file" multiple accept="${FILE_ACCEPT}"${described('tep', true, fileProblem)}${fileProblem ? ' aria-invalid="true"' : ''}>
</div>
<div><button type="submit">Gửi đơn</button></div>
</form>`;
}

function receiptHtml(input: Extract<FormPageInput, { kind: 'receipt' }>): string {
  return `<section aria-labelledby="bien-nhan" class="bien-nhan">
<h2 id="bien-nhan">Giấy biên nhận đơn</h2>
<p role="status"><strong>Đơn của bạn đã được gửi.</strong> Hãy in hoặc lưu trang này (Ctrl+P, hoặc “Chia sẻ” → “In” trên điện thoại), hoặc chép lại mã tra cứu và mật mã: <strong>mật mã chỉ hiện một lần</strong>, cơ quan cũng không xem lại được.</p>
<dl class="thong-tin">
<div><dt>Mã tra cứu</dt><dd class="ma">${e(input.code)}</dd></div>
<div><dt>Mật mã</dt><dd class="ma">${e(input.secret)}</dd></div>
<div><dt>Ngày nhận đơn</dt><dd><time datetime="${e(input.receivedOn)}">${e(viDate(input.receivedOn))}</time></dd></div>
<div><dt>Cơ quan nhận đơn</dt><dd>${e(input.unitName)}</dd></div>
<div><dt>Loại đơn</dt><dd>${e(input.kindLabel)}</dd></div>
<div><dt>Hạn xử lý đơn</dt><dd><time datetime="${e(input.processingDue)}">${e(viDate(input.processingDue))}</time></dd></div>
<div><dt>Tài liệu kèm theo</dt><dd>${
    input.files.length === 0
      ? 'Không có'
      : `<ul class="tep">${input.files.map((f) => `<li>${e(f.name)} (${e(viSize(f.size))})</li>`).join('')}</ul>`
  }</dd></div>
</dl>
<p>Cán bộ sẽ kiểm tra điều kiện xử lý của đơn. Theo dõi đơn tại <a href="${STATUS_PAGE_PATH}">trang tra cứu tình trạng đơn</a> bằng mã tra cứu và mật mã trên. Không cho người khác biết mật mã.</p>
</section>`;
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1rem;line-height:1.5;color:#1a1a1a;background:#fff}
a{color:#0a4b8f}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #0a4b8f;outline-offset:2px}
.bo-qua{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
.bo-qua:focus{left:.5rem}
.an{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.bay{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
header{background:#8b1a1a;color:#fff;padding:1rem}
header p{margin:0;font-size:.95rem}
h1{margin:.25rem 0 0;font-size:1.6rem}
main{max-width:48rem;margin:0 auto;padding:1rem}
h2{font-size:1.3rem;margin:1.5rem 0 .5rem}
h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
form{background:#f3f4f6;padding:1rem;border-radius:.5rem;margin:1rem 0}
form h2{margin-top:0}
fieldset{border:1px solid #888;border-radius:.25rem;margin:0 0 1rem;padding:.5rem 1rem}
fieldset.co-loi,.truong.co-loi{border-left:4px solid #a40000;padding-left:.75rem}
legend{font-weight:600}
.truong{display:flex;flex-direction:column;margin:0 0 1rem}
.lua-chon{margin:.25rem 0}
.lua-chon input{width:1.25rem;height:1.25rem;vertical-align:middle;margin-right:.5rem}
label{font-weight:600}
.lua-chon label{font-weight:400}
.lua-chon .goi-y{margin-left:1.75rem}
.bat-buoc{font-weight:400;color:#404040}
.goi-y{margin:0 0 .25rem;font-size:.875rem;color:#404040}
.loi-truong{margin:0 0 .25rem;font-weight:600;color:#a40000}
input,select,textarea,button{font:inherit;padding:.5rem;border:1px solid #555;border-radius:.25rem;background:#fff;color:#1a1a1a;min-height:2.75rem}
input[type=text],input[type=search],input[type=tel],input[type=email],select,textarea{width:100%;max-width:36rem}
textarea{max-width:100%}
.co-loi input,.co-loi select,.co-loi textarea{border:2px solid #a40000}
button{background:#0a4b8f;color:#fff;border-color:#0a4b8f;font-weight:600;cursor:pointer;padding:.5rem 1.25rem}
button.phu{background:#fff;color:#0a4b8f}
.loi{border:2px solid #a40000;background:#fdecea;padding:.75rem 1rem;margin:1rem 0}
.loi h2{margin-top:0}
.bao-ve{background:#fff;border-left:4px solid #0a4b8f;padding:.25rem 1rem;margin:1rem 0}
.xac-minh{margin:1rem 0}
dl.thong-tin{margin:0;border:1px solid #bbb;border-radius:.5rem}
dl.thong-tin div{display:flex;flex-wrap:wrap;gap:0 1rem;padding:.5rem .75rem;border-bottom:1px solid #ddd}
dl.thong-tin div:last-child{border-bottom:0}
dt{font-weight:600;min-width:12rem}
dd{margin:0}
ul.tep{margin:0;padding-left:1.25rem;overflow-wrap:anywhere}
input[type=file]{width:100%;max-width:36rem;background:#fff}
dd.ma{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:1.25rem;letter-spacing:.05em}
@media (max-width:30rem){dl.thong-tin div{display:block}}
footer{max-width:48rem;margin:0 auto;padding:1rem;border-top:1px solid #ccc;font-size:.95rem}
@media print{header,footer,.bo-qua,.lien-ket{display:none}main{max-width:none}}
`;

/** The whole page: the form (with its problems), the receipt, or the "too many submissions" page. */
export function renderFormPage(input: FormPageInput): string {
  let content: string;
  let title = 'Gửi đơn trực tuyến';
  let scripts = '';
  switch (input.kind) {
    case 'form': {
      const summary =
        input.problems.length > 0 || input.notice
          ? `<div class="loi" role="alert" aria-labelledby="loi-tom-tat">
<h2 id="loi-tom-tat">Đơn chưa được gửi</h2>
${input.notice ? `<p>${e(input.notice)}</p>` : ''}${
              input.problems.length > 0
                ? `<ul>${input.problems.map((p) => `<li><a href="#${ID[p.field]}">${e(p.message)}</a></li>`).join('')}</ul>`
                : ''
            }
</div>`
          : '';
      if (summary) title = `Lỗi: ${title}`;
      content = `<p>Gửi đơn khiếu nại, tố cáo, kiến nghị, phản ánh đến cơ quan nhà nước mà không cần đến nơi tiếp công dân. Sau khi gửi, bạn nhận mã tra cứu và mật mã để theo dõi đơn.</p>
${summary}
${unitSearch(input.search, input.units)}
${formHtml(input)}`;
      scripts = `<link rel="stylesheet" href="${FORM_ASSETS_PATH}/altcha.css">
<script type="module" src="${FORM_ASSETS_PATH}/altcha.js"></script>
<script type="module" src="${FORM_ASSETS_PATH}/altcha-vi.js"></script>
<script type="module" src="${FORM_ASSETS_PATH}/form.js"></script>
`;
      break;
    }
    case 'receipt':
      title = `Biên nhận đơn ${input.code}`;
      content = receiptHtml(input);
      break;
    case 'notice':
      title = `${input.heading} — Cổng thông tin tiếp công dân`;
      content = `<section aria-labelledby="thong-bao"${input.status === 'error' ? ' class="loi"' : ''}>
<h2 id="thong-bao">${e(input.heading)}</h2>
${input.html}
</section>`;
      break;
    case 'too_many':
      title = `Tạm thời không nhận đơn — ${title}`;
      content = `<div class="loi" role="alert" aria-labelledby="qua-nhieu">
<h2 id="qua-nhieu">Đã gửi quá nhiều đơn từ địa chỉ mạng này</h2>
<p>Để chống gửi đơn tự động, mỗi địa chỉ mạng chỉ gửi được một số đơn trong một giờ. Vui lòng thử lại sau khoảng ${Math.ceil(input.retryAfterSeconds / 60)} phút, hoặc gửi đơn qua bưu điện, hoặc đến nơi tiếp công dân.</p>
</div>`;
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
${scripts}</head>
<body>
<a class="bo-qua" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header>
<p>Cổng thông tin tiếp công dân</p>
<h1>Gửi đơn trực tuyến</h1>
</header>
<main id="noi-dung">
${content}
</main>
<footer class="lien-ket">
<p><a href="${STATUS_PAGE_PATH}">Tra cứu tình trạng đơn</a> · <a href="/lich-tiep-cong-dan">Lịch tiếp công dân</a></p>
</footer>
</body>
</html>
`;
}
