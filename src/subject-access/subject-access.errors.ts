import { DomainError, type DomainErrorDetail } from '../common/domain/domain-error.js';

/** Errors of the data subject's requests (codes prefixed SUBJECT_ACCESS_). */
export const SubjectAccessErrors = {
  invalid: (details: DomainErrorDetail[]) =>
    new DomainError(
      'SUBJECT_ACCESS_INVALID',
      `The request is invalid: ${[...new Set(details.map((d) => d.field))].join(', ')}.`,
      'invalid',
      details,
    ),
  recordNotFound: () =>
    new DomainError(
      'SUBJECT_ACCESS_RECORD_NOT_FOUND',
      'No such record of this person (or it is outside your units).',
      'not_found',
    ),
  protectedRecord: () =>
    new DomainError(
      'SUBJECT_ACCESS_PROTECTED',
      'This record protects a denouncer (LTC art. 47): it is answered only by an officer who may see that identity, for a person found by their căn cước number.',
      'forbidden',
    ),
  versionConflict: (currentVersion: number) =>
    new DomainError(
      'SUBJECT_ACCESS_VERSION_CONFLICT',
      'The record was changed by someone else since you searched; search again and retry.',
      'conflict',
      undefined,
      { currentVersion },
    ),
};
