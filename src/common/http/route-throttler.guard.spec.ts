import 'reflect-metadata';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  SkipThrottle,
  Throttle,
  ThrottlerException,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { RouteThrottlerGuard, THROTTLER_METADATA } from './route-throttler.guard.js';

class Routes {
  plain() {}
  @SkipThrottle()
  skipped() {}
  @Throttle({ default: { limit: 2, ttl: 5000 } })
  strict() {}
}

function contextOf(handler: (...args: never[]) => unknown, ip = '203.0.113.7') {
  const headers: Record<string, string | number> = {};
  const req = { ip, headers: {} };
  const res = { header: (name: string, value: string | number) => (headers[name] = value) };
  const context = {
    getHandler: () => handler,
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
  } as unknown as ExecutionContext;
  return { context, headers };
}

/** A storage answering like Redis would: hits counted per key, blocked once over the limit. */
function countingStorage() {
  const hits = new Map<string, number>();
  const calls: { key: string; ttl: number; limit: number }[] = [];
  const storage: ThrottlerStorage = {
    increment: async (key, ttl, limit) => {
      calls.push({ key, ttl, limit });
      const n = (hits.get(key) ?? 0) + 1;
      hits.set(key, n);
      return { totalHits: n, timeToExpire: 60, isBlocked: n > limit, timeToBlockExpire: n > limit ? 60 : 0 };
    },
  };
  return { storage, calls };
}

const OPTIONS: ThrottlerModuleOptions = {
  throttlers: [{ name: 'default', ttl: 60_000, limit: () => 10 }],
  getTracker: async (req) => `address:${req.ip as string}`,
};

async function guards() {
  const { storage, calls } = countingStorage();
  const reflector = new Reflector();
  const guard = new RouteThrottlerGuard(OPTIONS, storage, reflector);
  await guard.onModuleInit();
  const stock = new ThrottlerGuard(OPTIONS, countingStorage().storage, new Reflector());
  await stock.onModuleInit();
  return { guard, stock, calls, reflector };
}

describe('RouteThrottlerGuard', () => {
  it("reads @nestjs/throttler's metadata keys as its decorators write them", () => {
    expect(Reflect.getMetadata(`${THROTTLER_METADATA.skip}default`, Routes.prototype.skipped)).toBe(true);
    expect(Reflect.getMetadata(`${THROTTLER_METADATA.limit}default`, Routes.prototype.strict)).toBe(2);
    expect(Reflect.getMetadata(`${THROTTLER_METADATA.ttl}default`, Routes.prototype.strict)).toBe(5000);
  });

  it('counts a hit under the same key as the stock guard, with its X-RateLimit headers', async () => {
    const { guard, calls } = await guards();
    const { context, headers } = contextOf(Routes.prototype.plain);
    await expect(guard.canActivate(context)).resolves.toBe(true);
    const stockKey = (
      ThrottlerGuard.prototype as unknown as { generateKey: (...a: unknown[]) => string }
    ).generateKey.call(null, context, 'address:203.0.113.7', 'default');
    expect(calls).toEqual([{ key: stockKey, ttl: 60_000, limit: 10 }]);
    expect(headers).toEqual({ 'X-RateLimit-Limit': 10, 'X-RateLimit-Remaining': 9, 'X-RateLimit-Reset': 60 });
  });

  it("applies a route's @Throttle and @SkipThrottle, and refuses past the limit with 429", async () => {
    const { guard, calls } = await guards();
    await expect(guard.canActivate(contextOf(Routes.prototype.skipped).context)).resolves.toBe(true);
    expect(calls).toEqual([]);
    await guard.canActivate(contextOf(Routes.prototype.strict).context);
    await guard.canActivate(contextOf(Routes.prototype.strict).context);
    const third = contextOf(Routes.prototype.strict);
    await expect(guard.canActivate(third.context)).rejects.toBeInstanceOf(ThrottlerException);
    expect(third.headers['Retry-After']).toBe(60);
    expect(calls.map((c) => [c.limit, c.ttl])).toEqual([
      [2, 5000],
      [2, 5000],
      [2, 5000],
    ]);
    // Another client is counted apart.
    await expect(guard.canActivate(contextOf(Routes.prototype.strict, '198.51.100.1').context)).resolves.toBe(
      true,
    );
  });

  it("reads a route's metadata on its first request only", async () => {
    const { guard, stock, reflector } = await guards();
    const read = jest.spyOn(reflector, 'getAllAndOverride');
    for (let i = 0; i < 5; i++) await guard.canActivate(contextOf(Routes.prototype.plain).context);
    expect(read).toHaveBeenCalledTimes(6); // skip, limit, ttl, block duration, tracker, key generator
    const stockRead = jest.spyOn(
      (stock as unknown as { reflector: Reflector }).reflector,
      'getAllAndOverride',
    );
    for (let i = 0; i < 5; i++) await stock.canActivate(contextOf(Routes.prototype.plain).context);
    expect(stockRead).toHaveBeenCalledTimes(30);
  });
});
