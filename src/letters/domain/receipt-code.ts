/**
 * Receipt codes handed to petitioners: `TD-2026-7KQ4-M9XP` — a prefix, the year, eight characters of
 * Crockford base32 (no I, L, O, U: nothing to misread over the phone). The secret that goes with it is
 * checked by the service against a hash; a wrong secret and an unknown code answer the same.
 */
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const RECEIPT_PATTERN = /^TD-(\d{4})-([0-9A-HJKMNP-TV-Z]{4})-([0-9A-HJKMNP-TV-Z]{4})$/;

/** Formats eight random values (0–31) as a receipt code of `year`. */
export function formatReceiptCode(year: number, randomValues: readonly number[]): string {
  if (randomValues.length !== 8) throw new RangeError('a receipt code takes 8 random values');
  const chars = randomValues.map((v) => RECEIPT_ALPHABET[v & 31]).join('');
  return `TD-${year}-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/**
 * Reads what a citizen typed: case, spaces and the look-alikes O→0, I/L→1 are forgiven. Returns the
 * canonical code, or null when it cannot be one.
 */
export function normaliseReceiptCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s_]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const m = /^TD-?(\d{4})-?([0-9A-Z]{4})-?([0-9A-Z]{4})$/.exec(compact);
  if (!m) return null;
  const code = `TD-${m[1]}-${m[2]}-${m[3]}`;
  return RECEIPT_PATTERN.test(code) ? code : null;
}
