import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import {
  PutReportingScheduleDto,
  ReportingScheduleView,
  UnitIdParamDto,
} from './dto/reporting-schedule.dto.js';
import { ReportingSchedulesService } from './reporting-schedules.service.js';

@ApiTags('reports')
@Controller('reporting-schedules')
export class ReportingSchedulesController {
  constructor(private readonly schedules: ReportingSchedulesService) {}

  @Get(':unitId')
  @RequirePermission('reports:deadlines')
  @ApiOperation({
    summary: "An agency's reporting schedule (or the defaults) and its deadlines of the next 12 months",
    description:
      '404 REPORTING_SCHEDULE_UNIT_NOT_FOUND outside your units; 422 REPORTING_SCHEDULE_NOT_AGENCY for a unit that is not a province, commune or agency.',
  })
  @ApiOkResponse({ type: ReportingScheduleView })
  get(@CurrentActor() actor: Actor, @Param() { unitId }: UnitIdParamDto) {
    return this.schedules.get(actor, unitId);
  }

  @Put(':unitId')
  @RequirePermission('reports:configure')
  @ApiOperation({
    summary: 'Set which reports an agency owes, when, how many days ahead and whom to remind',
    description:
      'version 0 creates the schedule; 409 REPORTING_SCHEDULE_VERSION_CONFLICT on a stale version; 400 VALIDATION_FAILED or REPORTING_SCHEDULE_INVALID field by field.',
  })
  @ApiOkResponse({ type: ReportingScheduleView })
  put(
    @CurrentActor() actor: Actor,
    @Param() { unitId }: UnitIdParamDto,
    @Body() dto: PutReportingScheduleDto,
  ) {
    return this.schedules.put(actor, unitId, dto);
  }
}
