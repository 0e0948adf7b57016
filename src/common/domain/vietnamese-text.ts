/**
 * Vietnamese text compared the way people search it: without diacritics or case ("Nguyễn Văn Đức" =
 * "nguyen van duc"), punctuation ignored, whitespace collapsed.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '') // combining marks: tones and vowel marks
    .replace(/[đĐ]/g, 'd') // đ is a letter of its own, not a d with a mark
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * What the search columns hold (ASCII): the folded text without letters outside the Latin alphabet
 * (Chinese characters, ligatures pasted from PDFs), cut to `maxLength`. The same folding is applied to
 * the words searched for.
 */
export function searchFold(text: string, maxLength = Infinity): string {
  return foldVietnamese(text)
    .replace(/[^\x20-\x7e]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
    .slice(0, maxLength)
    .trim();
}

/** Word pairs of the folded text: the unit of content similarity. */
function shingles(folded: string): Set<string> {
  const words = folded.split(' ').filter((w) => w.length > 0);
  if (words.length === 1) return new Set(words);
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return out;
}

/**
 * Similarity of two contents in [0, 1]: Jaccard index of their word pairs after folding. Order of
 * paragraphs does not matter much; diacritics and case do not matter at all.
 */
export function contentSimilarity(a: string, b: string): number {
  return similarityTo(a)(b);
}

/** {@link contentSimilarity} to one text, folded once for many comparisons (a letter against candidates). */
export function similarityTo(a: string): (b: string) => number {
  const x = shingles(foldVietnamese(a));
  return (b) => {
    const y = shingles(foldVietnamese(b));
    if (x.size === 0 && y.size === 0) return 1;
    let shared = 0;
    for (const s of x) if (y.has(s)) shared++;
    return shared / (x.size + y.size - shared);
  };
}
