import type { FastifyInstance } from 'fastify';
import { PinoLogger } from 'nestjs-pino';

/**
 * Routes whose requests are logged by a lean hook instead of pino-http: the public calendar, the hottest
 * anonymous GETs, cached and answered in a fraction of a millisecond, where pino-http's per-request work
 * (three child loggers with their bindings serialized, the middleware pass, the request context) was the
 * largest cost after the rate limiter's (docs/reception.md, "Reading the numbers").
 *
 * Paths as in ROUTES_OUTSIDE_PREFIX (no leading slash); the hook matches Fastify's route pattern.
 */
export const LEAN_LOGGED_PATHS = ['lich-tiep-cong-dan', 'lich-tiep-cong-dan.json', 'lich-tiep-cong-dan.ics'];

/**
 * Logs each request of LEAN_LOGGED_PATHS once it is answered, as the same one line pino-http writes for
 * every other route (`request completed`, or `request errored` from 500 up; `requestId`, `route`, `req`,
 * `res`, `responseTime`, through the same serializers and redaction), from the application's root
 * logger: nothing is built per request unless the line is written (the level enables it). Code running
 * inside these requests logs without the request id (no per-request logger is bound for them).
 */
export function registerLeanRequestLog(fastify: FastifyInstance): void {
  const routes = new Set(LEAN_LOGGED_PATHS.map((path) => `/${path}`));
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url;
    if (route === undefined || !routes.has(route)) return done();
    const logger = PinoLogger.root;
    if (logger?.isLevelEnabled('info')) {
      const failed = reply.statusCode >= 500;
      logger.info(
        {
          requestId: request.id,
          req: request.raw,
          route,
          res: reply.raw,
          responseTime: Math.round(reply.elapsedTime),
          ...(failed ? { err: { message: `failed with status code ${reply.statusCode}` } } : {}),
        },
        failed ? 'request errored' : 'request completed',
      );
    }
    done();
  });
}
