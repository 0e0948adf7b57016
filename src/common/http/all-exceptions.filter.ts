import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnreachable } from '../database/db-errors.js';
import { DomainError } from '../domain/domain-error.js';
import { CODE_BY_STATUS, STATUS_BY_KIND, type ErrorResponse } from './error-response.js';

/** Errors thrown by Fastify itself (body parsing, size limits) carry a status and an FST_ code. */
interface FastifyLikeError {
  statusCode: number;
  code?: string;
  message: string;
}

function isFastifyError(e: unknown): e is FastifyLikeError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as FastifyLikeError).statusCode === 'number' &&
    typeof (e as FastifyLikeError).code === 'string' &&
    (e as FastifyLikeError).code!.startsWith('FST_')
  );
}

/** Quoted values in driver messages may be personal data: `Duplicate entry 'x' …` → `Duplicate entry ? …`. */
export function redactMessage(message: string): string {
  return message.replace(/'(?:[^'\\]|\\.)*'/g, '?').replace(/"(?:[^"\\]|\\.)*"/g, '?');
}

/**
 * The one place errors become HTTP responses: domain errors by kind, framework errors by status,
 * anything else 500 with the request id and no internals. Every answer has the same shape:
 * `{statusCode, code, message, details}`, `details` empty when nothing is wrong field by field.
 */
export function toErrorResponse(
  exception: unknown,
  requestId: string | undefined,
  logger?: Logger,
): ErrorResponse {
  if (exception instanceof DomainError) {
    const body: ErrorResponse = {
      statusCode: STATUS_BY_KIND[exception.kind],
      code: exception.code,
      message: exception.message,
      ...(exception.meta ?? {}),
      details: exception.details ?? [],
    };
    return body;
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      status === 404
        ? 'No such route or resource.'
        : status === 429
          ? 'Too many requests: slow down and try again later.'
          : typeof response === 'string'
            ? response
            : typeof (response as { message?: unknown }).message === 'string'
              ? (response as { message: string }).message
              : exception.message;
    return { statusCode: status, code: CODE_BY_STATUS[status] ?? `HTTP_${status}`, message, details: [] };
  }
  if (isFastifyError(exception) && exception.statusCode < 500) {
    const status = exception.statusCode;
    const message =
      status === 413
        ? 'The request body is larger than allowed.'
        : status === 415
          ? 'Unsupported content type: send application/json.'
          : exception.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
            ? 'The JSON body is empty.'
            : exception.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/i.test(exception.message)
              ? 'The request body is not valid JSON.'
              : redactMessage(exception.message);
    return { statusCode: status, code: CODE_BY_STATUS[status] ?? `HTTP_${status}`, message, details: [] };
  }
  if (isDatabaseUnreachable(exception)) {
    logger?.warn(
      {
        err: {
          code: (exception as { code?: unknown }).code,
          message: redactMessage(String((exception as Error).message)),
        },
      },
      'database unreachable',
    );
    return {
      statusCode: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: 'The database cannot be reached at the moment; try again shortly.',
      details: [],
    };
  }
  const error = exception instanceof Error ? exception : new Error(String(exception));
  logger?.error(
    {
      err: {
        type: error.name,
        code: (error as { code?: unknown }).code,
        message: redactMessage(error.message),
        // Frames only: the message (which may span lines) is logged redacted above.
        stack:
          error.stack && error.stack.indexOf('\n    at ') >= 0
            ? error.stack.slice(error.stack.indexOf('\n    at ') + 1)
            : undefined,
      },
    },
    'unhandled error',
  );
  return {
    statusCode: 500,
    code: 'INTERNAL_ERROR',
    message: 'An unexpected error occurred. Quote the request id when you report it.',
    details: [],
    requestId,
  };
}

/** What a 503 (busy pool, deadlock retries spent, database unreachable) asks clients to wait. */
export const RETRY_AFTER_SECONDS = 1;

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = toErrorResponse(exception, request?.id, this.logger);
    if (body.statusCode >= 500 && body.requestId === undefined) body.requestId = request?.id;
    // A busy or unreachable database is a moment's matter: tell clients when to come back.
    if (typeof body.retryAfterSeconds === 'number')
      void reply.header('retry-after', String(body.retryAfterSeconds));
    else if (body.statusCode === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
