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

function needlesOf(people: readonly IdentityNeedles[]): string[] {
  const out = new Set<string>();
  for (const p of people) {
    for (const value of [p.fullName, p.idNumber, p.phone, p.email, p.address]) {
      const v = value?.normalize('NFC').trim();
      if (v && v.length >= 3) out.add(foldChars(v));
    }
    // A phone number is often written with the national prefix instead of the leading 0.
    if (p.phone?.startsWith('0')) out.add(`+84${p.phone.slice(1)}`);
    if (p.phone?.startsWith('+84')) out.add(`0${p.phone.slice(3)}`);
  }
  // Longest first: an address containing the name is replaced whole.
  return [...out].sort((a, b) => b.length - a.length);
}

/** The text with every occurrence of the people's identifying strings replaced by the mark. */
export function redact(text: string, people: readonly IdentityNeedles[]): string {
  const original = text.normalize('NFC');
  const folded = foldChars(original);
  const cut: Array<[number, number]> = [];
  for (const needle of needlesOf(people)) {
    let from = 0;
    for (let at = folded.indexOf(needle, from); at >= 0; at = folded.indexOf(needle, from)) {
      const end = at + needle.length;
      if (!cut.some(([s, e]) => at < e && end > s)) cut.push([at, end]);
      from = end;
    }
  }
  cut.sort((a, b) => a[0] - b[0]);
  let out = '';
  let last = 0;
  for (const [s, e] of cut) {
    out += original.slice(last, s) + REDACTION_MARK;
    last = e;
  }
  return out + original.slice(last);
}

/** Whether any of the people's identifying strings still occurs in the text. */
export function revealsIdentity(text: string, people: readonly IdentityNeedles[]): boolean {
  const folded = foldChars(text.normalize('NFC'));
  return needlesOf(people).some((n) => folded.includes(n));
}
