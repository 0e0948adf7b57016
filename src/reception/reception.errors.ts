import { DomainError, type DomainErrorDetail } from '../common/domain/domain-error.js';

/** Errors of the reception feature (codes prefixed RECEPTION_). */
export const ReceptionErrors = {
  unitNotFound: () =>
    new DomainError('RECEPTION_UNIT_NOT_FOUND', 'No such unit (or it is outside your units).', 'not_found', [
      { field: 'unitId', message: 'is not a unit you may see' },
    ]),
  placeNotFound: (field = 'id') =>
    new DomainError(
      'RECEPTION_PLACE_NOT_FOUND',
      'No such reception place (or it is outside your units).',
      'not_found',
      field === 'id' ? undefined : [{ field, message: 'is not a reception place of this unit' }],
    ),
  scheduleNotFound: () =>
    new DomainError(
      'RECEPTION_SCHEDULE_NOT_FOUND',
      'No such reception schedule (or it is outside your units).',
      'not_found',
    ),
  sessionNotFound: (field = 'id') =>
    new DomainError(
      'RECEPTION_SESSION_NOT_FOUND',
      'No such reception session (or it is outside your units).',
      'not_found',
      field === 'id' ? undefined : [{ field, message: 'is not a session of this unit' }],
    ),
  visitNotFound: () =>
    new DomainError('RECEPTION_VISIT_NOT_FOUND', 'No such visit (or it is outside your units).', 'not_found'),
  matterNotFound: () =>
    new DomainError(
      'RECEPTION_MATTER_NOT_FOUND',
      'No such matter in this unit (or it is outside your units).',
      'not_found',
      [{ field: 'matterId', message: 'is not a matter of this unit' }],
    ),
  invalid: (details: DomainErrorDetail[]) =>
    new DomainError(
      'RECEPTION_INVALID',
      `The request is invalid: ${[...new Set(details.map((d) => d.field))].join(', ')}.`,
      'invalid',
      details,
    ),
  versionConflict: (what: string, currentVersion: number) =>
    new DomainError(
      'RECEPTION_VERSION_CONFLICT',
      `The ${what} was changed by someone else since you read it; reload it and try again.`,
      'conflict',
      undefined,
      { currentVersion },
    ),
  sessionCancelled: () =>
    new DomainError(
      'RECEPTION_SESSION_CANCELLED',
      'The session is cancelled; a cancelled session cannot be changed (add a new one).',
      'unprocessable',
    ),
  scheduleEnded: () =>
    new DomainError('RECEPTION_SCHEDULE_ENDED', 'The schedule has already been ended.', 'unprocessable'),
  tooManyRows: (limit: number) =>
    new DomainError(
      'RECEPTION_RANGE_TOO_LARGE',
      `The range holds more than ${limit} rows; ask for a shorter one.`,
      'unprocessable',
      [{ field: 'to', message: 'makes the range too large' }],
    ),
};
