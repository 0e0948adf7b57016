/**
 * Shape rules of an audit entry's descriptive fields. Actions and entity types are short machine words
 * (`create`, `case.transition`, `unit`); entity ids are opaque keys. Keeping them to these alphabets also
 * keeps free text — and with it personal data — out of the indexed columns.
 */
export const AUDIT_ACTION_PATTERN = /^[a-z][a-z0-9_.-]*$/;
export const AUDIT_ENTITY_TYPE_PATTERN = /^[a-z][a-z0-9_.-]*$/;
export const AUDIT_ENTITY_ID_PATTERN = /^[A-Za-z0-9._:-]+$/;
export const AUDIT_NAME_MAX_LENGTH = 64;
/** User and unit ids are UUIDs (CHAR(36)). */
export const AUDIT_UUID_PATTERN =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Longest textual IPv6 address with an embedded IPv4 one. */
export const AUDIT_CLIENT_IP_MAX_LENGTH = 45;
export const AUDIT_REQUEST_ID_MAX_LENGTH = 64;

export interface AuditEntryFields {
  action: string;
  entityType: string;
  entityId: string;
  unitId: string | null;
  actorUserId: string | null;
  actorUnitId: string | null;
  requestId: string | null;
  clientIp: string | null;
}

/**
 * What is wrong with an entry's fields, one message per field, naming the field but never echoing its
 * value (values can be personal data, and these messages reach logs). Empty when all is well.
 */
export function auditEntryProblems(entry: AuditEntryFields): string[] {
  const problems: string[] = [];
  const name = (field: string, value: string, pattern: RegExp) => {
    if (value.length === 0 || value.length > AUDIT_NAME_MAX_LENGTH || !pattern.test(value)) {
      problems.push(`${field} must match ${pattern.source} and be at most ${AUDIT_NAME_MAX_LENGTH} long`);
    }
  };
  name('action', entry.action, AUDIT_ACTION_PATTERN);
  name('entityType', entry.entityType, AUDIT_ENTITY_TYPE_PATTERN);
  name('entityId', entry.entityId, AUDIT_ENTITY_ID_PATTERN);
  for (const field of ['unitId', 'actorUserId', 'actorUnitId'] as const) {
    const value = entry[field];
    if (value !== null && !AUDIT_UUID_PATTERN.test(value)) problems.push(`${field} must be a UUID or null`);
  }
  if (entry.requestId !== null && entry.requestId.length > AUDIT_REQUEST_ID_MAX_LENGTH) {
    problems.push(`requestId must be at most ${AUDIT_REQUEST_ID_MAX_LENGTH} long`);
  }
  if (entry.clientIp !== null && entry.clientIp.length > AUDIT_CLIENT_IP_MAX_LENGTH) {
    problems.push(`clientIp must be at most ${AUDIT_CLIENT_IP_MAX_LENGTH} long`);
  }
  return problems;
}
