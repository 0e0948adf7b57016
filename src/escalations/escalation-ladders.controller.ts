import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import {
  EscalationLadderDefaultsView,
  EscalationLadderView,
  LadderAgencyQueryDto,
  LadderKeyParamDto,
  PutEscalationLadderDto,
  SavedEscalationLadderView,
} from './dto/escalation-ladder.dto.js';
import { EscalationLaddersService } from './escalation-ladders.service.js';

@ApiTags('escalations')
@Controller('escalation-ladders')
export class EscalationLaddersController {
  constructor(private readonly ladders: EscalationLaddersService) {}

  @Get()
  @RequirePermission('escalations:configure')
  @ApiOperation({
    summary: 'The ladders in force: kept as data (current versions), the environment, the default',
  })
  @ApiOkResponse({ type: EscalationLadderDefaultsView })
  overview(@CurrentActor() actor: Actor) {
    return this.ladders.overview(actor);
  }

  @Get(':key/versions')
  @RequirePermission('escalations:configure')
  @ApiOperation({ summary: 'Every version of a ladder, newest first' })
  @ApiOkResponse({ type: [EscalationLadderView] })
  versions(
    @CurrentActor() actor: Actor,
    @Param() { key }: LadderKeyParamDto,
    @Query() { agencyUnitId }: LadderAgencyQueryDto,
  ) {
    return this.ladders.versions(actor, key, agencyUnitId);
  }

  @Put(':key')
  @RequirePermission('escalations:configure')
  @ApiOperation({
    summary: 'A new version of a ladder (levels null: remove it); takes effect for the next level to fire',
  })
  @ApiOkResponse({ type: SavedEscalationLadderView })
  put(
    @CurrentActor() actor: Actor,
    @Param() { key }: LadderKeyParamDto,
    @Body() dto: PutEscalationLadderDto,
  ) {
    return this.ladders.put(actor, key, dto);
  }
}
