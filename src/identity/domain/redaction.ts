/**
 * The redacted copy of a denunciation letter (LTC art. 56(2)): the denouncer's name, ID number, phone,
 * e-mail and address are replaced wherever they occur in the text — whatever the case, and whether or not
 * they were typed with diacritics. Pure.
 */

export const REDACTION_MARK = '[đã ẩn]';

/** Folds one character at a time (NFC in, one code unit per character out), so positions line up. */
function foldChars(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch === 'đ' || ch === 'Đ' ? 'd' : ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const folded = base.toLowerCase();
    // Every character maps to exactly one output character of the same UTF-16 length.
    out += folded.length === ch.length ? folded : ch.length === 1 ? folded.slice(0, 1) || ch : ch;
  }
  return out;
}

export interface IdentityNeedles {
  fullName?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

interface Needles {
  /** Folded strings found as they are. */
  literal: string[];
  /** Numbers (căn cước, phone) found with any spaces, dots or dashes between their digits. */
  digits: RegExp[];
}

function digitPattern(digits: string): RegExp {
  return new RegExp(digits.split('').join('[\\s.\\-]*'), 'g');
}

function needlesOf(people: readonly IdentityNeedles[]): Needles {
  const literal = new Set<string>();
  const digits = new Set<string>();
  for (const p of people) {
    for (const value of [p.fullName, p.email, p.address]) {
      const v = value?.normalize('NFC').trim();
      if (v && v.length >= 3) literal.add(foldChars(v));
    }
    for (const value of [p.idNumber, p.phone]) {
      const d = value?.replace(/\D/g, '');
      if (d && d.length >= 6) digits.add(d);
    }
    // A phone number is often written with the national prefix instead of the leading 0.
    const phone = p.phone?.replace(/[^\d+]/g, '');
    if (phone?.startsWith('0')) digits.add(`84${phone.slice(1)}`);
    if (phone?.startsWith('+84')) digits.add(`0${phone.slice(3)}`);
  }
  return {
    // Longest first: an address containing the name is replaced whole.
    literal: [...literal].sort((a, b) => b.length - a.length),
    digits: [...digits].sort((a, b) => b.length - a.length).map(digitPattern),
  };
}

function spans(folded: string, needles: Needles): Array<[number, number]> {
  const cut: Array<[number, number]> = [];
  const add = (at: number, end: number) => {
    if (!cut.some(([s, e]) => at < e && end > s)) cut.push([at, end]);
  };
  for (const needle of needles.literal) {
    let from = 0;
    for (let at = folded.indexOf(needle, from); at >= 0; at = folded.indexOf(needle, from)) {
      add(at, at + needle.length);
      from = at + needle.length;
    }
  }
  for (const pattern of needles.digits) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) {
      // A "+" written before the national prefix goes with the number.
      const start = m.index > 0 && folded[m.index - 1] === '+' ? m.index - 1 : m.index;
      add(start, m.index + m[0].length);
    }
  }
  return cut.sort((a, b) => a[0] - b[0]);
}

/** The text with every occurrence of the people's identifying strings replaced by the mark. */
export function redact(text: string, people: readonly IdentityNeedles[]): string {
  const original = text.normalize('NFC');
  let out = '';
  let last = 0;
  for (const [s, e] of spans(foldChars(original), needlesOf(people))) {
    out += original.slice(last, s) + REDACTION_MARK;
    last = e;
  }
  return out + original.slice(last);
}

/** Whether any of the people's identifying strings still occurs in the text. */
export function revealsIdentity(text: string, people: readonly IdentityNeedles[]): boolean {
  return spans(foldChars(text.normalize('NFC')), needlesOf(people)).length > 0;
}
