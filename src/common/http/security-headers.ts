import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** The API's security headers (Helmet's defaults with our Content-Security-Policy). */
export const SECURITY_HEADER_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      // Swagger UI and the server-rendered pages use inline styles; no inline scripts anywhere.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      scriptSrc: ["'self'"],
    },
  },
};

/**
 * The headers Helmet sets for `options`, computed once: Helmet's middleware run against a recording
 * response. Every value must be fixed — a directive that is a function of the request (a nonce) is
 * refused here rather than frozen.
 */
export function securityHeaders(options: HelmetOptions): ReadonlyArray<readonly [string, string]> {
  for (const value of Object.values(
    (typeof options.contentSecurityPolicy === 'object' && options.contentSecurityPolicy.directives) || {},
  )) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === 'function')) {
      throw new Error(
        'security headers are computed once: a Content-Security-Policy directive may not be a function',
      );
    }
  }
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) =>
      headers.set(name, Array.isArray(value) ? value.join(', ') : String(value)),
    removeHeader: (name: string) => headers.delete(name),
  };
  let failure: unknown = null;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error ?? null;
  });
  if (failure) throw failure;
  return [...headers];
}

/**
 * Sets the security headers on every answer (routes, 404s, errors, static files), as @fastify/helmet
 * did: on the raw response in an `onRequest` hook, so a route that sets one of them itself still wins.
 * @fastify/helmet ran Helmet's whole setup — building a dozen middlewares, parsing the CSP directives —
 * on every request, about a tenth of a cached public page's CPU time (ADR 0026); the values never
 * change, so they are computed once at boot.
 */
export function registerSecurityHeaders(fastify: FastifyInstance, options = SECURITY_HEADER_OPTIONS): void {
  const headers = securityHeaders(options);
  fastify.addHook('onRequest', (_request, reply, done) => {
    const raw = reply.raw;
    for (let i = 0; i < headers.length; i++) raw.setHeader(headers[i][0], headers[i][1]);
    done();
  });
}
