import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { EscalationPage, ListEscalationsQueryDto } from './dto/escalation.dto.js';
import { EscalationsReadService } from './escalations-read.service.js';

@ApiTags('escalations')
@Controller('escalations')
export class EscalationsReadController {
  constructor(private readonly escalations: EscalationsReadService) {}

  @Get()
  @RequirePermission('reports:read')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'What the escalation ladder fired, when and to whom, in your units; newest first',
    description:
      'By unit (in scope; 400 ESCALATION_QUERY_INVALID otherwise), case (subjectId), day fired (from/to, Asia/Ho_Chi_Minh) and status. Officers’ names and case numbers only.',
  })
  @ApiOkResponse({ type: EscalationPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListEscalationsQueryDto): Promise<EscalationPage> {
    return this.escalations.list(actor, query);
  }
}
