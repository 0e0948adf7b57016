/**
 * Whether an Accept-Encoding header (RFC 9110 §12.5.3) accepts gzip: `gzip` (or `x-gzip`) with a
 * non-zero weight, or else `*` with one. Answers for the last header seen are kept: browsers of one
 * kind send the same string on every request.
 */
let last: { header: string; gzip: boolean } = { header: '', gzip: false };

export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (header === undefined || header === '') return false;
  const text = Array.isArray(header) ? header.join(',') : header;
  if (text === last.header) return last.gzip;
  let gzip: number | null = null;
  let any: number | null = null;
  for (const part of text.split(',')) {
    const [coding, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    const weight = params.find((p) => p.startsWith('q='));
    const q = weight === undefined ? 1 : Number(weight.slice(2));
    const value = Number.isFinite(q) ? q : 0;
    if (coding === 'gzip' || coding === 'x-gzip') gzip = value;
    else if (coding === '*') any = value;
  }
  const accepted = (gzip ?? any ?? 0) > 0;
  last = { header: text, gzip: accepted };
  return accepted;
}
