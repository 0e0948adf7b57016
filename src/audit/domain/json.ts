/** A value that survives a JSON round trip through the `changes` column unchanged. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Lone UTF-16 surrogates: they cannot be encoded as UTF-8, so the database would store U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Converts any value into the JSON value the database will give back, so that the hash computed when an
 * entry is written equals the hash recomputed from the stored row: objects with `toJSON` (dates) become
 * what `toJSON` returns, `undefined` object members are dropped (array slots become null, as in
 * `JSON.stringify`), non-finite numbers become null, bigints become decimal strings and lone surrogates
 * become U+FFFD.
 */
export function toJsonValue(value: unknown): JsonValue {
  switch (typeof value) {
    case 'string':
      return value.replace(LONE_SURROGATE, '\uFFFD');
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return null;
  }
  if (value === null) return null;
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return toJsonValue(withToJson.toJSON());
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item));
  const out: { [key: string]: JsonValue } = {};
  for (const [key, member] of Object.entries(value as object)) {
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    out[key.replace(LONE_SURROGATE, '\uFFFD')] = toJsonValue(member);
  }
  return out;
}

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, the default sort), no whitespace, strings
 * and numbers as `JSON.stringify` writes them. Two values that are equal as JSON always serialise to the
 * same text whatever order their keys were built or stored in (MySQL's JSON type reorders keys; MariaDB
 * keeps the text), which is what makes it usable as hash input.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError('canonicalJson: numbers must be finite');
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const keys = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
}
