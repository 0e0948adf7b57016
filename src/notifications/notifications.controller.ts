import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequireAuthentication } from '../auth/require-permission.decorator.js';
import { IdParamDto } from '../common/http/id.js';
import {
  ListNotificationsQueryDto,
  MarkedView,
  NotificationPage,
  NotificationView,
  UnreadCountView,
} from './dto/notification.dto.js';
import { NotificationInboxService } from './notification-inbox.service.js';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly inbox: NotificationInboxService) {}

  @Get()
  @RequireAuthentication()
  @ApiOperation({ summary: 'Your notifications, newest first (unread=true: unread ones only)' })
  @ApiOkResponse({ type: NotificationPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQueryDto) {
    return this.inbox.list(actor, query);
  }

  @Get('unread-count')
  @RequireAuthentication()
  @ApiOkResponse({ type: UnreadCountView })
  unreadCount(@CurrentActor() actor: Actor) {
    return this.inbox.unreadCount(actor);
  }

  @Post('read-all')
  @HttpCode(200)
  @RequireAuthentication()
  @ApiOperation({ summary: 'Mark all your notifications read' })
  @ApiOkResponse({ type: MarkedView })
  markAllRead(@CurrentActor() actor: Actor) {
    return this.inbox.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @RequireAuthentication()
  @ApiOperation({ summary: 'Mark one of your notifications read (404 NOTIFICATION_NOT_FOUND otherwise)' })
  @ApiOkResponse({ type: NotificationView })
  markRead(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.inbox.markRead(actor, id);
  }
}
