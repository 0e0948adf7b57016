/**
 * The dashboard page (Vietnamese, server-rendered, no JavaScript): charts are inline SVG with a title and
 * a description, each followed by a table with the same figures (the text alternative); colour is never
 * the only carrier (values are printed). Inline styles only, which the Content-Security-Policy allows
 * (bootstrap/create-api-app.ts: style-src 'self' 'unsafe-inline'; no scripts).
 */
import { escapeHtml as e } from '../common/http/html.js';
import {
  BACKLOG_STATUSES,
  CASE_STATES,
  type BacklogStatus,
  type CaseKind,
  type Dashboard,
} from './dashboard.model.js';

const STATE_TEXT: Record<CaseKind, Record<string, string>> = {
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

const KIND_TEXT: Record<CaseKind, string> = { complaint: 'Khiếu nại', denunciation: 'Tố cáo' };

export const BACKLOG_TEXT: Record<BacklogStatus, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  overdue: 'Quá hạn',
  blocked: 'Vướng mắc',
};

const COLOUR: Record<CaseKind, string> = { complaint: '#0a4b8f', denunciation: '#a8480a' };
const BACKLOG_COLOUR: Record<BacklogStatus, string> = {
  not_started: '#595959',
  in_progress: '#0a4b8f',
  overdue: '#a40000',
  blocked: '#7a4a00',
};

/** `2026-11` → `11/2026`. */
export function monthText(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/** 0.75 → `75,0 %`; null → `—`. */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1).replace('.', ',')} %`;
}

const FONT = 'font-family="system-ui,-apple-system,Segoe UI,Roboto,Arial,sans-serif"';

/** A round upper bound for an axis: 1, 2, 5, 10, 20, 50… ≥ max (at least 1). */
function niceMax(max: number): number {
  let step = 1;
  for (;;) {
    for (const m of [1, 2, 5]) if (step * m >= max) return step * m;
    step *= 10;
  }
}

function casesChart(d: Dashboard): string {
  const width = 760;
  const height = 280;
  const left = 44;
  const bottom = 40;
  const top = 16;
  const plotH = height - bottom - top;
  const max = niceMax(
    Math.max(1, ...d.casesByMonth.flatMap((m) => [m.complaint.total, m.denunciation.total])),
  );
  const slot = (width - left - 8) / d.casesByMonth.length;
  const barW = Math.min(22, (slot - 8) / 2);
  const y = (n: number) => top + plotH - (n / max) * plotH;
  const grid = [0, max / 2, max]
    .filter((v) => Number.isInteger(v))
    .map(
      (v) =>
        `<line x1="${left}" x2="${width - 8}" y1="${y(v)}" y2="${y(v)}" stroke="#bbb" stroke-width="1"/>` +
        `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="12" fill="#1a1a1a">${v}</text>`,
    )
    .join('');
  const bars = d.casesByMonth
    .map((m, i) => {
      const x0 = left + i * slot + (slot - 2 * barW) / 2;
      const bar = (kind: CaseKind, x: number) => {
        const n = m[kind].total;
        const h = (n / max) * plotH;
        return `<g><title>${KIND_TEXT[kind]} ${monthText(m.month)}: ${n}</title><rect x="${x}" y="${y(n)}" width="${barW}" height="${h}" fill="${COLOUR[kind]}"/>${
          n > 0
            ? `<text x="${x + barW / 2}" y="${y(n) - 3}" text-anchor="middle" font-size="11" fill="#1a1a1a">${n}</text>`
            : ''
        }</g>`;
      };
      return `${bar('complaint', x0)}${bar('denunciation', x0 + barW)}<text x="${left + i * slot + slot / 2}" y="${height - bottom + 16}" text-anchor="middle" font-size="11" fill="#1a1a1a">${monthText(m.month)}</text>`;
    })
    .join('');
  const total = (kind: CaseKind) => d.casesByState[kind].total;
  return `<svg role="img" aria-labelledby="bd-ho-so-title bd-ho-so-desc" viewBox="0 0 ${width} ${height}" width="100%" ${FONT} style="max-width:${width}px;height:auto">
