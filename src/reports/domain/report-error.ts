import { DomainError } from '../../common/domain/domain-error.js';

/**
 * Errors of the periodic reports' pure core. Every code is stable (clients match on it):
 *
 * | code | kind | when |
 * |---|---|---|
 * | `REPORT_PERIOD_INVALID` | invalid | unknown period kind, year out of range, index missing / out of range / not expected |
 * | `REPORT_CUTOFF_INVALID` | invalid | a cut-off rule's `startDay` is not 1–28 or its `monthOffset` not −11…0 |
 * | `REPORT_WINDOW_INVALID` | invalid | a custom window ends before it starts, or is longer than allowed |
 * | `REPORT_DEADLINE_CONFIG_INVALID` | invalid | a deadline rule is malformed (impossible day, wrong number of per-period rules) |
 * | `REPORT_UNIT_TREE_INVALID` | invalid | duplicate unit ids, a cycle, or counters for a unit not in the tree |
 * | `REPORT_COUNTER_INVALID` | invalid | a counter is not a finite number, or a form has no column for it |
 * | `REPORT_FORM_INVALID` | invalid | a form's leaf keys repeat, or a column group is empty |
 *
 * Dates: `DATE_INVALID` (invalid) from `common/domain/local-date.ts`.
 */
export class ReportError extends DomainError {}

export function reportInvalid(code: string, field: string, message: string): ReportError {
  return new ReportError(code, `${field}: ${message}`, 'invalid', [{ field, message }]);
}
