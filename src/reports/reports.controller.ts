import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { ReportFormParamDto, ReportQueryDto } from './dto/report-query.dto.js';
import { ReportHeaderCellView, ReportJsonView } from './dto/report-view.dto.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@ApiExtraModels(ReportHeaderCellView)
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':form')
  @RequirePermission('reports:read')
  @ApiOperation({
    summary: 'A periodic report form (01-TCD … 05-KQTH) over the units in scope, as JSON, CSV or XLSX',
    description:
      'Window: period (month|quarter|six_months|nine_months|year) + year (+ index, + cutoff nd09|calendar|national_assembly), or from + to. ' +
      "Units: the subtree of unitId (in scope, 404 otherwise) or of the viewer's scope roots; counters rolled up through the tree. " +
      'Aggregates only, never personal data. Form layouts are UNCONFIRMED against TT 06/2025/TT-TTCP.',
  })
  @ApiProduces(
    'application/json',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  @ApiOkResponse({ type: ReportJsonView, description: 'format=json; csv and xlsx are files' })
  async report(
    @CurrentActor() actor: Actor,
    @Param() { form }: ReportFormParamDto,
    @Query() query: ReportQueryDto,
    @Res() reply: FastifyReply,
  ) {
    const result = await this.reports.report(actor, form, query);
    reply.header('cache-control', 'no-store');
    if (result.format === 'json') return reply.type('application/json; charset=utf-8').send(result.view);
    return reply
      .header('content-disposition', `attachment; filename="${result.file.filename}"`)
      .type(result.file.contentType)
      .send(result.file.body);
  }
}
