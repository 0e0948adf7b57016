import { DomainError, type DomainErrorDetail } from '../common/domain/domain-error.js';

/** Errors of the escalation ladders kept as data (codes prefixed ESCALATION_LADDER_). */
export const EscalationLadderErrors = {
  unknownKey: (key: string) =>
    new DomainError(
      'ESCALATION_LADDER_UNKNOWN_KEY',
      `A ladder is for a rule id of the deadline catalogue or a kind of subject; "${key}" is neither.`,
      'invalid',
      [{ field: 'key', message: 'must be a rule id (KN-3) or a kind of subject (complaint_case)' }],
    ),
  invalid: (details: DomainErrorDetail[]) =>
    new DomainError(
      'ESCALATION_LADDER_INVALID',
      `The ladder is invalid: ${[...new Set(details.map((d) => d.field))].join(', ')}.`,
      'invalid',
      details,
    ),
  unitNotFound: () =>
    new DomainError(
      'ESCALATION_LADDER_UNIT_NOT_FOUND',
      'No such unit (or it is outside your units).',
      'not_found',
    ),
  versionConflict: (currentVersion: number) =>
    new DomainError(
      'ESCALATION_LADDER_VERSION_CONFLICT',
      'The ladder was changed by someone else since you read it; reload it and try again.',
      'conflict',
      undefined,
      { currentVersion },
    ),
};
