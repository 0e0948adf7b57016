import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { IdParamDto } from '../common/http/id.js';
import {
  CreateReportRunDto,
  ListReportRunsQueryDto,
  ReportRunPage,
  ReportRunView,
} from './dto/report-run.dto.js';
import { ReportRunsService } from './report-runs.service.js';

@ApiTags('reports')
@Controller('report-runs')
export class ReportRunsController {
  constructor(private readonly runs: ReportRunsService) {}

  @Post()
  @HttpCode(202)
  @RequirePermission('reports:read')
  @ApiOperation({
    summary: 'Build a report in the background (same choices as GET /api/v1/reports/{form}); poll links.self',
  })
  @ApiAcceptedResponse({ type: ReportRunView })
  request(@CurrentActor() actor: Actor, @Body() body: CreateReportRunDto) {
    return this.runs.request(actor, body);
  }

  @Get()
  @RequirePermission('reports:read')
  @ApiOperation({ summary: 'Your background reports, newest first' })
  @ApiOkResponse({ type: ReportRunPage })
  list(@CurrentActor() actor: Actor, @Query() { page, pageSize }: ListReportRunsQueryDto) {
    return this.runs.list(actor, page, pageSize);
  }

  @Get(':id')
  @RequirePermission('reports:read')
  @ApiOperation({ summary: 'One of your background reports: status, progress, download link when done' })
  @ApiOkResponse({ type: ReportRunView })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.runs.get(actor, id);
  }

  @Get(':id/file')
  @RequirePermission('reports:read')
  @ApiOperation({
    summary:
      'The file of a done background report (409 REPORT_RUN_NOT_READY before, 410 REPORT_RUN_EXPIRED after expiry)',
  })
  @ApiProduces(
    'text/csv',
    'application/json',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  async file(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Res() reply: FastifyReply) {
    const file = await this.runs.file(actor, id);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('content-length', String(file.size))
      .header('x-content-sha256', file.sha256)
      .type(file.contentType)
      .send(file.stream);
  }
}
