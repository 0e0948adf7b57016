import { DomainError, type DomainErrorDetail } from '../common/domain/domain-error.js';

/** Errors of the enforcement feature (codes prefixed ENFORCEMENT_). */
export const EnforcementErrors = {
  notFound: () =>
    new DomainError(
      'ENFORCEMENT_NOT_FOUND',
      'No such enforcement record (or it is outside your units).',
      'not_found',
    ),
  obligationNotFound: () =>
    new DomainError(
      'ENFORCEMENT_OBLIGATION_NOT_FOUND',
      'No such obligation (or it is outside your units).',
      'not_found',
    ),
  updateNotFound: () =>
    new DomainError(
      'ENFORCEMENT_UPDATE_NOT_FOUND',
      'No such progress report (or it is outside your units).',
      'not_found',
    ),
  evidenceNotFound: () =>
    new DomainError(
      'ENFORCEMENT_EVIDENCE_NOT_FOUND',
      'No such evidence file (or it is outside your units).',
      'not_found',
    ),
  invalid: (details: DomainErrorDetail[]) =>
    new DomainError(
      'ENFORCEMENT_INVALID',
      `The request is invalid: ${[...new Set(details.map((d) => d.field))].join(', ')}.`,
      'invalid',
      details,
    ),
  versionConflict: (what: 'record' | 'obligation', currentVersion: number) =>
    new DomainError(
      'ENFORCEMENT_VERSION_CONFLICT',
      `The ${what} was changed by someone else since you read it; reload it and try again.`,
      'conflict',
      undefined,
      { currentVersion },
    ),
  notResolver: () =>
    new DomainError(
      'ENFORCEMENT_NOT_RESOLVER',
      'Obligations are set by the resolving unit (or a unit above it), not by the units that carry them out.',
      'forbidden',
    ),
  closed: () =>
    new DomainError(
      'ENFORCEMENT_CLOSED',
      'The enforcement is done: every obligation is carried out.',
      'unprocessable',
    ),
  obligationDone: () =>
    new DomainError(
      'ENFORCEMENT_OBLIGATION_DONE',
      'The obligation is already carried out; its deadline is settled.',
      'unprocessable',
    ),
  tooManyObligations: (max: number) =>
    new DomainError(
      'ENFORCEMENT_OBLIGATION_LIMIT',
      `A record may have at most ${max} obligations.`,
      'unprocessable',
      undefined,
      { maxObligations: max },
    ),
  tooManyEvidence: (max: number) =>
    new DomainError(
      'ENFORCEMENT_EVIDENCE_LIMIT',
      `A progress report may have at most ${max} evidence files.`,
      'unprocessable',
      undefined,
      { maxEvidence: max },
    ),
};
