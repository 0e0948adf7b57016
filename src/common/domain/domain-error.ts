/**
 * Base class of every rule violation the system reports to a caller.
 *
 * Services and domain functions throw these, never HTTP exceptions, because the same code runs from
 * HTTP handlers, queue processors and command-line tools. The one HTTP mapping lives in
 * `src/common/http/all-exceptions.filter.ts` (with `error-response.ts`), keyed by {@link DomainErrorKind}.
 */
export type DomainErrorKind =
  | 'invalid' // the input is malformed or inconsistent (400)
  | 'unauthenticated' // no or bad credentials (401)
  | 'forbidden' // authenticated but not allowed (403)
  | 'not_found' // absent, or outside the caller's scope (404)
  | 'conflict' // clashes with existing state: duplicate, stale version (409)
  | 'gone' // existed, but was removed for good (410)
  | 'too_large' // the content exceeds a size limit (413)
  | 'unsupported_type' // the content is of a type not accepted (415)
  | 'unprocessable' // well-formed but breaks a business rule (422)
  | 'too_many' // rate or lockout limits (429)
  | 'unavailable'; // a dependency is down (503)

export interface DomainErrorDetail {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    /** UPPER_SNAKE code prefixed by feature, e.g. `DEADLINE_UNKNOWN_RULE`. Stable: clients match on it. */
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'unprocessable',
    readonly details?: DomainErrorDetail[],
    /** Extra machine-readable facts safe to show the caller (never personal data). */
    readonly meta?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
