/**
 * The public reception calendar page (Vietnamese, server-rendered, no JavaScript): WCAG 2.1 AA — one h1
 * and ordered headings, a skip link, labelled form controls, tables with captions and header cells, status
 * in words (never colour alone), contrast ≥ 4.5:1, visible focus, usable at 320 px (rows become cards).
 */
import { weekday, type LocalDate } from '../../common/domain/local-date.js';
import { viDate } from '../../common/domain/vietnamese-format.js';
import { escapeHtml, PUBLIC_PRIVACY_NOTICE } from '../../common/http/html.js';
import type { DomainErrorDetail } from '../../common/domain/domain-error.js';
import {
  UPCOMING_DAYS,
  type PublicCalendar,
  type PublicPerson,
  type PublicPlace,
  type PublicSession,
} from './public-calendar.model.js';

export const PAGE_PATH = '/lich-tiep-cong-dan';
export const JSON_PATH = '/lich-tiep-cong-dan.json';
export const ICS_PATH = '/lich-tiep-cong-dan.ics';

const WEEKDAYS = ['', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];

const e = escapeHtml;

function dayText(date: LocalDate): string {
  return `${WEEKDAYS[weekday(date)]}, ${viDate(date)}`;
}

function personText(p: PublicPerson): string {
  return p.title ? `${p.name} (${p.title})` : p.name;
}

function placeHtml(place: PublicPlace | null, online: boolean): string {
  if (online) return 'Trực tuyến (đường truyền được gửi cho công dân đã đăng ký)';
  if (!place) return '';
  const parts = [e(place.name), e(place.address)];
  if (place.room) parts.push(e(place.room));
  return parts.join('<br>');
}

