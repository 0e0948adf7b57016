import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { IdParamDto } from '../common/http/id.js';
import { ApiPageResponse } from '../common/http/page.dto.js';
import { ComplianceQueryDto, HeadDutyView } from './dto/head-duty.dto.js';
import { CreatePlaceDto, PlaceView, UnitFilterQueryDto, UpdatePlaceDto } from './dto/place.dto.js';
import {
  CreateScheduleDto,
  EndScheduleDto,
  PreviewScheduleDto,
  ScheduleCommandResult,
  SchedulePreviewView,
  ScheduleView,
} from './dto/schedule.dto.js';
import {
  CancelSessionDto,
  CreateSessionDto,
  ListSessionsQueryDto,
  PostponeSessionDto,
  SessionCommandResult,
  SessionView,
  UpdateSessionDto,
} from './dto/session.dto.js';
import { HeadDutyService } from './head-duty.service.js';
import { ReceptionPlacesService } from './reception-places.service.js';
import { ReceptionSchedulesService } from './reception-schedules.service.js';
import { ReceptionSessionsService } from './reception-sessions.service.js';

@ApiTags('reception')
@Controller('reception')
export class ReceptionSchedulesController {
  constructor(
    private readonly places: ReceptionPlacesService,
    private readonly sessions: ReceptionSessionsService,
    private readonly schedules: ReceptionSchedulesService,
    private readonly headDuty: HeadDutyService,
  ) {}

  @Get('places')
  @RequirePermission('reception:read')
  @ApiOkResponse({ type: PlaceView, isArray: true })
  listPlaces(@CurrentActor() actor: Actor, @Query() query: UnitFilterQueryDto) {
    return this.places.list(actor, query);
  }

  @Post('places')
  @RequirePermission('reception:write')
  @ApiCreatedResponse({ type: PlaceView })
  createPlace(@CurrentActor() actor: Actor, @Body() dto: CreatePlaceDto) {
    return this.places.create(actor, dto);
  }

  @Patch('places/:id')
  @RequirePermission('reception:write')
  @ApiOkResponse({ type: PlaceView })
  updatePlace(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: UpdatePlaceDto) {
    return this.places.update(actor, id, dto);
  }

  @Get('schedules')
  @RequirePermission('reception:read')
  @ApiOkResponse({ type: ScheduleView, isArray: true })
  listSchedules(@CurrentActor() actor: Actor, @Query() query: UnitFilterQueryDto) {
    return this.schedules.listSchedules(actor, query);
  }

  @Get('schedules/:id')
  @RequirePermission('reception:read')
  @ApiOkResponse({ type: ScheduleView })
  getSchedule(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.schedules.getSchedule(actor, id);
  }

  @Post('schedules')
  @RequirePermission('reception:write')
  @ApiOperation({
    summary: 'Create a regular or periodic schedule; a periodic one is expanded into sessions at once',
    description:
      'Warnings (not errors): RECEPTION_POSTED_LATE for sessions inside the 5-working-day posting window (TCD-1), RECEPTION_HEAD_DUTY_NOT_MET for months short of the head’s duty.',
  })
  @ApiCreatedResponse({ type: ScheduleCommandResult })
  createSchedule(@CurrentActor() actor: Actor, @Body() dto: CreateScheduleDto) {
    return this.schedules.createSchedule(actor, dto);
  }

  @Post('schedules/preview')
  @HttpCode(200)
  @RequirePermission('reception:read')
  @ApiOperation({
    summary: 'The sessions a periodic schedule would have on the unit’s calendar, nothing saved',
    description:
      'Moved and skipped days off as createSchedule lays them out; each day with its posting facts (TCD-1 / TCD-6) if saved today.',
  })
  @ApiOkResponse({ type: SchedulePreviewView })
  previewSchedule(@CurrentActor() actor: Actor, @Body() dto: PreviewScheduleDto) {
    return this.schedules.previewSchedule(actor, dto);
  }

  @Post('schedules/:id/end')
  @HttpCode(200)
  @RequirePermission('reception:write')
  @ApiOperation({ summary: 'End a schedule: its sessions from a day on are cancelled with a public reason' })
  @ApiOkResponse({ type: ScheduleCommandResult })
  endSchedule(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: EndScheduleDto) {
    return this.schedules.endSchedule(actor, id, dto);
  }

  @Get('sessions')
  @RequirePermission('reception:read')
  @ApiPageResponse(SessionView, '{ items: SessionView[], page, pageSize, total }')
  listSessions(@CurrentActor() actor: Actor, @Query() query: ListSessionsQueryDto) {
    return this.sessions.listSessions(actor, query);
  }

  @Get('sessions/:id')
  @RequirePermission('reception:read')
  @ApiOkResponse({ type: SessionView })
  getSession(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.sessions.getSession(actor, id);
  }

  @Post('sessions')
  @RequirePermission('reception:write')
  @ApiOperation({ summary: 'Add a periodic or ad hoc session (direct, or online from 2026-07-01)' })
  @ApiCreatedResponse({ type: SessionCommandResult })
  createSession(@CurrentActor() actor: Actor, @Body() dto: CreateSessionDto) {
    return this.sessions.createSession(actor, dto);
  }

  @Patch('sessions/:id')
  @RequirePermission('reception:write')
  @ApiOperation({ summary: 'Edit a session (who receives, place, hours, topics); raises its SEQUENCE' })
  @ApiOkResponse({ type: SessionCommandResult })
  updateSession(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: UpdateSessionDto) {
    return this.sessions.updateSession(actor, id, dto);
  }

  @Post('sessions/:id/cancel')
  @HttpCode(200)
  @RequirePermission('reception:write')
  @ApiOperation({ summary: 'Cancel a session with a reason the public sees' })
  @ApiOkResponse({ type: SessionCommandResult })
  cancelSession(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: CancelSessionDto) {
    return this.sessions.cancelSession(actor, id, dto);
  }

  @Post('sessions/:id/postpone')
  @HttpCode(200)
  @RequirePermission('reception:write')
  @ApiOperation({
    summary: 'Postpone a session to a later day with a reason the public sees (LTCD art. 24(4))',
  })
  @ApiOkResponse({ type: SessionCommandResult })
  postponeSession(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParamDto,
    @Body() dto: PostponeSessionDto,
  ) {
    return this.sessions.postponeSession(actor, id, dto);
  }

  @Get('head-duty')
  @RequirePermission('reception:read')
  @ApiOperation({
    summary:
      'Whether the heads meet their reception duty in a month (LTCD art. 12(5), 15(2)(d), 18(2); Law 136/2025)',
  })
  @ApiOkResponse({ type: HeadDutyView, isArray: true, description: 'One entry per unit' })
  headDutyCompliance(
    @CurrentActor() actor: Actor,
    @Query() query: ComplianceQueryDto,
  ): Promise<HeadDutyView[]> {
    return this.headDuty.compliance(actor, query);
  }
}