<title id="bd-ho-so-title">Biểu đồ cột: số hồ sơ khiếu nại và tố cáo tiếp nhận mỗi tháng, ${monthText(d.fromMonth)}–${monthText(d.toMonth)}</title>
<desc id="bd-ho-so-desc">Cột xanh là khiếu nại (tổng ${total('complaint')}), cột cam là tố cáo (tổng ${total('denunciation')}). Số liệu chi tiết ở bảng ngay sau biểu đồ.</desc>
${grid}${bars}
<line x1="${left}" x2="${left}" y1="${top}" y2="${top + plotH}" stroke="#1a1a1a"/>
<g font-size="12" fill="#1a1a1a"><rect x="${left + 8}" y="${height - 16}" width="12" height="12" fill="${COLOUR.complaint}"/><text x="${left + 24}" y="${height - 6}">Khiếu nại</text><rect x="${left + 110}" y="${height - 16}" width="12" height="12" fill="${COLOUR.denunciation}"/><text x="${left + 126}" y="${height - 6}">Tố cáo</text></g>
</svg>`;
}

function casesTable(d: Dashboard): string {
  const rows = d.casesByMonth
    .map(
      (m) =>
        `<tr><th scope="row">${monthText(m.month)}</th><td class="so">${m.complaint.total}</td><td class="so">${m.denunciation.total}</td></tr>`,
    )
    .join('\n');
  return `<table class="bang">
<caption>Số hồ sơ tiếp nhận theo tháng (theo ngày nhận)</caption>
<thead><tr><th scope="col">Tháng</th><th scope="col">Khiếu nại</th><th scope="col">Tố cáo</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row">Cộng</th><td class="so">${d.casesByState.complaint.total}</td><td class="so">${d.casesByState.denunciation.total}</td></tr></tfoot>
</table>`;
}

function stateTable(d: Dashboard, kind: CaseKind): string {
  const counts = d.casesByState[kind];
  const rows = CASE_STATES[kind]
    .filter((s) => (counts.byState[s] ?? 0) > 0)
    .map(
      (s) =>
        `<tr><th scope="row">${e(STATE_TEXT[kind][s] ?? s)}</th><td class="so">${counts.byState[s]}</td></tr>`,
    )
    .join('\n');
  if (!rows) return `<p class="trong">${KIND_TEXT[kind]}: không có hồ sơ trong kỳ.</p>`;
  return `<table class="bang hep">
<caption>${KIND_TEXT[kind]} theo trạng thái hiện tại</caption>
<thead><tr><th scope="col">Trạng thái</th><th scope="col">Số hồ sơ</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function onTimeChart(d: Dashboard): string {
  const width = 760;
  const height = 240;
  const left = 52;
  const bottom = 28;
  const top = 16;
  const plotH = height - bottom - top;
  const slot = (width - left - 8) / d.onTimeTrend.length;
  const x = (i: number) => left + i * slot + slot / 2;
  const y = (rate: number) => top + plotH - rate * plotH;
  const grid = [0, 0.5, 1]
    .map(
      (v) =>
        `<line x1="${left}" x2="${width - 8}" y1="${y(v)}" y2="${y(v)}" stroke="#bbb" stroke-width="1"/>` +
        `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="12" fill="#1a1a1a">${v * 100} %</text>`,
    )
    .join('');
  const points = d.onTimeTrend.flatMap((m, i) => (m.rate === null ? [] : [{ m, px: x(i), py: y(m.rate) }]));
  const line =
    points.length > 1
      ? `<polyline points="${points.map((p) => `${p.px},${p.py}`).join(' ')}" fill="none" stroke="#0a4b8f" stroke-width="2.5"/>`
      : '';
  const dots = points
    .map(
      (p) =>
        `<g><title>${monthText(p.m.month)}: ${rateText(p.m.rate)} (${p.m.met} đúng hạn, ${p.m.missed} quá hạn)</title><circle cx="${p.px}" cy="${p.py}" r="4.5" fill="#0a4b8f"/><text x="${p.px}" y="${p.py - 9}" text-anchor="middle" font-size="11" fill="#1a1a1a">${Math.round(p.m.rate! * 100)}</text></g>`,
    )
    .join('');
  const labels = d.onTimeTrend
    .map(
      (m, i) =>
        `<text x="${x(i)}" y="${height - 8}" text-anchor="middle" font-size="11" fill="#1a1a1a">${monthText(m.month)}</text>`,
    )
    .join('');
  const summary = points.length
    ? `Tháng gần nhất có số liệu: ${monthText(points[points.length - 1].m.month)}, ${rateText(points[points.length - 1].m.rate)}.`
    : 'Chưa có thời hạn giải quyết nào kết thúc trong kỳ.';
  return `<svg role="img" aria-labelledby="bd-dung-han-title bd-dung-han-desc" viewBox="0 0 ${width} ${height}" width="100%" ${FONT} style="max-width:${width}px;height:auto">
<title id="bd-dung-han-title">Biểu đồ đường: tỷ lệ thời hạn giải quyết kết thúc đúng hạn mỗi tháng (%)</title>
<desc id="bd-dung-han-desc">${summary} Tháng không có thời hạn nào kết thúc thì không có điểm. Số liệu chi tiết ở bảng ngay sau biểu đồ.</desc>
${grid}${line}${dots}${labels}
<line x1="${left}" x2="${left}" y1="${top}" y2="${top + plotH}" stroke="#1a1a1a"/>
</svg>`;
}

