import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { DomainError } from '../common/domain/domain-error.js';
import { PublicRoute } from '../common/http/public-route.decorator.js';
import { RedisHealthIndicator } from './redis.health.js';

@ApiTags('health')
@SkipThrottle()
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up (no dependencies checked)' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Database and Redis answer; 503 when either does not' })
  async ready() {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: 1500 }),
        () => this.redis.check('redis'),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const checks = (error.getResponse() as { details?: Record<string, { status: string }> }).details ?? {};
      const down = Object.entries(checks)
        .filter(([, c]) => c.status !== 'up')
        .map(([name]) => name);
      throw new DomainError(
        'HEALTH_NOT_READY',
        `Not ready: ${down.join(' and ')} down.`,
        'unavailable',
        undefined,
        {
          checks,
        },
      );
    }
  }
}
