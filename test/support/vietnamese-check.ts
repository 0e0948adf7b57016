/**
 * What in a line meant for officers is not Vietnamese: internal identifiers (UUIDs, version hashes,
 * rule version codes, `key=value` or `a-b-c` ids), English words. Vietnamese words written without
 * diacritics are plain ASCII too ("theo", "cho", "tin"), so an ASCII word passes when it has the shape
 * of a Vietnamese syllable and is not one of the short English words that share it; capitalised
 * abbreviations of up to five letters (KN, BLDS, QH, TTCP) are legal references and pass.
 * Returns the offending tokens (none: the line reads as Vietnamese).
 */
const SYLLABLE =
  /^(?:ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|[bcdghklmnprstvx])?(?:[aeiouy]{1,3})(?:ch|ng|nh|[cmnptiouy])?$/;
const ENGLISH_SHORT = new Set([
  'the',
  'by',
  'day',
  'to',
  'in',
  'on',
  'at',
  'be',
  'he',
  'it',
  'no',
  'so',
  'up',
  'me',
  'we',
  'ok',
  'see',
  'via',
  'pay',
  'may',
  'say',
  'way',
  'not',
  'new',
  'year',
  'law',
  'due',
  'note',
  'one',
  'two',
]);
const IDENTIFIERS: RegExp[] = [
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, // UUID
  /\b[0-9a-f]{8,}\b/gi, // hash
  /\b[A-Z]{2,5}-\d+\/v\d+\b/g, // rule version code KN-2/v1
  /\bv\d+\b/g, // bare version v2
  /\S*[@=_]\S*/g, // ids and settings: vn-public-sector@…, makeup=counted
  /\b[a-z]+(?:-[a-z]+)+\b/g, // kebab-case ids
];

export function nonVietnameseTokens(line: string): string[] {
  const found: string[] = [];
  let rest = line;
  for (const pattern of IDENTIFIERS) {
    rest = rest.replace(pattern, (m) => {
      found.push(m);
      return ' ';
    });
  }
  rest = rest.replace(/\d+[a-z]\b/g, ' '); // article numbers: Điều 28b, Mẫu 14a
  for (const word of rest.match(/\p{L}+/gu) ?? []) {
    if (!/^[A-Za-z]+$/.test(word)) continue; // has Vietnamese letters
    if (/^[A-Z]{1,5}$/.test(word)) continue; // abbreviation (KN, BLDS, QH, HĐND's parts…)
    const lower = word.toLowerCase();
    if (word !== lower && word.slice(1) !== lower.slice(1))
      found.push(word); // camelCase / UNCONFIRMED
    else if (ENGLISH_SHORT.has(lower) || !SYLLABLE.test(lower)) found.push(word);
  }
  return found;
}
