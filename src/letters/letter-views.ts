import { createHash, randomInt } from 'node:crypto';
import { type LocalDate } from '../common/domain/local-date.js';
import { type LetterClassification } from './domain/letter-rules.js';
import { formatReceiptCode } from './domain/receipt-code.js';
import { searchFold } from '../common/domain/vietnamese-text.js';
import type { EligibilityAnswerDto, LetterView, PetitionerDto, PetitionerView } from './dto/letter.dto.js';
import { LetterEntity, type LetterFlag } from './entities/letter.entity.js';
import { LetterErrors } from './letters.errors.js';

/** What a petitioner's envelope holds. */
export interface PetitionerIdentityRecord {
  fullName: string;
  address: string | null;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
}

/** The letter's text is free text a citizen wrote: the audit trail records that it changed, not what it says. */
export const SENSITIVE_TEXT = ['content', 'subject', 'searchText', 'eligibility'];

/** Deadlines of a letter are `case_deadlines` rows of this subject type. */
export const LETTER_SUBJECT = 'letter';

export const PERSONAL_FIELDS = [
  'petitioners.fullName',
  'petitioners.address',
  'petitioners.idNumber',
  'petitioners.phone',
  'petitioners.email',
];

/** Candidate letters examined per duplicate search (newest first). */
export const DUPLICATE_CANDIDATES = 200;

export function hashReceiptSecret(code: string, secret: string): string {
  return createHash('sha256').update(`${code}\u0000${secret}`).digest('hex');
}

export function newReceipt(year: number): { code: string; secret: string } {
  const values = Array.from({ length: 8 }, () => randomInt(32));
  const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
  const secret = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return { code: formatReceiptCode(year, values), secret };
}

export function toLetterView(l: LetterEntity): LetterView {
  return {
    id: l.id,
    unitId: l.unitId,
    receivedOn: l.receivedOn,
    channel: l.channel,
    forwardedBy: l.forwardedBy,
    forwardedRef: l.forwardedRef,
    visitId: l.visitId,
    parentLetterId: l.parentLetterId,
    transferredFromLetterId: l.transferredFromLetterId,
    classification: l.classification,
    complaintTrack: l.complaintTrack,
    previousCaseId: l.previousCaseId,
    subject: l.subject,
    content: l.content,
    petitionerCount: l.petitionerCount,
    eligible: l.eligible,
    eligibility: l.eligibility,
    eligibilityChecked: l.eligibilityChecked,
    flags: l.flags,
    status: l.status,
    processingDue: l.processingDue,
    decision: l.decision,
    decidedOn: l.decidedOn,
    decidedByUserId: l.decidedByUserId,
    decisionLegalBasis: l.decisionLegalBasis,
    guidanceBody: l.guidanceBody,
    guidanceRef: l.guidanceRef,
    transferToUnitId: l.transferToUnitId,
    transferToBody: l.transferToBody,
    transferRef: l.transferRef,
    returnRef: l.returnRef,
    archiveReason: l.archiveReason,
    duplicateOfLetterId: l.duplicateOfLetterId,
    caseId: l.caseId,
    receiptCode: l.receiptCode,
    version: l.version,
    denunciationTrack: l.denunciationTrack,
    identityProtected: l.identityProtected,
    identityDisclosure: l.identityDisclosure,
  };
}

export function audited(l: LetterEntity) {
  const {
    createdAt: _c,
    updatedAt: _u,
    unit: _1,
    visit: _2,
    transferredFrom: _3,
    parent: _4,
    decidedBy: _5,
    transferToUnit: _6,
    duplicateOf: _7,
    registeredBy: _8,
    receiptSecretHash: _9,
    ...fields
  } = l;
  return fields;
}

export interface NewLetterInput {
  unitId: string;
  receivedOn: LocalDate;
  channel: LetterEntity['channel'];
  forwardedBy: string | null;
  forwardedRef: string | null;
  visitId: string | null;
  partNumber: number;
  transferredFromLetterId: string | null;
  parentLetterId: string | null;
  classification: LetterClassification;
  complaintTrack: string | null;
  denunciationTrack: string | null;
  previousCaseId: string | null;
  /** What handlers see: for a protected letter, the redacted copy. */
  subject: string;
  content: string;
  /** A protected letter's original text, sealed in protected_letter_texts. */
  original: { subject: string; content: string } | null;
  /** Who received it, when not the actor (the parts of a split letter). */
  registeredByUserId?: string | null;
  petitionerCount: number;
  eligibility: EligibilityAnswerDto[];
  eligible: boolean;
  /** False: filed on the public form, its checks not answered yet (default true). */
  eligibilityChecked?: boolean;
  flags: LetterFlag[];
}

/**
 * The one answer for a `previousCaseId` that is not a case of the right kind in the caller's units —
 * whether it exists elsewhere or not at all.
 */
export const previousCaseUnknown = () =>
  LetterErrors.invalid([{ field: 'previousCaseId', message: 'is not a case of this kind in your units' }]);

export function letterSubject(id: string) {
  return { subjectType: LETTER_SUBJECT, subjectId: id };
}

export function toIdentityRecord(p: PetitionerDto): PetitionerIdentityRecord & { representative: boolean } {
  return {
    fullName: p.fullName,
    address: p.address ?? null,
    idNumber: p.idNumber ?? null,
    phone: p.phone ?? null,
    email: p.email ?? null,
    representative: p.representative ?? false,
  };
}

export function fromView(p: PetitionerView): PetitionerIdentityRecord & { representative: boolean } {
  return { ...p };
}

/** mysql2 returns DATE columns of raw queries as strings (dateStrings) or Dates: always a local date. */
export function localDateOfRaw(value: unknown): LocalDate {
  if (typeof value === 'string') return value.slice(0, 10);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/**
 * Diacritic-insensitive search: the folded words of the query must all occur in the folded text (LIKE on
 * an ASCII column; `%` and `_` in the query are escaped).
 */
export function applySearch(
  qb: { andWhere(sql: string, params: Record<string, unknown>): unknown },
  column: string,
  q: string,
): void {
  const words = searchFold(q)
    .split(' ')
    .filter((w) => w.length > 0)
    .slice(0, 8);
  words.forEach((w, i) => {
    qb.andWhere(`${column} LIKE :q${i}`, { [`q${i}`]: `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
  });
}
