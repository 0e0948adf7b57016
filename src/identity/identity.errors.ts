import { DomainError } from '../common/domain/domain-error.js';

/** Errors of identity protection (codes prefixed IDENTITY_). */
export const IdentityErrors = {
  protected: () =>
    new DomainError(
      'IDENTITY_PROTECTED',
      'The denouncer’s identity is protected (LTC art. 47): ask an identity custodian through a reveal request.',
      'forbidden',
    ),
  notProtected: () =>
    new DomainError(
      'IDENTITY_NOT_PROTECTED',
      'This letter has no protected identity (only denunciations do).',
      'unprocessable',
    ),
  requestNotFound: () =>
    new DomainError(
      'IDENTITY_REQUEST_NOT_FOUND',
      'No such reveal request (or it is outside your units).',
      'not_found',
    ),
  alreadyDecided: () =>
    new DomainError('IDENTITY_REQUEST_DECIDED', 'The reveal request has already been decided.', 'conflict'),
  ownRequest: () =>
    new DomainError('IDENTITY_OWN_REQUEST', 'A custodian cannot decide a request of their own.', 'forbidden'),
  versionConflict: (currentVersion: number) =>
    new DomainError(
      'IDENTITY_VERSION_CONFLICT',
      'The record was changed by someone else since you read it; reload it and try again.',
      'conflict',
      undefined,
      { currentVersion },
    ),
};

/** A free text of a protected letter or case that names (or may name) the denouncer: refused, not stored. */
export function identityInText(details: Array<{ field: string; message: string }>): DomainError {
  return new DomainError(
    'IDENTITY_IN_TEXT',
    'The text names or may identify the denouncer (LTC art. 47): write it without the name, numbers, e-mail or address.',
    'invalid',
    details,
  );
}
