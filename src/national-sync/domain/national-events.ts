/**
 * What reaches the national database on citizen reception, letter processing and complaint/denunciation
 * resolution (NĐ 55/2022/NĐ-CP art. 6, 8; legal-reference §9a): the record types, the events the decree
 * names, how a case step maps to one, the record schema version, retries. Pure. The exchange format itself
 * is not published: these events are the plug-in boundary (docs/national-database.md, ADR 0014).
 */

/** The version of the record schema (docs/national-database.md): bump on any incompatible change. */
export const NATIONAL_SCHEMA_VERSION = 1;

export const NATIONAL_RECORD_TYPES = [
  'reception_visit',
  'letter',
  'complaint_case',
  'denunciation_case',
  'enforcement_record',
] as const;
export type NationalRecordType = (typeof NATIONAL_RECORD_TYPES)[number];

/** The events NĐ 55/2022 art. 6 and 8 name (art. 8: "immediately" after acceptance, and throughout). */
export const NATIONAL_EVENTS = [
  'reception.visit', // a reception visit and its result
  'letter.classified', // kind of letter, eligibility, competence
  'letter.processed', // the processing outcome (accept, guide, transfer with the body's category, return, archive)
  'case.received', // a case opened from an accepted letter
  'case.accepted', // complaint acceptance notice / denunciation acceptance decision (art. 8: immediately)
  'case.refused',
  'case.progress', // a step of processing (verification, dialogue, extension, notices…)
  'case.transferred', // the case moved to another resolving body (taken over, re-resolution)
  'case.suspended',
  'case.continued',
  'case.terminated', // terminated or withdrawn
  'case.decided', // complaint decision
  'case.concluded', // denunciation conclusion
  'case.legally_effective',
  'case.enforcement', // handed to enforcement
  'case.closed',
  'enforcement.opened', // the enforcement record of a legally effective decision / a conclusion is opened
  'enforcement.update', // enforcement of a decision / conclusion: an obligation's progress
] as const;
export type NationalEvent = (typeof NATIONAL_EVENTS)[number];

/** The national event of a step of either case track (every step is one: art. 8 "throughout processing"). */
const CASE_STEP_EVENTS: Record<string, NationalEvent> = {
  received: 'case.received',
  accept: 'case.accepted',
  refuse: 'case.refused',
  suspend: 'case.suspended',
  continue: 'case.continued',
  terminate: 'case.terminated',
  withdraw: 'case.terminated',
  decide: 'case.decided',
  conclude: 'case.concluded',
  become_legally_effective: 'case.legally_effective',
  hand_to_enforcement: 'case.enforcement',
  handle_conclusion: 'case.enforcement',
  take_over: 'case.transferred',
  review_re_resolve: 'case.transferred',
  forward: 'case.transferred',
  close: 'case.closed',
};

export function nationalEventOfCaseStep(step: string): NationalEvent {
  return CASE_STEP_EVENTS[step] ?? 'case.progress';
}

/**
 * The idempotency key of one event of one record: stable across retries and re-sends, so the national
 * side can drop a repeat (exactly once on its side although delivery is at least once).
 */
export function idempotencyKey(recordType: NationalRecordType, recordId: string, sequence: number): string {
  return `${recordType}-${recordId}-${sequence}`;
}

/** Waits after the 1st…8th failed attempt (ms); after the 8th the row is `failed` for good. */
const RETRY_DELAYS_MS = [
  60_000,
  300_000,
  900_000,
  3_600_000,
  3 * 3_600_000,
  6 * 3_600_000,
  12 * 3_600_000,
  24 * 3_600_000,
];

/** The wait before the next attempt after `attempts` failures, or null when it was the last. */
export function nationalRetryDelayMs(attempts: number): number | null {
  return attempts >= 1 && attempts <= RETRY_DELAYS_MS.length ? RETRY_DELAYS_MS[attempts - 1] : null;
}

/** The category of the body a letter is transferred to (TT 05/2021 art. 6 classification by competence). */
export const COMPETENT_BODY_CATEGORIES = [
  'administrative',
  'elected',
  'procedural',
  'political_social',
  'public_service',
  'state_enterprise',
  'unspecified',
] as const;
export type CompetentBodyCategory = (typeof COMPETENT_BODY_CATEGORIES)[number];

export type SyncStatus = 'pending' | 'sent' | 'acknowledged' | 'failed';

/** One record's sync status from its rows' statuses: the worst one wins. */
export function recordSyncStatus(statuses: readonly SyncStatus[]): SyncStatus | null {
  if (statuses.length === 0) return null;
  for (const s of ['failed', 'pending', 'sent'] as const) if (statuses.includes(s)) return s;
  return 'acknowledged';
}
