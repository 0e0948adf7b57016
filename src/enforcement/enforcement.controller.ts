import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { IdParamDto } from '../common/http/id.js';
import {
  BacklogView,
  CreateObligationDto,
  CreateUpdateDto,
  EvidenceView,
  ListEnforcementQueryDto,
  RecordSummaryPage,
  RecordView,
} from './dto/enforcement.dto.js';
import { EnforcementEvidenceService } from './enforcement-evidence.service.js';
import { EnforcementService } from './enforcement.service.js';

@ApiTags('enforcement')
@Controller('enforcement-records')
export class EnforcementController {
  constructor(
    private readonly enforcement: EnforcementService,
    private readonly evidence: EnforcementEvidenceService,
  ) {}

  @Get()
  @RequirePermission('enforcement:read')
  @ApiOperation({ summary: 'Enforcement records of my units, by status as of today; nearest deadline first' })
  @ApiOkResponse({ type: RecordSummaryPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListEnforcementQueryDto) {
    return this.enforcement.list(actor, query);
  }

  @Get('backlog')
  @RequirePermission('enforcement:read')
  @ApiOperation({
    summary: 'Inspectorate backlog: per unit, records by status and overdue obligations, rolled up the tree',
  })
  @ApiOkResponse({ type: BacklogView })
  backlog(@CurrentActor() actor: Actor) {
    return this.enforcement.backlog(actor);
  }

  @Get(':id')
  @RequirePermission('enforcement:read')
  @ApiOperation({ summary: 'One record with its obligations, their deadlines, reports and evidence' })
  @ApiOkResponse({ type: RecordView })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.enforcement.get(actor, id);
  }

  @Post(':id/obligations')
  @RequirePermission('enforcement:write')
  @ApiOperation({
    summary: 'Set an obligation: who does what by when (due by rule KN-11 / TC-6, or a date in the decision)',
    description: '409 ENFORCEMENT_VERSION_CONFLICT on a stale record version.',
  })
  @ApiCreatedResponse({ type: RecordView })
  addObligation(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: CreateObligationDto) {
    return this.enforcement.addObligation(actor, id, dto);
  }

  @Post('obligations/:id/updates')
  @RequirePermission('enforcement:write')
  @ApiOperation({
    summary: 'Report progress on an obligation (in_progress, done, blocked); done settles its deadline',
    description: '409 ENFORCEMENT_VERSION_CONFLICT on a stale obligation version.',
  })
  @ApiCreatedResponse({ type: RecordView })
  addUpdate(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: CreateUpdateDto) {
    return this.enforcement.addUpdate(actor, id, dto);
  }

  @Post('updates/:id/evidence')
  @RequirePermission('enforcement:write')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Attach one evidence file to a progress report (multipart, one file part)',
    description:
      'At most 20 MiB; PDF, JPEG, PNG, TIFF, WebP, DOCX, XLSX or .txt, detected from the bytes; SHA-256 kept.',
  })
  @ApiCreatedResponse({ type: EvidenceView })
  attach(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Req() request: FastifyRequest) {
    return this.evidence.upload(actor, id, request);
  }

  @Get('evidence/:id')
  @RequirePermission('enforcement:read')
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: 'Download one evidence file' })
  async download(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Res() reply: FastifyReply) {
    const { evidence, stream } = await this.evidence.open(actor, id);
    return reply
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .type(evidence.mediaType)
      .send(stream);
  }
}
