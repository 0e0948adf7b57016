import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { MetricsAccessGuard } from './metrics-access.guard.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';
import { QueueBoardAccess } from './queue-board-access.service.js';
import { QueueBoardSessionController } from './queue-board-session.controller.js';

/**
 * Operating the queues (docs/operations-queues.md): Prometheus /metrics, and the administrators' session
 * for Bull Board — the board itself is a Fastify plugin registered by bootstrap/create-api-app.ts
 * (operations/queue-board.ts).
 */
@Module({
  imports: [AuthModule, AuditModule],
  controllers: [MetricsController, QueueBoardSessionController],
  providers: [MetricsService, MetricsAccessGuard, QueueBoardAccess],
  exports: [QueueBoardAccess],
})
export class OperationsModule {}
