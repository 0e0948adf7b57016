import { DomainError } from '../../common/domain/domain-error.js';

/**
 * Errors of the deadline engine. Every code is stable (clients match on it):
 *
 * | code | kind | when |
 * |---|---|---|
 * | `DEADLINE_UNKNOWN_RULE` | invalid | no rule with that id |
 * | `DEADLINE_RULE_NOT_IN_FORCE` | unprocessable | the trigger is before the rule's first version |
 * | `DEADLINE_RULE_NOT_COMPUTABLE` | unprocessable | the rule (version) has no computable period |
 * | `DEADLINE_OPTION_INVALID` | invalid | an option has the wrong type, is negative, or is unknown |
 * | `DEADLINE_OPTION_NOT_APPLICABLE` | unprocessable | the rule has no such variant (e.g. `remote` on KL-4) |
 * | `DEADLINE_TOO_MANY_EXTENSIONS` | unprocessable | more extensions than the rule allows (TC-3: 2) |
 * | `DEADLINE_SUSPENSION_RESUMES_BEFORE_START` | invalid | `resumed` is earlier than `suspended` |
 * | `DEADLINE_SUSPENSIONS_OVERLAP` | invalid | two suspensions share days |
 * | `DEADLINE_SUSPENSION_BEFORE_TRIGGER` | invalid | a suspension starts before the period does |
 * | `DEADLINE_SUSPENSION_NOT_IN_FORCE` | unprocessable | a complaint suspension dated before 2026-07-01 |
 *
 * Dates: `DATE_INVALID` (invalid); calendar range: `CALENDAR_OUT_OF_RANGE` (unprocessable).
 */
export class DeadlineError extends DomainError {}
