/**
 * The one identity matcher (issue 14): finds a denouncer's identity in any free text a reader sees —
 * however it was typed — for the redacted copy of a letter (LTC art. 56(2)), for checking an officer's
 * own redacted text, and for every other free text of a protected letter or case (LTC arts. 8(3), 47;
 * legal-reference §6). Pure.
 *
 * The text is normalised first, one original character (with its combining marks) at a time, so every
 * normalised position maps back to a span of the original: Unicode NFKC (full-width digits and letters,
 * ligatures), zero-width and bidi controls removed, case and diacritics folded (`đ`, `Đ`, `Ð` U+00D0 →
 * `d`), and every run of whitespace (no-break space, tab, line break…) one space. What is recognised:
 * - the full name in any order and spacing (and, for three words or more, family with given name);
 * - phone numbers with +84 / 84 / 0084 / 0 prefixes, brackets and any separators (` . - _ /`);
 * - căn cước (12 digits) and old ID (9 digits) numbers with any separators;
 * - e-mail addresses, also written `name[at]domain`, `name (at) domain dot com`, and the mailbox alone;
 * - the whole address, and its distinctive part: the house number with its street, in either order.
 * Redaction replaces the matched spans of the ORIGINAL text by the mark and keeps the rest intact.
 */

export const REDACTION_MARK = '[đã ẩn]';

export interface IdentityNeedles {
  fullName?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

/** A text folded for matching, with the span of the original each folded character came from. */
export interface NormalisedText {
  text: string;
  start: number[];
  end: number[];
}

/** Characters that render as nothing (or only steer the direction of text): removed before matching. */
const INVISIBLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00ad, 0x00ad], // soft hyphen
  [0x034f, 0x034f], // combining grapheme joiner
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f], // zero-width space, non-joiner, joiner, direction marks
  [0x202a, 0x202e], // bidi embeddings and overrides
  [0x2060, 0x206f], // word joiner, invisible operators, bidi isolates
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f], // variation selectors
  [0xfeff, 0xfeff], // zero-width no-break space (BOM)
  [0xffa0, 0xffa0],
];
const INVISIBLE = {
  test(ch: string): boolean {
    const cp = ch.codePointAt(0) ?? 0;
    return ch.length <= 2 && INVISIBLE_RANGES.some(([a, b]) => cp >= a && cp <= b);
  },
};
const MARK = /^\p{M}$/u;
const SPACE = /\s/u;

function foldCluster(cluster: string): string {
  return cluster
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đðɖ]/g, 'd');
}

/** The folded text and, for each of its characters, the original span it stands for. */
export function normaliseForMatching(original: string): NormalisedText {
  // Clusters: a code point with the combining marks that follow it.
  const clusters: Array<[number, number]> = [];
  let i = 0;
  for (const ch of original) {
    const last = clusters[clusters.length - 1];
    if (MARK.test(ch) && last && last[1] === i && !INVISIBLE.test(original.slice(last[0], last[0] + 1))) {
      last[1] = i + ch.length;
    } else {
      clusters.push([i, i + ch.length]);
    }
    i += ch.length;
  }
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  for (const [s, e] of clusters) {
    const cluster = original.slice(s, e);
    if (INVISIBLE.test(cluster)) continue;
    for (const ch of foldCluster(cluster)) {
      if (INVISIBLE.test(ch)) continue;
      if (SPACE.test(ch)) {
        if (text.endsWith(' ')) {
          end[end.length - 1] = e;
          continue;
        }
        text += ' ';
        start.push(s);
        end.push(e);
      } else {
        text += ch;
        // One entry per UTF-16 unit: a character outside the BMP takes two.
        for (let k = 0; k < ch.length; k++) {
          start.push(s);
          end.push(e);
        }
      }
    }
  }
  return { text, start, end };
}

