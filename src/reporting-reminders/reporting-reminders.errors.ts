import { DomainError, type DomainErrorDetail } from '../common/domain/domain-error.js';

/** Errors of the reporting schedules (codes prefixed REPORTING_SCHEDULE_). */
export const ReportingScheduleErrors = {
  unitNotFound: () =>
    new DomainError(
      'REPORTING_SCHEDULE_UNIT_NOT_FOUND',
      'No such unit (or it is outside your units).',
      'not_found',
    ),
  notAgency: () =>
    new DomainError(
      'REPORTING_SCHEDULE_NOT_AGENCY',
      'Reporting schedules belong to agencies: a unit of kind province, commune or agency.',
      'unprocessable',
    ),
  invalid: (details: DomainErrorDetail[]) =>
    new DomainError(
      'REPORTING_SCHEDULE_INVALID',
      `The schedule is invalid: ${[...new Set(details.map((d) => d.field))].join(', ')}.`,
      'invalid',
      details,
    ),
  versionConflict: (currentVersion: number) =>
    new DomainError(
      'REPORTING_SCHEDULE_VERSION_CONFLICT',
      'The schedule was changed by someone else since you read it; reload it and try again.',
      'conflict',
      undefined,
      { currentVersion },
    ),
};
