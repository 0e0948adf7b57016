import type { DomainErrorDetail, DomainErrorKind } from '../domain/domain-error.js';

/** The one error body every route returns (`details` empty when nothing is wrong field by field). */
export interface ErrorResponse {
  statusCode: number;
  code: string;
  message: string;
  details: DomainErrorDetail[];
  requestId?: string;
  [extra: string]: unknown;
}

/** The single mapping from domain error kinds to HTTP status codes. */
export const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unsupported_type: 415,
  unprocessable: 422,
  too_many: 429,
  unavailable: 503,
};

/** Codes for errors raised by the HTTP stack itself (routing, parsing, throttling), by status. */
export const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  410: 'GONE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};
