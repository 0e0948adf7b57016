import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { AssignCaseDto, DeadlineParamDto, InternalTargetDto } from '../complaints/dto/complaint-case.dto.js';
import { IdParamDto } from '../common/http/id.js';
import { AssignmentPreviewDto, AssignmentPreviewView } from '../cases/dto/assignment-preview.dto.js';
import { DenunciationCasesService } from './denunciation-cases.service.js';
import {
  ComplexityDto,
  DenunciationCaseView,
  DenunciationSummaryPage,
  DenunciationTransitionDto,
  ListDenunciationCasesQueryDto,
} from './dto/denunciation-case.dto.js';

/** Denunciation cases: never the denouncer's identity (that is behind /letters/{id}/identity). */
@ApiTags('denunciation cases')
@Controller('denunciation-cases')
export class DenunciationCasesController {
  constructor(private readonly cases: DenunciationCasesService) {}

  @Get()
  @RequirePermission('cases:read')
  @ApiOperation({ summary: 'Work list of denunciation cases: mine or my units’, due this week, overdue' })
  @ApiOkResponse({ type: DenunciationSummaryPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListDenunciationCasesQueryDto) {
    return this.cases.list(actor, query);
  }

  @Get(':id')
  @RequirePermission('cases:read')
  @ApiOperation({ summary: 'One denunciation case with its steps, deadlines and the steps allowed now' })
  @ApiOkResponse({ type: DenunciationCaseView })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.cases.get(actor, id);
  }

  @Post(':id/transitions')
  @RequirePermission('cases:handle')
  @ApiOperation({ summary: 'Take one step (the head’s decisions need cases:manage)' })
  @ApiOkResponse({ type: DenunciationCaseView })
  transition(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParamDto,
    @Body() dto: DenunciationTransitionDto,
  ) {
    return this.cases.transition(actor, id, dto);
  }

  @Patch(':id/complexity')
  @RequirePermission('cases:manage')
  @ApiOperation({ summary: 'Record the complexity determination (sets how many extensions are allowed)' })
  @ApiOkResponse({ type: DenunciationCaseView })
  complexity(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: ComplexityDto) {
    return this.cases.setComplexity(actor, id, dto);
  }

  @Patch(':id/assignment')
  @RequirePermission('cases:manage')
  @ApiOperation({ summary: 'Assign a handler or move the case to another unit (audited, with the reason)' })
  @ApiOkResponse({ type: DenunciationCaseView })
  assign(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: AssignCaseDto) {
    return this.cases.assign(actor, id, dto);
  }

  @Post(':id/assignment-preview')
  @HttpCode(200)
  @RequirePermission('cases:manage')
  @ApiOperation({
    summary:
      'What a reassignment would do before it is made: refusals and the running deadlines on the new unit’s calendar (nothing written)',
  })
  @ApiOkResponse({ type: AssignmentPreviewView })
  previewAssignment(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParamDto,
    @Body() dto: AssignmentPreviewDto,
  ) {
    return this.cases.previewAssignment(actor, id, dto);
  }

  @Put(':id/deadlines/:deadlineId/target')
  @RequirePermission('cases:manage')
  @ApiOperation({ summary: 'Set or clear an internal target date beside a statutory deadline' })
  @ApiOkResponse({ type: DenunciationCaseView })
  target(@CurrentActor() actor: Actor, @Param() p: DeadlineParamDto, @Body() dto: InternalTargetDto) {
    return this.cases.setInternalTarget(actor, p.id, p.deadlineId, dto);
  }
}