function onTimeTable(d: Dashboard): string {
  const rows = d.onTimeTrend
    .map(
      (m) =>
        `<tr><th scope="row">${monthText(m.month)}</th><td class="so">${m.met}</td><td class="so">${m.missed}</td><td class="so">${rateText(m.rate)}</td></tr>`,
    )
    .join('\n');
  return `<table class="bang">
<caption>Thời hạn giải quyết kết thúc trong tháng: đúng hạn, quá hạn và tỷ lệ đúng hạn</caption>
<thead><tr><th scope="col">Tháng</th><th scope="col">Đúng hạn</th><th scope="col">Quá hạn</th><th scope="col">Tỷ lệ đúng hạn</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function overdueSection(d: Dashboard): string {
  if (d.overdue.units.length === 0) return `<p class="trong">Không có thời hạn nào đang quá hạn.</p>`;
  const rows = d.overdue.units
    .map((u) => `<tr><th scope="row">${e(u.unitName)}</th><td class="so">${u.overdue}</td></tr>`)
    .join('\n');
  return `<p>Tổng số thời hạn đang mở đã quá hạn: <strong>${d.overdue.total}</strong>.</p>
<table class="bang hep">
<caption>Đơn vị có nhiều thời hạn quá hạn nhất (tối đa 10 đơn vị)</caption>
<thead><tr><th scope="col">Đơn vị</th><th scope="col">Số thời hạn quá hạn</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function backlogChart(d: Dashboard): string {
  const width = 760;
  const rowH = 30;
  const left = 150;
  const height = BACKLOG_STATUSES.length * rowH + 10;
  const max = niceMax(Math.max(1, ...Object.values(d.enforcementBacklog.byStatus)));
  const bars = BACKLOG_STATUSES.map((s, i) => {
    const n = d.enforcementBacklog.byStatus[s];
    const w = (n / max) * (width - left - 50);
    const y0 = 5 + i * rowH;
    return `<g><text x="${left - 8}" y="${y0 + 18}" text-anchor="end" font-size="13" fill="#1a1a1a">${BACKLOG_TEXT[s]}</text><rect x="${left}" y="${y0 + 4}" width="${w}" height="${rowH - 10}" fill="${BACKLOG_COLOUR[s]}"/><text x="${left + w + 6}" y="${y0 + 18}" font-size="13" fill="#1a1a1a">${n}</text></g>`;
  }).join('');
  const parts = BACKLOG_STATUSES.map(
    (s) => `${BACKLOG_TEXT[s].toLowerCase()} ${d.enforcementBacklog.byStatus[s]}`,
  ).join(', ');
  return `<svg role="img" aria-labelledby="bd-thi-hanh-title bd-thi-hanh-desc" viewBox="0 0 ${width} ${height}" width="100%" ${FONT} style="max-width:${width}px;height:auto">
<title id="bd-thi-hanh-title">Biểu đồ thanh: hồ sơ thi hành chưa hoàn thành theo tình trạng</title>
<desc id="bd-thi-hanh-desc">Tổng ${d.enforcementBacklog.total}: ${parts}. Chi tiết theo đơn vị ở bảng ngay sau biểu đồ.</desc>
${bars}
</svg>`;
}

function backlogTable(d: Dashboard): string {
  if (d.enforcementBacklog.units.length === 0)
    return `<p class="trong">Không có hồ sơ thi hành nào đang tồn đọng.</p>`;
  const rows = d.enforcementBacklog.units
    .map(
      (u) =>
        `<tr><th scope="row">${e(u.unitName)}</th>${BACKLOG_STATUSES.map((s) => `<td class="so">${u.byStatus[s]}</td>`).join('')}<td class="so">${u.total}</td></tr>`,
    )
    .join('\n');
  return `<table class="bang">
<caption>Hồ sơ thi hành chưa hoàn thành theo đơn vị và tình trạng</caption>
<thead><tr><th scope="col">Đơn vị</th>${BACKLOG_STATUSES.map((s) => `<th scope="col">${BACKLOG_TEXT[s]}</th>`).join('')}<th scope="col">Cộng</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row">Cộng</th>${BACKLOG_STATUSES.map((s) => `<td class="so">${d.enforcementBacklog.byStatus[s]}</td>`).join('')}<td class="so">${d.enforcementBacklog.total}</td></tr></tfoot>
</table>`;
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1rem;line-height:1.5;color:#1a1a1a;background:#fff}
a{color:#0a4b8f}
a:focus-visible{outline:3px solid #0a4b8f;outline-offset:2px}
.bo-qua{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
.bo-qua:focus{left:.5rem}
header{background:#8b1a1a;color:#fff;padding:1rem}
header p{margin:0;font-size:.95rem}
h1{margin:.25rem 0 0;font-size:1.6rem}
main{max-width:72rem;margin:0 auto;padding:1rem}
h2{font-size:1.3rem;margin:2rem 0 .5rem}
h3{font-size:1.1rem;margin:1rem 0 .25rem}
table.bang{width:100%;border-collapse:collapse;margin:.75rem 0 1rem}
table.hep{max-width:40rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #bbb;padding:.4rem .5rem;text-align:left;vertical-align:top}
thead th{background:#e8eef6}
tfoot th,tfoot td{font-weight:700;background:#f3f4f6}
td.so{text-align:right;font-variant-numeric:tabular-nums}
.trong{font-style:italic}
.nho{font-size:.875rem;color:#404040}
.luoi{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}
footer{max-width:72rem;margin:0 auto;padding:1rem;border-top:1px solid #ccc;font-size:.95rem}
`;

/** The whole page for one viewer's figures. */
export function renderDashboardPage(d: Dashboard): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Bảng điều khiển thanh tra — ${monthText(d.fromMonth)} đến ${monthText(d.toMonth)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="bo-qua" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header>
<p>Hệ thống tiếp công dân, giải quyết khiếu nại, tố cáo</p>
<h1>Bảng điều khiển thanh tra</h1>
</header>
<main id="noi-dung">
<p>Số liệu của các đơn vị thuộc phạm vi quản lý của bạn, tính đến ngày ${e(d.today.split('-').reverse().join('/'))}${d.asOf ? e(` (số liệu cập nhật lúc ${new Date(Date.parse(d.asOf) + 7 * 3600_000).toISOString().slice(11, 16)})`) : ''}. Trang chỉ có số đếm và tên đơn vị, không có thông tin cá nhân.</p>
<section aria-labelledby="ho-so-thang">
<h2 id="ho-so-thang">Hồ sơ khiếu nại, tố cáo theo tháng</h2>
${casesChart(d)}
${casesTable(d)}
</section>
<section aria-labelledby="trang-thai">
<h2 id="trang-thai">Hồ sơ theo trạng thái</h2>
<p class="nho">Hồ sơ tiếp nhận từ tháng ${monthText(d.fromMonth)} đến tháng ${monthText(d.toMonth)}, theo trạng thái hiện tại.</p>
<div class="luoi">
<div>${stateTable(d, 'complaint')}</div>
<div>${stateTable(d, 'denunciation')}</div>
</div>
</section>
<section aria-labelledby="dung-han">
<h2 id="dung-han">Tỷ lệ giải quyết đúng hạn</h2>
${onTimeChart(d)}
${onTimeTable(d)}
</section>
<section aria-labelledby="qua-han">
<h2 id="qua-han">Thời hạn quá hạn theo đơn vị</h2>
${overdueSection(d)}
</section>
<section aria-labelledby="thi-hanh">
<h2 id="thi-hanh">Tồn đọng thi hành quyết định, kết luận</h2>
${backlogChart(d)}
${backlogTable(d)}
</section>
</main>
<footer>
<p>Phiên xem trang này hết hạn sau 15 phút; mở lại từ ứng dụng để xem tiếp. Dữ liệu dạng JSON: <code>GET /api/v1/dashboard</code>.</p>
</footer>
</body>
</html>
`;
}

/** 401 (no or expired page session) or 403 (no reports:read): a short page saying what to do. */
export function renderRefusalPage(status: 401 | 403): string {
  const [heading, text] =
    status === 401
      ? [
          'Cần mở phiên xem bảng điều khiển',
          'Phiên xem đã hết hạn hoặc chưa được mở. Hãy đăng nhập ứng dụng và mở lại bảng điều khiển từ trình duyệt này (POST /api/v1/dashboard/session).',
        ]
      : ['Không có quyền xem bảng điều khiển', 'Tài khoản của bạn không có quyền xem báo cáo.'];
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${heading}</title>
</head>
<body>
<main>
<h1>${heading}</h1>
<p>${text}</p>
</main>
</body>
</html>
`;
}
