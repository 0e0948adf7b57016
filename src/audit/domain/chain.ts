import { canonicalJson, type JsonValue } from './json.js';

/** The `prev_hash` of the first entry of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * First line of every hash input: keeps these digests apart from any other SHA-256 use and names the
 * layout. Changing the layout means a new tag and a recorded cut-over id, so older entries still verify.
 */
export const CHAIN_FORMAT = 'tiepdan-audit-v1';

/** Everything an entry says, as hashed: ids as decimal strings, the time as ISO UTC with milliseconds. */
export interface AuditEntryContent {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorUnitId: string | null;
  unitId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: JsonValue | null;
  requestId: string | null;
  clientIp: string | null;
}

const ISO_UTC_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DECIMAL_ID = /^[1-9]\d*$/;
const HEX_64 = /^[0-9a-f]{64}$/;

/**
 * The exact text hashed for an entry: the format tag, the previous entry's hash and the canonical JSON
 * of the entry's content, one per line. Chaining the previous hash in means that changing, removing or
 * reordering any entry changes every hash after it.
 */
export function chainHashInput(prevHash: string, content: AuditEntryContent): string {
  if (!HEX_64.test(prevHash)) throw new TypeError('prevHash must be 64 lower-case hex digits');
  if (!DECIMAL_ID.test(content.id)) throw new TypeError('id must be a positive decimal integer');
  if (!ISO_UTC_MILLIS.test(content.occurredAt)) {
    throw new TypeError('occurredAt must be an ISO UTC timestamp with milliseconds');
  }
  const body: { [key: string]: JsonValue } = {
    id: content.id,
    occurredAt: content.occurredAt,
    actorUserId: content.actorUserId,
    actorUnitId: content.actorUnitId,
    unitId: content.unitId,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    changes: content.changes,
    requestId: content.requestId,
    clientIp: content.clientIp,
  };
  return `${CHAIN_FORMAT}\n${prevHash}\n${canonicalJson(body)}`;
}

/**
 * The hash of an entry. The digest is passed in (SHA-256 as lower-case hex in production) so this file
 * stays free of I/O and platform modules.
 */
export function chainHash(
  prevHash: string,
  content: AuditEntryContent,
  sha256Hex: (input: string) => string,
): string {
  return sha256Hex(chainHashInput(prevHash, content));
}
