import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { IdParamDto } from '../common/http/id.js';
import { AssignmentPreviewDto, AssignmentPreviewView } from '../cases/dto/assignment-preview.dto.js';
import { ComplaintCasesService } from './complaint-cases.service.js';
import {
  AssignCaseDto,
  CaseFlagsDto,
  CaseSummaryPage,
  CaseView,
  DeadlineParamDto,
  InternalTargetDto,
  ListCasesQueryDto,
  TransitionDto,
} from './dto/complaint-case.dto.js';

@ApiTags('complaint cases')
@Controller('complaint-cases')
export class ComplaintCasesController {
  constructor(private readonly cases: ComplaintCasesService) {}

  @Get()
  @RequirePermission('cases:read')
  @ApiOperation({
    summary: 'Work list: mine or my units’ cases, due this week, overdue; search ignores diacritics',
  })
  @ApiOkResponse({ type: CaseSummaryPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListCasesQueryDto) {
    return this.cases.list(actor, query);
  }

  @Get(':id')
  @RequirePermission('cases:read')
  @ApiOperation({ summary: 'One case with its steps, its deadlines and the steps allowed now' })
  @ApiOkResponse({ type: CaseView })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.cases.get(actor, id);
  }

  @Post(':id/transitions')
  @RequirePermission('cases:handle')
  @ApiOperation({
    summary: 'Take one step of the lifecycle (the head’s decisions need cases:manage)',
    description:
      'Refused with CASE_TRANSITION_NOT_ALLOWED when the step may not follow; 409 CASE_VERSION_CONFLICT on a stale version.',
  })
  @ApiOkResponse({ type: CaseView })
  transition(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: TransitionDto) {
    return this.cases.transition(actor, id, dto);
  }

  @Patch(':id/flags')
  @RequirePermission('cases:manage')
  @ApiOperation({ summary: 'Remote area / complicated case, with who decided and why; deadlines recomputed' })
  @ApiOkResponse({ type: CaseView })
  flags(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: CaseFlagsDto) {
    return this.cases.setFlags(actor, id, dto);
  }

  @Patch(':id/assignment')
  @RequirePermission('cases:manage')
  @ApiOperation({ summary: 'Assign a handler or move the case to another unit (audited, with the reason)' })
  @ApiOkResponse({ type: CaseView })
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
  @ApiOkResponse({ type: CaseView })
  target(@CurrentActor() actor: Actor, @Param() p: DeadlineParamDto, @Body() dto: InternalTargetDto) {
    return this.cases.setInternalTarget(actor, p.id, p.deadlineId, dto);
  }
}
