import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CaseDeadlinesModule } from '../case-deadlines/case-deadlines.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { EscalationEntity } from './entities/escalation.entity.js';
import { EscalationService } from './escalation.service.js';

/** Escalation of deadlines (the processor and the scheduler are added by the worker module). */
@Module({
  imports: [
    TypeOrmModule.forFeature([EscalationEntity]),
    AuditModule,
    CaseDeadlinesModule,
    NotificationsModule,
  ],
  providers: [EscalationService],
  exports: [EscalationService],
})
export class EscalationsModule {}
