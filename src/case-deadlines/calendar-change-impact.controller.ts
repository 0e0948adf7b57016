import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import type { CalendarChangeRequest } from '../calendar/calendar-admin.service.js';
import {
  CalendarChangeListView,
  CalendarChangePreviewDto,
  CalendarChangePreviewView,
  CalendarChangesQueryDto,
  CalendarScopeParamDto,
} from '../calendar/dto/calendar.dto.js';
import { CalendarChangeImpactService } from './calendar-change-impact.service.js';

/** What a calendar change does to open deadlines: before (a dry run) and after (what it moved). */
@ApiTags('calendars')
@Controller('calendars')
export class CalendarChangeImpactController {
  constructor(private readonly impact: CalendarChangeImpactService) {}

  @Post(':scope/changes/preview')
  @HttpCode(200)
  @RequirePermission('calendars:write')
  @ApiOperation({
    summary:
      'Dry run of a change (set_entry, remove_entry, set_year, import): how many open deadlines in your units it would move, and which; nothing is kept',
  })
  @ApiOkResponse({ type: CalendarChangePreviewView })
  preview(
    @CurrentActor() actor: Actor,
    @Param() { scope }: CalendarScopeParamDto,
    @Body() dto: CalendarChangePreviewDto,
  ) {
    return this.impact.preview(actor, scope, dto as CalendarChangeRequest);
  }

  @Get(':scope/changes')
  @RequirePermission('calendars:read')
  @ApiOperation({
    summary: 'The calendar’s latest changes, newest first, each with the deadlines in your units it moved',
  })
  @ApiOkResponse({ type: CalendarChangeListView })
  changes(
    @CurrentActor() actor: Actor,
    @Param() { scope }: CalendarScopeParamDto,
    @Query() { limit }: CalendarChangesQueryDto,
  ) {
    return this.impact.changes(actor, scope, limit === undefined ? 10 : Number(limit));
  }
}
