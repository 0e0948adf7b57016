import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { IdParamDto } from '../common/http/id.js';
import { ApiPageResponse } from '../common/http/page.dto.js';
import {
  CreateRevealRequestDto,
  DecideRevealRequestDto,
  ListRevealRequestsQueryDto,
  RevealRequestView,
} from './dto/reveal-request.dto.js';
import { RevealRequestsService } from './reveal-requests.service.js';

@ApiTags('identity protection')
@Controller()
export class RevealRequestsController {
  constructor(private readonly reveals: RevealRequestsService) {}

  @Post('letters/:id/reveal-requests')
  @RequirePermission('identity:request')
  @ApiOperation({ summary: 'Ask to see a denouncer’s identity, with a reason (a custodian decides)' })
  @ApiCreatedResponse({ type: RevealRequestView })
  request(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: CreateRevealRequestDto) {
    return this.reveals.request(actor, id, dto);
  }

  @Get('reveal-requests')
  @RequirePermission('identity:request')
  @ApiOperation({ summary: 'Reveal requests: a custodian’s units’, or my own' })
  @ApiPageResponse(RevealRequestView)
  list(@CurrentActor() actor: Actor, @Query() query: ListRevealRequestsQueryDto) {
    return this.reveals.list(actor, query);
  }

  @Post('reveal-requests/:id/decision')
  @RequirePermission('identity:custody')
  @ApiOperation({ summary: 'Approve (time-limited access) or refuse a reveal request' })
  @ApiCreatedResponse({ type: RevealRequestView })
  @ApiOkResponse({ type: RevealRequestView })
  decide(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: DecideRevealRequestDto) {
    return this.reveals.decide(actor, id, dto);
  }
}
