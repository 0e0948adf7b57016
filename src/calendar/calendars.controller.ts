import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { CalendarAdminService } from './calendar-admin.service.js';
import {
  CalendarDetailView,
  CalendarEntryParamDto,
  CalendarEntryResultView,
  CalendarExportQueryDto,
  CalendarImportDto,
  CalendarImportResultView,
  CalendarListView,
  CalendarReadinessReportView,
  CalendarScopeParamDto,
  CalendarYearParamDto,
  CalendarYearResultView,
  CalendarYearView,
  SetCalendarEntryDto,
  SetCalendarYearDto,
} from './dto/calendar.dto.js';

/**
 * Working-day calendars: `national` or a unit's (its effective calendar, inherited from the national one
 * and its ancestors). Everyone signed in reads; administrators change (docs/deadlines.md).
 */
@ApiTags('calendars')
@Controller('calendars')
export class CalendarsController {
  constructor(private readonly calendars: CalendarAdminService) {}

  @Get()
  @RequirePermission('calendars:read')
  @ApiOperation({
    summary:
      'The national calendar and the unit calendars in your scope that set anything, with readiness warnings',
  })
  @ApiOkResponse({ type: CalendarListView })
  list(@CurrentActor() actor: Actor) {
    return this.calendars.list(actor);
  }

  @Get('readiness')
  @RequirePermission('calendars:read')
  @ApiOperation({
    summary:
      'Readiness report: warns while next year is unconfirmed within 60 days of 1 January (and while the current year is unconfirmed)',
  })
  @ApiOkResponse({ type: CalendarReadinessReportView })
  readiness(@CurrentActor() actor: Actor) {
    return this.calendars.readiness(actor);
  }

  @Get(':scope')
  @RequirePermission('calendars:read')
  @ApiOperation({ summary: 'A calendar: version, confirmed years, its own entries and year statements' })
  @ApiOkResponse({ type: CalendarDetailView })
  get(@CurrentActor() actor: Actor, @Param() { scope }: CalendarScopeParamDto) {
    return this.calendars.get(actor, scope);
  }

  @Get(':scope/years/:year')
  @RequirePermission('calendars:read')
  @ApiOperation({ summary: 'The effective layout of a year, each day with the scope it comes from' })
  @ApiOkResponse({ type: CalendarYearView })
  year(@CurrentActor() actor: Actor, @Param() { scope, year }: CalendarYearParamDto) {
    return this.calendars.year(actor, scope, year);
  }

  @Get(':scope/years/:year/export')
  @RequirePermission('calendars:read')
  @ApiOperation({
    summary: 'A year as CSV (date,kind,name) or iCalendar (all-day events, kind in CATEGORIES, stable UIDs)',
  })
  @ApiProduces('text/csv', 'text/calendar')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'The file (Content-Disposition: attachment)' })
  async export(
    @CurrentActor() actor: Actor,
    @Param() { scope, year }: CalendarYearParamDto,
    @Query() { format }: CalendarExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const file = await this.calendars.export(actor, scope, year, format ?? 'csv');
    void reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`);
    return file.body;
  }

  @Put(':scope/entries/:date')
  @RequirePermission('calendars:write')
  @ApiOperation({
    summary:
      'Set the entry of a date: a day off, or a working day (make-up Saturday, or a weekday cancelling an inherited day off)',
  })
  @ApiOkResponse({ type: CalendarEntryResultView })
  setEntry(
    @CurrentActor() actor: Actor,
    @Param() { scope, date }: CalendarEntryParamDto,
    @Body() dto: SetCalendarEntryDto,
  ) {
    return this.calendars.setEntry(actor, scope, date, dto);
  }

  @Delete(':scope/entries/:date')
  @HttpCode(204)
  @RequirePermission('calendars:write')
  @ApiOperation({
    summary: 'Remove the entry this calendar sets on a date (the inherited day applies again)',
  })
  @ApiNoContentResponse()
  async removeEntry(@CurrentActor() actor: Actor, @Param() { scope, date }: CalendarEntryParamDto) {
    await this.calendars.removeEntry(actor, scope, date);
  }

  @Put(':scope/years/:year')
  @RequirePermission('calendars:write')
  @ApiOperation({ summary: 'Confirm a year (or hold it provisional) in this calendar' })
  @ApiOkResponse({ type: CalendarYearResultView })
  setYear(
    @CurrentActor() actor: Actor,
    @Param() { scope, year }: CalendarYearParamDto,
    @Body() dto: SetCalendarYearDto,
  ) {
    return this.calendars.setYear(actor, scope, year, dto);
  }

  @Delete(':scope/years/:year')
  @HttpCode(204)
  @RequirePermission('calendars:write')
  @ApiOperation({
    summary: 'Withdraw this calendar’s statement about a year (the scopes above decide again)',
  })
  @ApiNoContentResponse()
  async removeYear(@CurrentActor() actor: Actor, @Param() { scope, year }: CalendarYearParamDto) {
    await this.calendars.removeYear(actor, scope, year);
  }

  @Post(':scope/years/:year/import')
  @HttpCode(200)
  @RequirePermission('calendars:write')
  @ApiOperation({
    summary:
      'Import a year (CSV or iCalendar): the file becomes the year’s layout; all rows checked first (400 CALENDAR_IMPORT_INVALID with row, column, message), all or nothing',
  })
  @ApiOkResponse({ type: CalendarImportResultView })
  import(
    @CurrentActor() actor: Actor,
    @Param() { scope, year }: CalendarYearParamDto,
    @Body() dto: CalendarImportDto,
  ) {
    return this.calendars.import(actor, scope, year, dto);
  }
}
