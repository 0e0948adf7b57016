/**
 * The Vietnamese e-mails of notifications: plain text and simple HTML, built only from what the
 * notification holds (its title, body and link — never personal data, see notifications/entities).
 */
import type { LocalDate } from '../../common/domain/local-date.js';

export interface EmailItem {
  title: string;
  body: string;
  /** An absolute path of the API (`/api/v1/complaint-cases/<id>`), or null. */
  link: string | null;
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const SUBJECT_PREFIX = '[Tiếp dân]';
const FOOTER =
  'Thư này được hệ thống tiếp công dân, xử lý đơn thư gửi tự động; vui lòng không trả lời thư này. ' +
  'Có thể chọn nhận một thư tổng hợp mỗi ngày trong phần cài đặt thông báo.';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** One line for a subject: no line breaks (header injection), at most 200 characters. */
function subjectLine(text: string): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

const urlOf = (baseUrl: string, link: string | null) =>
  link ? `${baseUrl.replace(/\/+$/, '')}${link}` : null;

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

function htmlPage(title: string, inner: string): string {
  return [
    '<!doctype html>',
    '<html lang="vi"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 14px; color: #222; line-height: 1.5">',
    inner,
    `<hr><p style="font-size: 12px; color: #666">${escapeHtml(FOOTER)}</p>`,
    '</body></html>',
  ].join('\n');
}

/** The e-mail of one notification. */
export function notificationEmail(item: EmailItem, baseUrl: string): EmailContent {
  const url = urlOf(baseUrl, item.link);
  const text = [item.title, '', item.body, ...(url ? ['', `Xem chi tiết: ${url}`] : []), '', '--', FOOTER];
  const html = htmlPage(
    item.title,
    [
      `<h2 style="font-size: 16px">${escapeHtml(item.title)}</h2>`,
      paragraphs(item.body),
      url ? `<p><a href="${escapeHtml(url)}">Xem chi tiết</a></p>` : '',
    ].join('\n'),
  );
  return { subject: subjectLine(`${SUBJECT_PREFIX} ${item.title}`), text: text.join('\n'), html };
}

const vietnameseDate = (date: LocalDate) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** The daily digest: every notification waiting for it, oldest first, in one e-mail. */
export function digestEmail(items: readonly EmailItem[], date: LocalDate, baseUrl: string): EmailContent {
  if (items.length === 0) throw new RangeError('a digest needs at least one notification');
  const heading = `Tổng hợp ${items.length} thông báo ngày ${vietnameseDate(date)}`;
  const text: string[] = [heading, ''];
  const html: string[] = [`<h2 style="font-size: 16px">${escapeHtml(heading)}</h2>`, '<ol>'];
  for (const [i, item] of items.entries()) {
    const url = urlOf(baseUrl, item.link);
    text.push(`${i + 1}. ${item.title}`, `   ${item.body.replace(/\n/g, '\n   ')}`);
    if (url) text.push(`   Xem chi tiết: ${url}`);
    text.push('');
    html.push(
      `<li><strong>${escapeHtml(item.title)}</strong>${paragraphs(item.body)}` +
        (url ? `<p><a href="${escapeHtml(url)}">Xem chi tiết</a></p>` : '') +
        '</li>',
    );
  }
  html.push('</ol>');
  text.push('--', FOOTER);
  return {
    subject: subjectLine(`${SUBJECT_PREFIX} ${heading}`),
    text: text.join('\n'),
    html: htmlPage(heading, html.join('\n')),
  };
}
