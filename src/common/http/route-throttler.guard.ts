import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerOptions } from '@nestjs/throttler';
import { perRoute, type RouteClass, type RouteHandler } from './route-memo.js';

/**
 * @nestjs/throttler's metadata keys (its `throttler.constants`, not exported by the package), suffixed
 * with the throttler's name as its decorators write them. route-throttler.guard.spec.ts checks them
 * against `@SkipThrottle()` and `@Throttle()`.
 */
export const THROTTLER_METADATA = {
  skip: 'THROTTLER:SKIP',
  limit: 'THROTTLER:LIMIT',
  ttl: 'THROTTLER:TTL',
  blockDuration: 'THROTTLER:BLOCK_DURATION',
  tracker: 'THROTTLER:TRACKER',
  keyGenerator: 'THROTTLER:KEY_GENERATOR',
} as const;

type Resolvable<T> = T | ((context: ExecutionContext) => T | Promise<T>);

/** What one named throttler does on one route: read from the route's metadata once. */
interface RouteThrottler {
  throttler: ThrottlerOptions & { name: string };
  limit: Resolvable<number>;
  ttl: Resolvable<number>;
  blockDuration: Resolvable<number> | undefined;
  getTracker: NonNullable<ThrottlerOptions['getTracker']>;
  generateKey: NonNullable<ThrottlerOptions['generateKey']>;
  skipIf: ThrottlerOptions['skipIf'];
}

async function resolved(context: ExecutionContext, value: Resolvable<number>, what: string): Promise<number> {
  const raw = typeof value === 'function' ? await value(context) : value;
  const number = typeof raw === 'string' && (raw as string).trim() !== '' ? Number(raw) : raw;
  if (typeof number !== 'number' || Number.isNaN(number)) {
    throw new Error(`Invalid "${what}" for a throttler: expected a number, got ${JSON.stringify(raw)}.`);
  }
  return number;
}

/**
 * @nestjs/throttler's guard (the same counting, keys, `X-RateLimit-*` headers and 429), with each route's
 * throttler metadata read once instead of on every request: the stock guard asks the reflector six times
 * per throttler and request (skip, limit, ttl, block duration, tracker, key generator — each on the
 * handler and the class), which a public calendar hit paid and a health probe did not (docs/reception.md,
 * ADR 0025). Decorators' metadata is fixed once the application is built, so nothing is lost; the
 * values themselves (a limit given as a function of the route, a tracker of the request) are still
 * resolved per request.
 */
@Injectable()
export class RouteThrottlerGuard extends ThrottlerGuard {
  /** The throttlers that apply to a route (a skipped one is left out), read on its first request. */
  private readonly routeThrottlers = perRoute((handler, classRef) => this.throttlersOf(handler, classRef));

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    let ok = true;
    for (const t of this.routeThrottlers(context)) {
      if (t.skipIf?.(context)) continue;
      const ttl = await resolved(context, t.ttl, 'ttl');
      const handled = await this.handleRequest({
        context,
        limit: await resolved(context, t.limit, 'limit'),
        ttl,
        throttler: t.throttler,
        blockDuration:
          t.blockDuration === undefined ? ttl : await resolved(context, t.blockDuration, 'blockDuration'),
        getTracker: t.getTracker,
        generateKey: t.generateKey,
      });
      ok = handled && ok;
    }
    return ok;
  }

  private throttlersOf(handler: RouteHandler, classRef: RouteClass): RouteThrottler[] {
    const read = <T>(key: string, name: string) =>
      this.reflector.getAllAndOverride<T | undefined>(key + name, [handler, classRef]);
    const list: RouteThrottler[] = [];
    for (const throttler of this.throttlers as (ThrottlerOptions & { name: string })[]) {
      const { name } = throttler;
      if (read<boolean>(THROTTLER_METADATA.skip, name)) continue;
      list.push({
        throttler,
        limit: read<Resolvable<number>>(THROTTLER_METADATA.limit, name) ?? throttler.limit,
        ttl: read<Resolvable<number>>(THROTTLER_METADATA.ttl, name) ?? throttler.ttl,
        blockDuration:
          read<Resolvable<number>>(THROTTLER_METADATA.blockDuration, name) ?? throttler.blockDuration,
        getTracker:
          read<RouteThrottler['getTracker']>(THROTTLER_METADATA.tracker, name) ??
          throttler.getTracker ??
          this.commonOptions.getTracker!,
        generateKey:
          read<RouteThrottler['generateKey']>(THROTTLER_METADATA.keyGenerator, name) ??
          throttler.generateKey ??
          this.commonOptions.generateKey!,
        skipIf: throttler.skipIf ?? this.commonOptions.skipIf,
      });
    }
    return list;
  }
}
