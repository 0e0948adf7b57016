import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequireAuthentication } from '../auth/require-permission.decorator.js';
import { NotificationSettingsDto, NotificationSettingsView } from './dto/notification.dto.js';
import { NotificationInboxService } from './notification-inbox.service.js';

@ApiTags('notifications')
@Controller('me/notification-settings')
export class NotificationSettingsController {
  constructor(private readonly inbox: NotificationInboxService) {}

  @Get()
  @RequireAuthentication()
  @ApiOkResponse({ type: NotificationSettingsView })
  get(@CurrentActor() actor: Actor) {
    return this.inbox.settings(actor);
  }

  @Patch()
  @RequireAuthentication()
  @ApiOperation({ summary: 'E-mails one by one, or one digest a working day (emailDigest: true)' })
  @ApiOkResponse({ type: NotificationSettingsView })
  update(@CurrentActor() actor: Actor, @Body() dto: NotificationSettingsDto) {
    return this.inbox.updateSettings(actor, dto);
  }
}
