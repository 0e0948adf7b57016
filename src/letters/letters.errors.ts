import { DomainError, type DomainErrorDetail } from '../common/domain/domain-error.js';

/** Errors of the letters feature (codes prefixed LETTER_). */
export const LetterErrors = {
  notFound: () =>
    new DomainError('LETTER_NOT_FOUND', 'No such letter (or it is outside your units).', 'not_found'),
  unitNotFound: (field = 'unitId') =>
    new DomainError('LETTER_UNIT_NOT_FOUND', 'No such unit (or it is outside your units).', 'not_found', [
      { field, message: 'is not a unit you may see' },
    ]),
  invalid: (details: DomainErrorDetail[]) =>
    new DomainError(
      'LETTER_INVALID',
      `The letter is invalid: ${[...new Set(details.map((d) => d.field))].join(', ')}.`,
      'invalid',
      details,
    ),
  decisionNotAllowed: (details: DomainErrorDetail[]) =>
    new DomainError(
      'LETTER_DECISION_NOT_ALLOWED',
      `This decision cannot be taken on this letter: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}.`,
      'unprocessable',
      details,
    ),
  alreadyDecided: () =>
    new DomainError(
      'LETTER_ALREADY_DECIDED',
      'A processing decision has already been taken on this letter.',
      'conflict',
    ),
  visitAlreadyLogged: () =>
    new DomainError(
      'LETTER_VISIT_ALREADY_LOGGED',
      'The letter handed in at this visit has already been logged.',
      'conflict',
      [{ field: 'visitId', message: 'already has its letter' }],
    ),
  transfer: (code: string, message: string) => new DomainError(code, message, 'unprocessable'),
  versionConflict: (currentVersion: number) =>
    new DomainError(
      'LETTER_VERSION_CONFLICT',
      'The letter was changed by someone else since you read it; reload it and try again.',
      'conflict',
      undefined,
      { currentVersion },
    ),
  attachmentNotFound: () =>
    new DomainError('LETTER_ATTACHMENT_NOT_FOUND', 'No such attachment of this letter.', 'not_found'),
  tooManyAttachments: (max: number) =>
    new DomainError(
      'LETTER_TOO_MANY_ATTACHMENTS',
      `A letter holds at most ${max} attachments.`,
      'unprocessable',
    ),
  receiptUnknown: () =>
    new DomainError(
      'RECEIPT_NOT_FOUND',
      'No letter matches this receipt code and secret. Check both and try again.',
      'not_found',
    ),
  authorisationNotFound: () =>
    new DomainError(
      'LETTER_AUTHORISATION_NOT_FOUND',
      'This letter has no authorised representative.',
      'not_found',
    ),
  authorisationNotAllowed: (details: DomainErrorDetail[]) =>
    new DomainError(
      'LETTER_AUTHORISATION_NOT_ALLOWED',
      `The authorisation cannot be recorded: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}.`,
      'unprocessable',
      details,
    ),
};
