import type { NationalEvent, NationalRecordType } from './national-events.js';

/**
 * One record event as delivered (schema v1, docs/national-database.md): the outbox row's facts, the
 * unit's agency code, and — only where the schema and the configuration allow — `subjects`.
 */
export interface NationalEnvelope {
  schemaVersion: number;
  idempotencyKey: string;
  agencyCode: string;
  recordType: NationalRecordType;
  recordId: string;
  sequence: number;
  event: NationalEvent;
  occurredOn: string;
  data: Record<string, unknown>;
  /** The persons of the record the schema carries (name, address); a denouncer only with `identityBasis`. */
  subjects?: Array<{ role: string; fullName: string; address: string | null }>;
  /** The legal basis under which a denouncer's identity is included (configuration). */
  identityBasis?: string;
}

/**
 * What a transport reports: the national side acknowledged the record (with its reference), took it
 * without an acknowledgement yet (a file drop), or refused it — for good or for now.
 */
export type TransportResult =
  | { outcome: 'acknowledged'; reference: string | null }
  | { outcome: 'sent' }
  | { outcome: 'rejected'; reason: string; retryable: boolean };

/** The body of one JSON line / one POST: the envelope, its keys in a fixed order. */
export function envelopeJson(e: NationalEnvelope): string {
  return JSON.stringify({
    schemaVersion: e.schemaVersion,
    idempotencyKey: e.idempotencyKey,
    agencyCode: e.agencyCode,
    recordType: e.recordType,
    recordId: e.recordId,
    sequence: e.sequence,
    event: e.event,
    occurredOn: e.occurredOn,
    data: e.data,
    ...(e.subjects ? { subjects: e.subjects } : {}),
    ...(e.identityBasis ? { identityBasis: e.identityBasis } : {}),
  });
}
