import { DomainError, type DomainErrorKind } from '../common/domain/domain-error.js';

export type AuditErrorCode =
  | 'AUDIT_READ_FORBIDDEN' // the actor lacks audit:read
  | 'AUDIT_QUERY_INVALID' // page, page size or time range out of bounds
  | 'AUDIT_CHAIN_HEAD_MISSING'; // the head row is gone while chained entries exist: chaining stops until a DBA looks

/** Errors of the audit feature; messages never carry personal data. */
export class AuditError extends DomainError {
  constructor(code: AuditErrorCode, message: string, kind: DomainErrorKind) {
    super(code, message, kind);
  }
}
