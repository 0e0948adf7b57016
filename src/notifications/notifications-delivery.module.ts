import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { IdentityVaultModule } from '../identity/identity-vault.module.js';
import { EmailDeliveryService } from './email-delivery.service.js';
import { Mailer } from './mailer.service.js';
import { NotificationsModule } from './notifications.module.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';

/**
 * Sending, in the worker: the e-mail and webhook outboxes. The processor and the scheduler are listed
 * in worker.module.ts (PROCESSORS is checked at boot).
 */
@Module({
  imports: [NotificationsModule, CalendarModule, IdentityVaultModule],
  providers: [Mailer, EmailDeliveryService, WebhookDeliveryService],
  exports: [EmailDeliveryService, WebhookDeliveryService, NotificationsModule],
})
export class NotificationsDeliveryModule {}
