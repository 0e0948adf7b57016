import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const ACCEPTABLE = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The request id: the caller's `X-Request-Id` when it is a plain token, otherwise a new UUID. Stored on
 * the raw request so pino-http (which reuses `req.id`) and Fastify log the same id.
 */
export function requestIdFor(raw: IncomingMessage): string {
  const header = raw.headers['x-request-id'];
  const given = Array.isArray(header) ? header[0] : header;
  const id = given && ACCEPTABLE.test(given) ? given : randomUUID();
  (raw as IncomingMessage & { id?: string }).id = id;
  return id;
}
