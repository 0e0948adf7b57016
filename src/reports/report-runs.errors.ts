import { DomainError } from '../common/domain/domain-error.js';

/**
 * Errors of the background report runs (docs/reports.md, "Background runs"). Codes are stable:
 *
 * | code | kind | when |
 * |---|---|---|
 * | `REPORT_RUN_NOT_FOUND` | not_found (404) | no such run, or it is someone else's |
 * | `REPORT_RUN_NOT_READY` | conflict (409) | the file is asked for while the run is queued or running |
 * | `REPORT_RUN_FAILED` | conflict (409) | the file is asked for of a run that failed (`errorCode` says why) |
 * | `REPORT_RUN_EXPIRED` | gone (410) | the run's file passed its expiry, or was removed from storage |
 * | `REPORT_RUN_TOO_MANY` | too_many (429) | the requester already has `MAX_ACTIVE_RUNS_PER_USER` runs queued or running |
 *
 * The query of a new run fails with the codes of `GET /api/v1/reports/{form}` (`REPORT_FORM_INVALID`,
 * `REPORT_PERIOD_INVALID`, …, `REPORT_UNIT_NOT_FOUND`).
 */
export class ReportRunError extends DomainError {}

export const reportRunNotFound = () =>
  new ReportRunError('REPORT_RUN_NOT_FOUND', 'No such report run of yours.', 'not_found');

export const reportRunNotReady = (status: string, progress: number) =>
  new ReportRunError(
    'REPORT_RUN_NOT_READY',
    'The report is not built yet; ask for its status and try again when it is done.',
    'conflict',
    undefined,
    { status, progress },
  );

export const reportRunFailed = (errorCode: string | null) =>
  new ReportRunError(
    'REPORT_RUN_FAILED',
    'The report could not be built; request it again.',
    'conflict',
    undefined,
    {
      status: 'failed',
      errorCode,
    },
  );

export const reportRunExpired = () =>
  new ReportRunError(
    'REPORT_RUN_EXPIRED',
    'The report file has expired and was removed; request it again.',
    'gone',
  );

export const reportRunTooMany = (limit: number) =>
  new ReportRunError(
    'REPORT_RUN_TOO_MANY',
    `You already have ${limit} reports being built; wait for one to finish.`,
    'too_many',
  );
