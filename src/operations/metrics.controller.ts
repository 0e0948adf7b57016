import { Controller, Get, Header, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../common/http/public-route.decorator.js';
import { MetricsAccessGuard } from './metrics-access.guard.js';
import { MetricsService } from './metrics.service.js';

/**
 * Prometheus scrape endpoint, outside /api/v1 (docs/operations-queues.md). Not an API route: left out
 * of the OpenAPI document; no login (the scraper has none) but guarded by a token or the loopback
 * interface; never rate-limited.
 */
@ApiExcludeController()
@SkipThrottle()
@PublicRoute()
@UseGuards(MetricsAccessGuard)
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Header('cache-control', 'no-store')
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const text = await this.metrics.scrape();
    void reply.header('content-type', this.metrics.contentType);
    return text;
  }
}
