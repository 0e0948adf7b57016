import { DomainError } from '../common/domain/domain-error.js';

export const UnitErrors = {
  notFound: () =>
    new DomainError('UNIT_NOT_FOUND', 'No such unit (or it is outside your units).', 'not_found'),
  parentNotFound: () =>
    new DomainError(
      'UNIT_PARENT_NOT_FOUND',
      'The parent unit does not exist (or is outside your units).',
      'not_found',
    ),
  codeTaken: (code: string) =>
    new DomainError('UNIT_CODE_TAKEN', `Another unit already has the code ${code}.`, 'conflict', [
      { field: 'code', message: 'is already used by another unit' },
    ]),
  agencyCodeTaken: () =>
    new DomainError('UNIT_AGENCY_CODE_TAKEN', 'Another unit already has this agency code.', 'conflict', [
      { field: 'agencyCode', message: 'is already used by another unit' },
    ]),
  versionConflict: (currentVersion: number) =>
    new DomainError(
      'UNIT_VERSION_CONFLICT',
      'The unit was changed by someone else since you read it; reload it and try again.',
      'conflict',
      undefined,
      { currentVersion },
    ),
  moveCycle: () =>
    new DomainError(
      'UNIT_MOVE_CYCLE',
      'A unit cannot be moved under itself or under one of its own descendants.',
      'unprocessable',
      [{ field: 'parentId', message: 'is the unit itself or one of its descendants' }],
    ),
  rootNotAllowed: () =>
    new DomainError(
      'UNIT_ROOT_NOT_ALLOWED',
      'Only an administrator of every unit may create a top-level unit.',
      'forbidden',
      [{ field: 'parentId', message: 'is required' }],
    ),
  parentInactive: () =>
    new DomainError('UNIT_PARENT_INACTIVE', 'The parent unit is deactivated.', 'unprocessable', [
      { field: 'parentId', message: 'is a deactivated unit' },
    ]),
  remoteReasonMissing: () =>
    new DomainError('UNIT_REMOTE_REASON_REQUIRED', 'Say why the unit counts as remote.', 'invalid', [
      { field: 'remoteReason', message: 'is required when remote is true' },
    ]),
  hasActiveChildren: () =>
    new DomainError(
      'UNIT_HAS_ACTIVE_CHILDREN',
      'The unit still has active sub-units; deactivate or move them first.',
      'unprocessable',
    ),
  hasActiveUsers: () =>
    new DomainError(
      'UNIT_HAS_ACTIVE_USERS',
      'The unit still has active accounts; deactivate or move them first.',
      'unprocessable',
    ),
};
