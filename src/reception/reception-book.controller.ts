import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { IdParamDto } from '../common/http/id.js';
import { ApiPageResponse } from '../common/http/page.dto.js';
import {
  CreateVisitDto,
  ExportBookQueryDto,
  FollowUpDto,
  ListVisitsQueryDto,
  MatterLookupDto,
  MatterView,
  PendingIntakesQueryDto,
  PendingIntakeView,
  VisitStatsQueryDto,
  VisitStatsView,
  VisitSummaryView,
  VisitView,
} from './dto/visit.dto.js';
import { ReceptionBookService } from './reception-book.service.js';

@ApiTags('reception book')
@Controller('reception')
export class ReceptionBookController {
  constructor(private readonly book: ReceptionBookService) {}

  @Post('visits')
  @RequirePermission('reception:write')
  @ApiOperation({
    summary: 'Record a visit in the reception book (Mẫu 03/TCD)',
    description:
      'Starts TCD-2 (reply in 10 working days) when content is received and TCD-5 (written refusal notice in 3 working days) when the refusal ground needs one; letter_received leaves a pending intake for the letters feature.',
  })
  @ApiCreatedResponse({ type: VisitView })
  record(@CurrentActor() actor: Actor, @Body() dto: CreateVisitDto) {
    return this.book.record(actor, dto);
  }

  @Get('visits')
  @RequirePermission('reception:read')
  @ApiOperation({
    summary: 'The book without who came: { items: VisitSummaryView[], page, pageSize, total }',
  })
  @ApiPageResponse(VisitSummaryView)
  list(@CurrentActor() actor: Actor, @Query() query: ListVisitsQueryDto) {
    return this.book.list(actor, query);
  }

  @Get('visits/stats')
  @RequirePermission('reception:read')
  @ApiOperation({ summary: 'Counts for a period: first and repeat visits, matters, people, groups' })
  @ApiOkResponse({ type: VisitStatsView })
  stats(@CurrentActor() actor: Actor, @Query() query: VisitStatsQueryDto) {
    return this.book.stats(actor, query);
  }

  @Get('visits/:id')
  @RequirePermission('reception:read')
  @ApiOperation({
    summary: 'One visit; the citizens only with reception:personal_data (the read is audited)',
  })
  @ApiOkResponse({ type: VisitView })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.book.get(actor, id);
  }

  @Patch('visits/:id/follow-up')
  @RequirePermission('reception:write')
  @ApiOperation({ summary: 'Write what came of a visit (column 12)' })
  @ApiOkResponse({ type: VisitSummaryView })
  followUp(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: FollowUpDto) {
    return this.book.followUp(actor, id, dto);
  }

  @Post('matters/lookup')
  @HttpCode(200)
  @RequirePermission('reception:personal_data')
  @ApiOperation({
    summary: 'Matters a citizen (căn cước number) came about, to link a repeat visit (audited)',
  })
  @ApiOkResponse({ type: MatterView, isArray: true })
  lookupMatters(@CurrentActor() actor: Actor, @Body() dto: MatterLookupDto) {
    return this.book.lookupMatters(actor, dto);
  }

  @Get('book/export')
  @RequirePermission('reception:personal_data')
  @ApiOperation({
    summary: 'The book of a unit for a date range, Mẫu 03/TCD columns, as XLSX or CSV (audited)',
  })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  async export(@CurrentActor() actor: Actor, @Query() query: ExportBookQueryDto, @Res() reply: FastifyReply) {
    const file = await this.book.export(actor, query);
    return reply
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .type(file.contentType)
      .send(file.body);
  }

  @Get('pending-intakes')
  @RequirePermission('reception:read')
  @ApiOperation({ summary: 'Visits that ended with a letter received, waiting for the letters feature' })
  @ApiPageResponse(PendingIntakeView)
  pendingIntakes(@CurrentActor() actor: Actor, @Query() query: PendingIntakesQueryDto) {
    return this.book.pendingIntakes(actor, query);
  }
}
