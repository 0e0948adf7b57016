import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { NotificationInboxService } from './notification-inbox.service.js';
import { NotificationSettingsController } from './notification-settings.controller.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsModule } from './notifications.module.js';
import { WebhookEndpointsController } from './webhook-endpoints.controller.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';

/** The routes: one's own notifications and e-mail setting, and the webhook endpoints (admins). */
@Module({
  imports: [NotificationsModule, AuditModule],
  controllers: [NotificationsController, NotificationSettingsController, WebhookEndpointsController],
  providers: [NotificationInboxService, WebhookEndpointsService],
  exports: [NotificationsModule],
})
export class NotificationsApiModule {}
