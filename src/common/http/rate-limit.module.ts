import { Module, type ExecutionContext } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../../config/app-config.js';
import { PUBLIC_ROUTE } from './public-route.decorator.js';
import { RateWindowStorage } from './rate-window.storage.js';

const ONE_MINUTE_MS = 60_000;

/**
 * Per-client-address rate limits: public routes get RATE_LIMIT_PUBLIC_PER_MINUTE, all others
 * RATE_LIMIT_DEFAULT_PER_MINUTE. Counters live in process memory (one API instance per deployment
 * today; see docs/architecture.md for running several): a sliding window counter per route and client
 * (RateWindowStorage), not the library's list of every hit, whose cost grows with the limit
 * (docs/load.md).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const reflector = new Reflector();
        const isPublic = (context: ExecutionContext) =>
          reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]) ===
          true;
        return {
          storage: new RateWindowStorage(),
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
  providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
})
export class RateLimitModule {}
