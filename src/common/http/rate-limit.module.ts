import { Module, type ExecutionContext } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { AuthModule } from '../../auth/auth.module.js';
import { TokenService } from '../../auth/token.service.js';
import { AppConfig } from '../../config/app-config.js';
import { PUBLIC_ROUTE } from './public-route.decorator.js';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';
import { perRoute } from './route-memo.js';
import { RouteThrottlerGuard } from './route-throttler.guard.js';

const ONE_MINUTE_MS = 60_000;
const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/;

/**
 * Rate limits shared by every API instance (ADR 0012): counters in Redis (RedisThrottlerStorage,
 * rate-limiter-flexible), a minute's window per route and caller. Public routes get
 * RATE_LIMIT_PUBLIC_PER_MINUTE per client address; all others RATE_LIMIT_DEFAULT_PER_MINUTE per
 * account — the `sub` of a valid access token (its signature checked here; the session is checked by the
 * access guard after), so an office of officers behind one address does not share one bucket — or per
 * client address when the request has no valid token. The client address is the peer's, or with
 * TRUST_PROXY=true the one the reverse proxy put in X-Forwarded-For (docs/architecture.md).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [AuthModule],
      inject: [AppConfig, TokenService],
      useFactory: (config: AppConfig, tokens: TokenService) => {
        const reflector = new Reflector();
        // Whether a route is public, read once per route (the limit and the tracker ask on every request).
        const isPublic = perRoute(
          (handler, classRef) =>
            reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [handler, classRef]) === true,
        );
        return {
          storage: new RedisThrottlerStorage(config),
          getTracker: async (req: Record<string, unknown>, context: ExecutionContext) => {
            const request = req as unknown as FastifyRequest;
            if (!isPublic(context)) {
              const header = request.headers.authorization;
              const match = typeof header === 'string' ? BEARER.exec(header) : null;
              if (match) {
                const claims = await tokens.verifyAccess(match[1]).catch(() => null);
                if (claims) return `account:${claims.sub}`;
              }
            }
            return `address:${request.ip}`;
          },
          throttlers: [
            {
              name: 'default',
              ttl: ONE_MINUTE_MS,
              limit: (context: ExecutionContext) =>
                isPublic(context)
                  ? config.http.rateLimitPublicPerMinute
                  : config.http.rateLimitDefaultPerMinute,
            },
          ],
        };
      },
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RouteThrottlerGuard }],
})
export class RateLimitModule {}