/** The plain folded form of a value (for building patterns). */
function fold(value: string): string {
  return normaliseForMatching(value).text.trim();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_AFTER = '(?![\\p{L}\\p{N}])';
/** Between the words of a name: any spacing or punctuation people put there, or none. */
const NAME_GAP = '[\\s.,\\-_]*';
/** Between the parts of an address. */
const ADDRESS_GAP = '[\\s.,;\\-_]*';
/** "@" as people write it to fool harvesters. */
const AT =
  '\\s*(?:@|\\[\\s*(?:at|@|a cong)\\s*\\]|\\(\\s*(?:at|@|a cong)\\s*\\)|\\{\\s*(?:at|@)\\s*\\}|<\\s*(?:at|@)\\s*>|\\s(?:at|a cong)\\s)\\s*';
/** "." as people write it in an e-mail address. */
const DOT =
  '\\s*(?:\\.|\\[\\s*(?:dot|cham|\\.)\\s*\\]|\\(\\s*(?:dot|cham|\\.)\\s*\\)|\\{\\s*(?:dot|cham)\\s*\\}|\\s(?:dot|cham)\\s)\\s*';
/** Words that name a kind of street, written before its name (folded). */
const STREET_WORDS = [
  'so nha',
  'duong',
  'pho',
  'hem',
  'ngo',
  'ngach',
  'kiet',
  'kiot',
  'to',
  'ap',
  'thon',
  'xom',
  'khom',
  'khu pho',
  'kp',
  'lo',
  'lo dat',
  'can ho',
  'quoc lo',
  'tinh lo',
  'dai lo',
];
const STREET_WORD = `(?:(?:${STREET_WORDS.map(escape).join('|')})[\\s.,]*)?`;
const HOUSE_WORD = '(?:(?:so nha|so|sn|nha so|nha)[\\s.:]*)?';

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  const out: T[][] = [];
  items.forEach((item, i) => {
    for (const rest of permutations([...items.slice(0, i), ...items.slice(i + 1)])) out.push([item, ...rest]);
  });
  return out;
}

function nameOrders(words: readonly string[]): string[][] {
  if (words.length <= 5) return permutations(words);
  // Long names: as written, reversed, and every rotation (given name first, family name last…).
  const out = [words.slice(), [...words].reverse()];
  for (let r = 1; r < words.length; r++) out.push([...words.slice(r), ...words.slice(0, r)]);
  return out;
}

/**
 * A pattern's source and the literal words any match of it contains (folded, as in the folded text): a
 * text without one of them cannot match, and is not scanned (scanning with the leading look-behind is
 * what the matcher spends its time on: docs/load.md, "Intake's CPU").
 */
type Pattern = [source: string, needs: string[]];

function namePatterns(fullName: string): Pattern[] {
  const words = fold(fullName)
    .split(/[\s.,\-_]+/)
    .filter(Boolean);
  if (words.join('').length < 3) return [];
  const orders = nameOrders(words);
  // "Nguyễn Hạnh", "Hạnh Nguyễn": family and given names without the middle ones.
  if (words.length >= 3) {
    const pair = [words[0], words[words.length - 1]];
    orders.push(pair, [...pair].reverse());
  }
  return orders.map((order) => [order.map(escape).join(NAME_GAP), order]);
}

function emailPatterns(email: string): Pattern[] {
  const folded = fold(email).replace(/\s+/g, '');
  const at = folded.lastIndexOf('@');
  if (at <= 0 || at === folded.length - 1) return folded.length >= 5 ? [[escape(folded), [folded]]] : [];
  const localParts = folded.slice(0, at).split('.').filter(Boolean);
  const domainParts = folded
    .slice(at + 1)
    .split('.')
    .filter(Boolean);
  const local = localParts.map(escape).join(DOT);
  const domain = domainParts.map(escape).join(DOT);
  const out: Pattern[] = [[`${local}${AT}${domain}`, [...localParts, ...domainParts]]];
  // The mailbox alone ("hanh.nt") points at the person as surely as the whole address.
  if (folded.slice(0, at).length >= 5)
    out.push([`(?<![\\p{L}\\p{N}._%+\\-])${local}(?![\\p{L}\\p{N}_%+\\-]|\\.[\\p{L}\\p{N}])`, localParts]);
  return out;
}

function addressPatterns(address: string): Pattern[] {
  const folded = fold(address);
  if (folded.length < 3) return [];
  const words = folded.split(/[\s,.;\-_]+/).filter(Boolean);
  const out: Pattern[] = [[words.map(escape).join(ADDRESS_GAP), words]];
  const parts = folded
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  parts.forEach((part, i) => {
    let words = part.split(/\s+/);
    const at = words.findIndex((w) => /\d/.test(w));
    if (at < 0) return;
    const house = words[at];
    words = words.slice(at + 1);
    // "Số 45, hẻm Xyz": the street is the next part.
    if (words.length === 0 && parts[i + 1]) words = parts[i + 1].split(/\s+/);
    let street = words.join(' ');
    for (const w of [...STREET_WORDS].sort((a, b) => b.length - a.length)) {
      if (street.startsWith(`${w} `)) {
        street = street.slice(w.length + 1);
        break;
      }
    }
    const streetWords = street.split(/\s+/).filter(Boolean);
    if (streetWords.join('').length < 2) return;
    const streetPattern = streetWords.map(escape).join(NAME_GAP);
    const houseParts = house.split(/([/-])/);
    const housePattern = houseParts.map(escape).join('\\s*');
    const needs = [...houseParts.filter(Boolean), ...streetWords];
    out.push([`${HOUSE_WORD}${housePattern}${ADDRESS_GAP}${STREET_WORD}${streetPattern}`, needs]);
    out.push([`${STREET_WORD}${streetPattern}${ADDRESS_GAP}${HOUSE_WORD}${housePattern}`, needs]);
  });
  return out;
}

