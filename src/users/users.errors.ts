import { DomainError } from '../common/domain/domain-error.js';

export const UserErrors = {
  notFound: () =>
    new DomainError('USER_NOT_FOUND', 'No such account (or it is outside your units).', 'not_found'),
  emailTaken: () =>
    new DomainError('USER_EMAIL_TAKEN', 'Another account already uses this e-mail address.', 'conflict', [
      { field: 'email', message: 'is already used by another account' },
    ]),
  unitNotFound: () =>
    new DomainError(
      'USER_UNIT_NOT_FOUND',
      'The unit does not exist (or is outside your units).',
      'not_found',
      [{ field: 'unitId', message: 'is not a unit you manage' }],
    ),
  unitInactive: () =>
    new DomainError('USER_UNIT_INACTIVE', 'The unit is deactivated.', 'unprocessable', [
      { field: 'unitId', message: 'is a deactivated unit' },
    ]),
  versionConflict: (currentVersion: number) =>
    new DomainError(
      'USER_VERSION_CONFLICT',
      'The account was changed by someone else since you read it; reload it and try again.',
      'conflict',
      undefined,
      { currentVersion },
    ),
  lastAdmin: () =>
    new DomainError(
      'USER_LAST_ADMIN',
      'This is the last active administrator: make another account administrator first.',
      'unprocessable',
      [{ field: 'roles', message: 'must keep admin on the last active administrator' }],
    ),
  cannotDeactivateSelf: () =>
    new DomainError(
      'USER_CANNOT_DEACTIVATE_SELF',
      'You cannot deactivate your own account.',
      'unprocessable',
      [{ field: 'active', message: 'cannot be false for yourself' }],
    ),
};
