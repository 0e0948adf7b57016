/**
 * Vietnamese wording for what the deadline explanation shows officers: legal citations written the
 * Vietnamese way ("khoản 1 Điều 16 Nghị định 124/2020/NĐ-CP"), dates as dd/mm/yyyy, holiday names
 * without the English gloss the built-in calendar data carries. The rule table keeps its compact
 * citations (`NĐ 124/2020/NĐ-CP art. 16(1)`) for the API and logs.
 */
import type { LocalDate } from '../../common/domain/local-date.js';

/** The document types of legal-reference's abbreviations, as officers write them. */
const SOURCES: Record<string, string> = {
  LTCD: 'Luật Tiếp công dân',
  LKN: 'Luật Khiếu nại',
  LTC: 'Luật Tố cáo',
  BLDS: 'Bộ luật Dân sự',
  Law: 'Luật',
  NĐ: 'Nghị định',
  TT: 'Thông tư',
};

// `LKN 02/2011/QH13 art. 27, 36(1)`: a source, its number and optionally the articles cited.
const ARTICLE_ITEM = String.raw`(?:\d+[a-z]?|\(\d+\))(?:\([0-9a-zđ]+\))*(?:–(?:\d+[a-z]?|\(\d+\)))?`;
const CITATION = new RegExp(
  String.raw`\b(LTCD|LKN|LTC|BLDS|Law|NĐ|TT) (\d+/\d{4}/[A-ZĐ0-9-]+)` +
    String.raw`(?: art\. (${ARTICLE_ITEM}(?:, ${ARTICLE_ITEM})*))?`,
  'g',
);

/** Phrases of the rule table's citations, in Vietnamese. */
const PHRASES: [RegExp, string][] = [
  [/ as amended by /g, ', được sửa đổi bởi '],
  [/"complicated" criteria: /g, 'tiêu chí vụ việc phức tạp: '],
  [/ \(original\)/g, ' (quy định ban đầu)'],
  [/ \(predecessor\)/g, ' (văn bản trước đây)'],
  [/ equivalent article UNCONFIRMED/g, ' (chưa xác định được điều tương ứng)'],
  [/ \(article UNCONFIRMED\)/g, ' (chưa xác định được điều)'],
  [/\bTTHC "/g, 'thủ tục hành chính "'],
];

/** A rule table citation (`NĐ 124/2020/NĐ-CP art. 16(1) as amended by …`) in Vietnamese. */
export function legalBasisVi(basis: string): string {
  let text = basis.replace(CITATION, (_m, source: string, number: string, articles?: string) => {
    const document = `${SOURCES[source]} ${number}`;
    return articles ? `${articlesVi(articles)} ${document}` : document;
  });
  for (const [pattern, replacement] of PHRASES) text = text.replace(pattern, replacement);
  return text;
}

interface Article {
  article: string;
  clauses: string[];
  points: string[];
}

/** `27, 36(1)` → `Điều 27, khoản 1 Điều 36`; `41(2)–(3)` → `khoản 2, 3 Điều 41`; `15(2)(d)` → `điểm d khoản 2 Điều 15`. */
function articlesVi(list: string): string {
  const articles: Article[] = [];
  for (const item of list.split(', ')) {
    const m = /^(\d+[a-z]?)?((?:\([0-9a-zđ]+\))*)(?:–(\d+[a-z]?|\(\d+\)))?$/.exec(item);
    if (!m) return `Điều ${list}`;
    const [, number, parts, upTo] = m;
    const inner = [...parts.matchAll(/\(([0-9a-zđ]+)\)/g)].map((p) => p[1]);
    const clauses = inner.filter((p) => /^\d+$/.test(p));
    const points = inner.filter((p) => !/^\d+$/.test(p));
    if (upTo?.startsWith('(')) clauses.push(...rangeAfter(clauses[clauses.length - 1], upTo.slice(1, -1)));
    const previous = articles[articles.length - 1];
    if (number === undefined) {
      // `38(3), (5)`: another clause of the previous article.
      if (!previous) return `Điều ${list}`;
      previous.clauses.push(...clauses);
      continue;
    }
    articles.push({ article: number, clauses, points });
    if (upTo && !upTo.startsWith('(')) articles.push({ article: upTo, clauses: [], points: [] });
  }
  return articles
    .map(({ article, clauses, points }) => {
      const point = points.length ? `điểm ${points.join(', ')} ` : '';
      const clause = clauses.length ? `khoản ${clauses.join(', ')} ` : '';
      return `${point}${clause}Điều ${article}`;
    })
    .join(', ');
}

/** The clause numbers after `from` up to `to` (`2`, `3` → [`3`]). */
function rangeAfter(from: string | undefined, to: string): string[] {
  const a = Number(from);
  const b = Number(to);
  if (!Number.isInteger(a) || !Number.isInteger(b) || b <= a || b - a > 20) return [to];
  return Array.from({ length: b - a }, (_, i) => String(a + 1 + i));
}

/** `2026-02-15` → `15/02/2026`. */
export function dateVi(date: LocalDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/**
 * A calendar day's name without its English gloss: the built-in data says
 * `Tết Âm lịch (Lunar New Year)`, officers read `Tết Âm lịch`. Names a unit entered are kept.
 */
export function holidayNameVi(name: string): string {
  return name
    .split('; ')
    .map((part) => part.replace(/ \([\x20-\x7e]*[A-Za-z][\x20-\x7e]*\)/g, '').trim())
    .join('; ');
}
