/** Objects and arrays nested deeper than this in a request body are refused (issue 14, finding 6). */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether a JSON text nests objects or arrays deeper than `limit`, found by one pass over the raw text
 * that counts brackets outside strings — no recursion, so a body of 100,000 `[` cannot exhaust the
 * stack before it is refused (the parser, class-transformer and class-validator all recurse). Malformed
 * text is left to the parser: this only answers "too deep or not".
 */
export function jsonTooDeep(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
      continue;
    }
    if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > limit) return true;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return false;
}