/** The national number of a phone (without 0, 84, +84 or 0084). */
function nationalNumber(phone: string): string | null {
  let d = fold(phone).replace(/\D/g, '');
  if (d.startsWith('0084')) d = d.slice(4);
  else if (d.startsWith('84') && d.length >= 11) d = d.slice(2);
  if (d.startsWith('0')) d = d.slice(1);
  return d.length >= 8 ? d : null;
}

interface Compiled {
  /** Words and addresses: matched in the folded text (when it holds every word the pattern needs). */
  patterns: Array<{ re: RegExp; needs: string[] }>;
  /** Phone numbers: national numbers, found in any run of digits with a prefix before them. */
  phones: string[];
  /** ID numbers (căn cước, old ID): found in any run of digits. */
  numbers: string[];
  /** The words of each name, for the "cannot be sure" check. */
  names: string[][];
}

function compile(people: readonly IdentityNeedles[]): Compiled {
  const sources = new Map<string, string[]>();
  const phones = new Set<string>();
  const numbers = new Set<string>();
  const names: string[][] = [];
  for (const p of people) {
    if (p.fullName) {
      for (const [s, needs] of namePatterns(p.fullName)) sources.set(s, needs);
      const words = fold(p.fullName)
        .split(/[\s.,\-_]+/)
        .filter(Boolean);
      if (words.length >= 2) names.push(words);
    }
    if (p.email) for (const [s, needs] of emailPatterns(p.email)) sources.set(s, needs);
    if (p.address) for (const [s, needs] of addressPatterns(p.address)) sources.set(s, needs);
    if (p.phone) {
      const n = nationalNumber(p.phone);
      if (n) phones.add(n);
    }
    if (p.idNumber) {
      const d = fold(p.idNumber).replace(/\D/g, '');
      if (d.length >= 8) numbers.add(d);
    }
  }
  return {
    patterns: [...sources].map(([s, needs]) => ({
      re: new RegExp(`${WORD_BEFORE}(?:${s})${WORD_AFTER}`, 'gu'),
      needs,
    })),
    phones: [...phones],
    numbers: [...numbers],
    names,
  };
}

/** Digits with what people put between them: spaces, dots, dashes, underscores, slashes, brackets, plus. */
const DIGIT_RUN = /[0-9](?:[\s.\-_/()+]*[0-9])*/g;
/** What may stand before a national number: longest first. */
const PREFIXES = ['0084', '840', '84', '0'];

function digitRuns(text: string): Array<{ digits: string; at: number[] }> {
  const out: Array<{ digits: string; at: number[] }> = [];
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(text); m; m = DIGIT_RUN.exec(text)) {
    let digits = '';
    const at: number[] = [];
    for (let k = 0; k < m[0].length; k++) {
      if (m[0][k] >= '0' && m[0][k] <= '9') {
        digits += m[0][k];
        at.push(m.index + k);
      }
    }
    out.push({ digits, at });
  }
  return out;
}

/** A number's span widened to its "+" and to the brackets of its own prefix ("(+84) 973", "(0973) 516"). */
function widenNumber(text: string, s: number, e: number): [number, number] {
  const count = (from: number, to: number, ch: string) => text.slice(from, to).split(ch).length - 1;
  let from = s;
  for (;;) {
    if (from > 0 && text[from - 1] === '+') from--;
    else if (from > 0 && text[from - 1] === '(' && count(from, e, ')') > count(from, e, '(')) from--;
    else break;
  }
  let to = e;
  if (count(from, to, '(') > count(from, to, ')')) {
    const close = /^ ?\)/.exec(text.slice(to));
    if (close) to += close[0].length;
  }
  return [from, to];
}

function numberSpans(text: string, c: Compiled): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (c.phones.length === 0 && c.numbers.length === 0) return out;
  for (const run of digitRuns(text)) {
    const find = (needle: string, prefixed: boolean) => {
      for (let k = run.digits.indexOf(needle); k >= 0; k = run.digits.indexOf(needle, k + 1)) {
        let first = k;
        if (prefixed) {
          const p = PREFIXES.find((x) => run.digits.slice(k - x.length, k) === x && k - x.length >= 0);
          if (p) first = k - p.length;
        }
        out.push(widenNumber(text, run.at[first], run.at[k + needle.length - 1] + 1));
      }
    };
    for (const n of c.phones) find(n, true);
    for (const n of c.numbers) find(n, false);
  }
  return out;
}

function normalisedSpans(text: string, c: Compiled): Array<[number, number]> {
  const out = numberSpans(text, c);
  for (const { re: pattern, needs } of c.patterns) {
    if (!needs.every((word) => text.includes(word))) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      out.push([m.index, m.index + m[0].length]);
    }
  }
  return out;
}

