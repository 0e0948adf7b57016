import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { IdParamDto } from '../common/http/id.js';
import { DecisionPreviewService } from './decision-preview.service.js';
import { DecisionPreviewDto, DecisionPreviewView } from './dto/decision-preview.dto.js';

/** Read-only previews for the console's case work (docs/console-cases.md). */
@ApiTags('letters')
@Controller()
export class CaseWorkController {
  constructor(private readonly decisions: DecisionPreviewService) {}

  @Post('letters/:id/decision-preview')
  @HttpCode(200)
  @RequirePermission('letters:write')
  @ApiOperation({
    summary:
      'What a processing decision would do, before it is taken: refusals, the transfer chain and loop, deadlines settled and opened (nothing written)',
  })
  @ApiOkResponse({ type: DecisionPreviewView })
  decisionPreview(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParamDto,
    @Body() dto: DecisionPreviewDto,
  ) {
    return this.decisions.preview(actor, id, dto);
  }
}