function query(filter: { unit?: string | null; month?: string | null; page?: number }): string {
  const params = new URLSearchParams();
  if (filter.unit) params.set('don-vi', filter.unit);
  if (filter.month) params.set('thang', filter.month);
  if (filter.page && filter.page > 1) params.set('trang', String(filter.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

const KIND_TEXT = { periodic: 'Định kỳ (người đứng đầu)', ad_hoc: 'Đột xuất' } as const;

interface Row {
  day: LocalDate;
  session: PublicSession;
  /** The row of the day a postponed session was first published for. */
  movedAway: boolean;
}

function rowsOf(model: PublicCalendar): Row[] {
  const rows: Row[] = [];
  for (const s of model.sessions) {
    if (s.date >= model.from && s.date <= model.to) rows.push({ day: s.date, session: s, movedAway: false });
    if (
      s.status === 'postponed' &&
      s.originalDate &&
      s.originalDate >= model.from &&
      s.originalDate <= model.to
    ) {
      rows.push({ day: s.originalDate, session: s, movedAway: true });
    }
  }
  return rows.sort((a, b) =>
    a.day !== b.day
      ? a.day < b.day
        ? -1
        : 1
      : (a.movedAway ? (a.session.originalStartTime ?? '') : a.session.startTime) <
          (b.movedAway ? (b.session.originalStartTime ?? '') : b.session.startTime)
        ? -1
        : 1,
  );
}

function statusHtml(row: Row): { text: string; css: string } {
  const s = row.session;
  const reason = s.statusReason ? ` Lý do: ${e(s.statusReason)}.` : '';
  if (s.status === 'cancelled') return { text: `<strong>Đã hủy.</strong>${reason}`, css: 'huy' };
  if (row.movedAway) {
    return {
      text: `<strong>Hoãn</strong>, chuyển sang ${e(dayText(s.date))}, ${e(s.startTime)}.${reason}`,
      css: 'hoan',
    };
  }
  if (s.status === 'postponed' && s.originalDate) {
    return {
      text: `<strong>Lịch mới</strong> (hoãn từ ${e(dayText(s.originalDate))}).${reason}`,
      css: 'moi',
    };
  }
  const moved = s.movedFrom ? ` Chuyển từ ${e(viDate(s.movedFrom.date))} do ngày nghỉ.` : '';
  return { text: `Theo lịch.${moved}`, css: '' };
}

function sessionRows(model: PublicCalendar, allUnits: boolean): string {
  return rowsOf(model)
    .map((row) => {
      const s = row.session;
      const status = statusHtml(row);
      const time = row.movedAway ? (s.originalStartTime ?? s.startTime) : `${s.startTime}–${s.endTime}`;
      const receiver = [personText(s.receiver), ...s.officers.map(personText)].map(e).join('<br>');
      const topics = [s.topics ? e(s.topics) : '', s.note ? `<em>${e(s.note)}</em>` : '']
        .filter(Boolean)
        .join('<br>');
      return `<tr${status.css ? ` class="${status.css}"` : ''}>
<th scope="row" data-label="Ngày">${e(dayText(row.day))}</th>
<td data-label="Giờ" class="gio">${e(time)}</td>
${allUnits ? `<td data-label="Đơn vị">${e(s.unit.name)}</td>` : ''}
<td data-label="Hình thức">${KIND_TEXT[s.kind]}${s.mode === 'online' ? ', trực tuyến' : ''}</td>
<td data-label="Người tiếp">${receiver}</td>
<td data-label="Địa điểm">${placeHtml(s.place, s.mode === 'online')}</td>
<td data-label="Nội dung dự kiến">${topics || 'Mọi nội dung khiếu nại, tố cáo, kiến nghị, phản ánh'}</td>
<td data-label="Tình trạng">${status.text}</td>
</tr>`;
    })
    .join('\n');
}

function regularSection(model: PublicCalendar): string {
  if (model.regular.length === 0) return '';
  const rows = model.regular
    .map((r) => {
      const slots = r.slots.map((t) => `${t.startTime}–${t.endTime}`).join(', ');
      const people = [...(r.receiver ? [r.receiver] : []), ...r.officers].map(personText).map(e).join('<br>');
      return `<tr>
<th scope="row" data-label="Đơn vị">${e(r.unit.name)}</th>
<td data-label="Địa điểm">${placeHtml(r.place, false)}</td>
<td data-label="Thời gian">${e(r.days)}, ${e(slots)}<br><span class="nho">từ ${e(viDate(r.validFrom))} đến ${e(viDate(r.validUntil))}</span></td>
<td data-label="Cán bộ tiếp">${people || 'Cán bộ tiếp công dân'}</td>
</tr>`;
    })
    .join('\n');
  return `<section aria-labelledby="thuong-xuyen">
<h2 id="thuong-xuyen">Tiếp công dân thường xuyên</h2>
<p>Cán bộ tiếp công dân tiếp vào tất cả các ngày làm việc, theo giờ dưới đây.</p>
<table class="bang">
<caption>Địa điểm và giờ tiếp công dân thường xuyên</caption>
<thead><tr><th scope="col">Đơn vị</th><th scope="col">Địa điểm</th><th scope="col">Thời gian</th><th scope="col">Cán bộ tiếp</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1rem;line-height:1.5;color:#1a1a1a;background:#fff}
a{color:#0a4b8f}
a:focus-visible,button:focus-visible,select:focus-visible,input:focus-visible{outline:3px solid #0a4b8f;outline-offset:2px}
.bo-qua{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
.bo-qua:focus{left:.5rem}
header{background:#8b1a1a;color:#fff;padding:1rem}
header p{margin:0;font-size:.95rem}
h1{margin:.25rem 0 0;font-size:1.6rem}
main{max-width:72rem;margin:0 auto;padding:1rem}
h2{font-size:1.3rem;margin:1.75rem 0 .5rem}
form{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end;background:#f3f4f6;padding:1rem;border-radius:.5rem}
form div{display:flex;flex-direction:column;min-width:14rem;flex:1}
form p{flex-basis:100%;margin:0}
label{font-weight:600;margin-bottom:.25rem}
select,input,button{font:inherit;padding:.5rem;border:1px solid #555;border-radius:.25rem;background:#fff;color:#1a1a1a;min-height:2.75rem}
button{background:#0a4b8f;color:#fff;border-color:#0a4b8f;font-weight:600;cursor:pointer;padding:.5rem 1.25rem}
.goi-y,.nho{font-size:.875rem;color:#404040}
.loi{border:2px solid #a40000;background:#fdecea;padding:.75rem 1rem;margin:1rem 0}
table.bang{width:100%;border-collapse:collapse;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #bbb;padding:.5rem;text-align:left;vertical-align:top}
thead th{background:#e8eef6}
tbody th{font-weight:600;white-space:nowrap}
.gio{white-space:nowrap}
tr.huy td,tr.huy th{background:#fdecea}
tr.hoan td,tr.hoan th{background:#fff4d6}
tr.moi td,tr.moi th{background:#eaf5ea}
.trong{font-style:italic}
.trang p{margin:.5rem 0}.trang a,.trang span{display:inline-block;min-width:2.75rem;min-height:2.75rem;line-height:2.75rem;text-align:center;padding:0 .25rem}.trang [aria-current]{font-weight:bold}
footer{max-width:72rem;margin:0 auto;padding:1rem;border-top:1px solid #ccc;font-size:.95rem}
@media (max-width:48rem){
 table.bang thead{position:absolute;left:-9999px}
 table.bang caption{display:block;width:100%}
 table.bang,table.bang tbody,table.bang tr,table.bang th,table.bang td{display:block;width:100%}
 table.bang tr{border:1px solid #999;border-radius:.5rem;margin:0 0 1rem;overflow:hidden}
 table.bang th,table.bang td{border:0;border-bottom:1px solid #ddd;white-space:normal}
 table.bang [data-label]::before{content:attr(data-label) ": ";font-weight:700}
}
`;

export interface PageInput {
  model: PublicCalendar | null;
  /** The filter as typed, to refill the form. */
  unit: string | null;
  month: string | null;
  problems: DomainErrorDetail[];
  /** Units to offer when the model could not be built (bad filter). */
  units?: { code: string; name: string }[];
}

const FIELD_TEXT: Record<string, string> = {
  'don-vi': 'Đơn vị không có lịch tiếp công dân được công bố.',
  thang: 'Tháng phải có dạng năm-tháng, ví dụ 2026-12.',
  trang: 'Không có trang này của lịch tất cả đơn vị.',
};

/** Links to the other pages of every unit's calendar (20 units a page): previous, numbers, next. */
function pager(model: PublicCalendar): string {
  const page = model.page;
  if (!page || page.count <= 1) return '';
  const link = (n: number, text: string, label: string) =>
    n === page.number
      ? `<span aria-current="page">${text}</span>`
      : `<a href="${e(PAGE_PATH + query({ month: model.month, page: n }))}" aria-label="${e(label)}">${text}</a>`;
  const numbers = Array.from({ length: page.count }, (_, i) => link(i + 1, String(i + 1), `Trang ${i + 1}`));
  const previous = page.number > 1 ? link(page.number - 1, '« Trang trước', 'Trang trước') : '';
  const next = page.number < page.count ? link(page.number + 1, 'Trang sau »', 'Trang sau') : '';
  return `<nav class="trang" aria-label="Các trang của lịch tất cả đơn vị"><p>Trang ${page.number}/${page.count} (mỗi trang ${page.unitsPerPage} đơn vị, theo tên):</p><p>${[previous, ...numbers, next].filter(Boolean).join(' ')}</p></nav>`;
}

/** The whole page. `model` is null when the filter is invalid (the form and the errors are still shown). */
export function renderCalendarPage(input: PageInput): string {
  const { model } = input;
  const units = model?.units ?? input.units ?? [];
  const allUnits = !model?.unit;
  const period = model
    ? model.month
      ? `tháng ${model.month.slice(5, 7)}/${model.month.slice(0, 4)}`
      : `từ ${viDate(model.from)} đến ${viDate(model.to)}`
    : '';
  const heading = model
    ? `${model.unit ? model.unit.name : `Tất cả đơn vị${model.page && model.page.count > 1 ? ` (trang ${model.page.number}/${model.page.count})` : ''}`} — ${period}`
    : 'Không xem được lịch';
  const options = units
    .map(
      (u) => `<option value="${e(u.code)}"${u.code === input.unit ? ' selected' : ''}>${e(u.name)}</option>`,
    )
    .join('');
  const errors = input.problems.length
    ? `<div class="loi" role="alert"><h2>Không xem được lịch</h2><ul>${input.problems
        .map((p) => `<li><a href="#${e(p.field)}">${e(FIELD_TEXT[p.field] ?? p.message)}</a></li>`)
        .join('')}</ul></div>`
    : '';
  const rows = model ? sessionRows(model, allUnits) : '';
  const sessions = model
    ? `<section aria-labelledby="lich">
<h2 id="lich">Lịch tiếp công dân định kỳ và đột xuất: ${e(heading)}</h2>
${
  rows
    ? `<table class="bang">
<caption>Các buổi tiếp công dân ${e(period)}${model.unit ? ` của ${e(model.unit.name)}` : ''}</caption>
<thead><tr><th scope="col">Ngày</th><th scope="col">Giờ</th>${allUnits ? '<th scope="col">Đơn vị</th>' : ''}<th scope="col">Hình thức</th><th scope="col">Người tiếp</th><th scope="col">Địa điểm</th><th scope="col">Nội dung dự kiến</th><th scope="col">Tình trạng</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : `<p class="trong">Chưa có buổi tiếp công dân nào được công bố trong thời gian này.</p>`
}
${pager(model)}
</section>
${regularSection(model)}`
    : '';
  const feedUnit = model?.unit?.code ?? null;
  const title = model ? `Lịch tiếp công dân — ${heading}` : 'Lịch tiếp công dân';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
${feedUnit ? `<link rel="alternate" type="text/calendar" title="Lịch tiếp công dân (iCalendar)" href="${e(ICS_PATH + query({ unit: feedUnit }))}">\n` : ''}<link rel="alternate" type="application/json" title="Lịch tiếp công dân (JSON)" href="${e(JSON_PATH + query({ unit: input.unit, month: input.month, page: model?.page?.number }))}">
<style>${STYLE}</style>
</head>
<body>
<a class="bo-qua" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header>
<p>Cổng thông tin tiếp công dân</p>
<h1>Lịch tiếp công dân</h1>
</header>
<main id="noi-dung">
<p>Lịch tiếp công dân của người đứng đầu cơ quan, đơn vị được công bố trước ít nhất 05 ngày làm việc (Luật Tiếp công dân, Điều 24). Buổi tiếp bị hủy hoặc hoãn được ghi rõ kèm lý do.</p>
<form method="get" action="${PAGE_PATH}" role="search" aria-label="Lọc lịch tiếp công dân">
<div><label for="don-vi">Đơn vị</label><select id="don-vi" name="don-vi"><option value="">Tất cả đơn vị</option>${options}</select></div>
<div><label for="thang">Tháng</label><input id="thang" name="thang" type="month" value="${e(input.month ?? '')}" aria-describedby="thang-goi-y"></div>
<div><button type="submit">Xem lịch</button></div>
<p id="thang-goi-y" class="goi-y">Tháng có dạng năm-tháng, ví dụ 2026-12. Để trống tháng: xem ${UPCOMING_DAYS} ngày tới.</p>
</form>
${errors}
${sessions}
<section aria-labelledby="mang-theo">
<h2 id="mang-theo">Công dân cần mang theo</h2>
<ul>
<li>Căn cước (căn cước công dân) hoặc giấy tờ tùy thân khác; có thể dùng số định danh cá nhân, tài khoản định danh điện tử.</li>
<li>Người đại diện, người được ủy quyền: giấy tờ chứng minh việc đại diện, giấy ủy quyền hợp pháp.</li>
<li>Đơn và các tài liệu, chứng cứ liên quan (nếu có); nếu chưa có đơn, cán bộ tiếp công dân sẽ hướng dẫn viết đơn hoặc ghi lại nội dung.</li>
<li>Nhiều người cùng một nội dung (từ 5 người): cử người đại diện — 5 đến 10 người cử 1 hoặc 2 người, trên 10 người cử không quá 5 người (Luật Tiếp công dân, Điều 29).</li>
</ul>
</section>
<p>Không đến được? <a href="/gui-don">Gửi đơn trực tuyến</a>. Đã gửi đơn: <a href="/tra-cuu-don">tra cứu tình trạng đơn</a>.</p>
</main>
<footer>
<p>${model?.unit && feedUnit ? `Theo dõi lịch trên lịch điện tử (iCalendar): <a href="${e(ICS_PATH + query({ unit: feedUnit }))}">lịch của ${e(model.unit.name)}</a>.` : 'Chọn một đơn vị để theo dõi lịch của đơn vị đó trên lịch điện tử (iCalendar).'} Dữ liệu dạng JSON: <a href="${e(JSON_PATH + query({ unit: input.unit, month: input.month, page: model?.page?.number }))}">tải về</a>.</p>
<p>Trang này không dùng JavaScript.</p>
${PUBLIC_PRIVACY_NOTICE}
</footer>
</body>
</html>
`;
}
