import { canonicalJson, toJsonValue, type JsonValue } from './json.js';

/** What an audit entry says changed: only the fields that differ, each with its value before and after. */
export type AuditChanges = Record<string, { before: JsonValue; after: JsonValue }>;

/** Written instead of a secret or sensitive value. */
export const REDACTED = '[redacted]';

/**
 * Field names that always hold secrets, whatever the caller says: compared without case, `_` and `-`,
 * so `password`, `passwordHash`, `refresh_token`, `clientSecret`, `apiKey` all match. Deliberately broad:
 * masking a harmless field costs a little detail, leaking a credential into an append-only table that
 * cannot be cleaned costs far more.
 */
const SECRET_NAME = /password|passwd|passphrase|secret|token|apikey|privatekey|credential/;
/** Timestamps about a secret (`passwordChangedAt`, `token_expires_at`) say when, not what. */
const TIMESTAMP_NAME = /(?:[a-z0-9]At|_at|_AT)$/;

export function isSecretFieldName(name: string): boolean {
  return !TIMESTAMP_NAME.test(name) && SECRET_NAME.test(name.toLowerCase().replace(/[_-]/g, ''));
}

function isMasked(name: string, sensitive: ReadonlySet<string>): boolean {
  return sensitive.has(name) || isSecretFieldName(name);
}

/** Null stays null (it tells that nothing was set, not what); any other value becomes REDACTED. */
function redactValue(value: JsonValue): JsonValue {
  return value === null ? null : REDACTED;
}

/** Replaces, at any depth, the values of members whose names are secret or listed as sensitive. */
function redactNested(value: JsonValue, sensitive: ReadonlySet<string>): JsonValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactNested(item, sensitive));
  const out: { [key: string]: JsonValue } = {};
  for (const [key, member] of Object.entries(value)) {
    out[key] = isMasked(key, sensitive) ? redactValue(member) : redactNested(member, sensitive);
  }
  return out;
}

/**
 * Masks secrets in a set of changes, whoever computed it: a secret or sensitive field keeps its entry
 * (the trail shows that it changed) but not its values; nested members with such names are masked too.
 * `sensitiveFields` are member names, matched at any depth.
 */
export function redactChanges(changes: AuditChanges, sensitiveFields: readonly string[] = []): AuditChanges {
  const sensitive = new Set(sensitiveFields);
  const out: AuditChanges = {};
  for (const field of Object.keys(changes).sort()) {
    const { before, after } = changes[field];
    const b = toJsonValue(before);
    const a = toJsonValue(after);
    out[field] = isMasked(field, sensitive)
      ? { before: redactValue(b), after: redactValue(a) }
      : { before: redactNested(b, sensitive), after: redactNested(a, sensitive) };
  }
  return out;
}

/**
 * The fields of a record that differ between two states, `{ field: { before, after } }`, secrets masked.
 * `before` null/undefined means the record is being created, `after` null/undefined that it is being
 * deleted; a field missing on one side counts as null there. Values are compared as JSON (dates by their
 * ISO text, nested objects and arrays by content regardless of key order) and recorded whole: a changed
 * nested object or array appears with its full before and after values.
 */
export function diffChanges(
  before: Readonly<Record<string, unknown>> | null | undefined,
  after: Readonly<Record<string, unknown>> | null | undefined,
  sensitiveFields: readonly string[] = [],
): AuditChanges {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChanges = {};
  for (const field of [...fields].sort()) {
    const b = toJsonValue(before?.[field]);
    const a = toJsonValue(after?.[field]);
    // A created or deleted record: one side is all null, and a JSON value serialises as `null` only
    // when it is null — no need to serialise the other side to compare (every intake writes one).
    const same = !before || !after ? b === a : canonicalJson(b) === canonicalJson(a);
    if (!same) changes[field] = { before: b, after: a };
  }
  return redactChanges(changes, sensitiveFields);
}
