import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module.js';
import { IdentityVaultModule } from '../identity/identity-vault.module.js';
import { UnitEntity } from '../units/unit.entity.js';
import { UserRoleEntity } from '../users/user-role.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { EmailDeliveryEntity } from './entities/email-delivery.entity.js';
import { NotificationEntity } from './entities/notification.entity.js';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity.js';
import { WebhookEndpointEntity } from './entities/webhook-endpoint.entity.js';
import { NotificationsService } from './notifications.service.js';

/**
 * `NotificationsService.notify` for any feature that notifies (escalations, enforcement), in the API and
 * in the worker alike. Needs only the database and the calendars. The routes are
 * NotificationsApiModule; sending is NotificationsDeliveryModule (worker).
 */
@Module({
  imports: [
    // The users, roles and units entities: targets of the notifications' relations, so contexts without
    // UsersModule know them.
    TypeOrmModule.forFeature([
      NotificationEntity,
      EmailDeliveryEntity,
      WebhookEndpointEntity,
      WebhookDeliveryEntity,
      UserEntity,
      UserRoleEntity,
      UnitEntity,
    ]),
    CalendarModule,
    // The free-text guard (ProtectedText): notification and e-mail bodies never name a denouncer.
    IdentityVaultModule,
  ],
  providers: [NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
