import { DomainError, type DomainErrorDetail } from '../common/domain/domain-error.js';

/** Errors of the complaint-case feature (codes prefixed CASE_). */
export const CaseErrors = {
  notFound: () =>
    new DomainError('CASE_NOT_FOUND', 'No such case (or it is outside your units).', 'not_found'),
  invalid: (details: DomainErrorDetail[]) =>
    new DomainError(
      'CASE_INVALID',
      `The request is invalid: ${[...new Set(details.map((d) => d.field))].join(', ')}.`,
      'invalid',
      details,
    ),
  versionConflict: (currentVersion: number) =>
    new DomainError(
      'CASE_VERSION_CONFLICT',
      'The case was changed by someone else since you read it; reload it and try again.',
      'conflict',
      undefined,
      { currentVersion },
    ),
  stepNeedsManage: (event: string) =>
    new DomainError(
      'CASE_STEP_FORBIDDEN',
      `The step "${event}" is a decision of the head of the case's unit (cases:manage over that unit).`,
      'forbidden',
    ),
  notAcceptable: (message: string) => new DomainError('CASE_NOT_ACCEPTABLE', message, 'unprocessable'),
  deadlineNotFound: () =>
    new DomainError('CASE_DEADLINE_NOT_FOUND', 'No such deadline of this case.', 'not_found'),
  handlerInvalid: () =>
    new DomainError(
      'CASE_HANDLER_INVALID',
      'The handler must be an active case handler of the resolving unit or of a unit under it, or the head of the resolving unit.',
      'invalid',
      [
        {
          field: 'handlerUserId',
          message: 'is not an active case handler of the resolving unit or a unit under it, nor its head',
        },
      ],
    ),
};