function merge(spans: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * The matcher for one set of people, their patterns compiled once: intake checks a denouncer's letter
 * with the same people up to six times (its subject and content redacted, then each checked for what is
 * left and for doubt), and compiling the patterns — every order of the name's words, the address's
 * parts — cost more than matching (docs/load.md, "Intake's CPU"). It answers exactly as the functions
 * below, which use one each. The people are read when it is made: make another after changing them.
 */
export interface IdentityMatcher {
  /** Where the people's identity occurs in the text: spans of the original text, sorted, disjoint. */
  find(text: string): Array<[number, number]>;
  /** The text with every occurrence of the people's identity replaced by the mark, the rest kept. */
  redact(text: string): string;
  /** Whether any of the people's identity still occurs in the text. */
  reveals(text: string): boolean;
  /** See {@link doubtfulIdentity}. */
  doubtful(text: string): boolean;
}

export function identityMatcher(people: readonly IdentityNeedles[]): IdentityMatcher {
  const c = compile(people);
  // The name words' own patterns, for the "cannot be sure" check.
  const nameWords = c.names.map((words) =>
    words.map((w) => new RegExp(`${WORD_BEFORE}${escape(w)}${WORD_AFTER}`, 'gu')),
  );
  const find = (text: string): Array<[number, number]> => {
    if (!text) return [];
    const n = normaliseForMatching(text);
    return merge(
      normalisedSpans(n.text, c).map(([s, e]): [number, number] => {
        // Spaces at the edges of a match stay in the text.
        let from = s;
        let to = e;
        while (from < to && n.text[from] === ' ') from++;
        while (to > from && n.text[to - 1] === ' ') to--;
        return [n.start[from], n.end[to - 1]];
      }),
    );
  };
  return {
    find,
    redact(text) {
      let out = '';
      let last = 0;
      for (const [s, e] of find(text)) {
        out += text.slice(last, s) + REDACTION_MARK;
        last = e;
      }
      return out + text.slice(last);
    },
    reveals: (text) => find(text).length > 0,
    doubtful(text) {
      const n = normaliseForMatching(text).text;
      const runs = digitRuns(n).map((r) => r.digits);
      for (const needle of [...c.phones, ...c.numbers]) {
        for (let k = 0; k + PARTIAL_DIGITS <= needle.length; k++) {
          const piece = needle.slice(k, k + PARTIAL_DIGITS);
          if (runs.some((r) => r.includes(piece))) return true;
        }
      }
      for (const words of nameWords) {
        const places = words.map((re) => {
          const found: number[] = [];
          re.lastIndex = 0;
          for (let m = re.exec(n); m; m = re.exec(n)) found.push(m.index);
          return found;
        });
        if (places.some((p) => p.length === 0)) continue;
        // Every word within one window of text.
        for (const anchor of places[0]) {
          if (places.every((p) => p.some((at) => Math.abs(at - anchor) <= NAME_WINDOW))) return true;
        }
      }
      return false;
    },
  };
}

/** Where the people's identity occurs in the text: spans of the original text, sorted, disjoint. */
export function findIdentity(text: string, people: readonly IdentityNeedles[]): Array<[number, number]> {
  if (!text) return [];
  return identityMatcher(people).find(text);
}

/** The text with every occurrence of the people's identity replaced by the mark, the rest kept as it was. */
export function redact(text: string, people: readonly IdentityNeedles[]): string {
  if (!text) return text;
  return identityMatcher(people).redact(text);
}

/** Whether any of the people's identity still occurs in the text. */
export function revealsIdentity(text: string, people: readonly IdentityNeedles[]): boolean {
  return findIdentity(text, people).length > 0;
}

/** The longest run of a number's digits that is not yet a sure match but still points at it. */
const PARTIAL_DIGITS = 7;
/** Name words this close together (folded characters) still name the person, in whatever sentence. */
const NAME_WINDOW = 60;

/**
 * Whether the text still points at the person in a way the matcher cannot cut out with confidence: most
 * of a phone or ID number (a digit or two changed, hidden or cut), or every word of the name close
 * together but split by other words ("Yyqw, tức Edgemarker").
 */
export function doubtfulIdentity(text: string, people: readonly IdentityNeedles[]): boolean {
  return identityMatcher(people).doubtful(text);
}

/** What the matcher makes of a text: its redacted copy, whether it named the people, and whether it is
 * still in doubt after redaction (then it is refused rather than stored). */
export interface TextAssessment {
  redacted: string;
  named: boolean;
  doubtful: boolean;
}

export function assessText(text: string, people: readonly IdentityNeedles[]): TextAssessment {
  const matcher = identityMatcher(people);
  const redacted = matcher.redact(text);
  return { redacted, named: redacted !== text, doubtful: matcher.doubtful(redacted) };
}
