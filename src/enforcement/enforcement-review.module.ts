import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { EnforcementReviewService } from './enforcement-review.service.js';

/** The monthly review reminders: used by the worker's processor (and by tests through the API app). */
@Module({
  imports: [AuditModule, NotificationsModule],
  providers: [EnforcementReviewService],
  exports: [EnforcementReviewService],
})
export class EnforcementReviewModule {}
