import { Body, Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { PublicRoute } from '../common/http/public-route.decorator.js';
import { DeadlinePreviewService } from './deadline-preview.service.js';
import { DeadlinePreviewDto, DeadlinePreviewView, DeadlineRuleView } from './dto/deadline.dto.js';

@ApiTags('deadlines')
@Controller()
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlinePreviewService) {}

  @Post('deadlines/preview')
  @HttpCode(200)
  @RequirePermission('deadlines:preview')
  @ApiOperation({
    summary:
      'Compute a statutory deadline on a unit’s calendar (or the national one), with its explanation. Bad input: 400/422 with the engine’s code (DEADLINE_UNKNOWN_RULE, DATE_INVALID, DEADLINE_OPTION_NOT_APPLICABLE, DEADLINE_TOO_MANY_EXTENSIONS, DEADLINE_SUSPENSION_RESUMES_BEFORE_START, CALENDAR_OUT_OF_RANGE…)',
  })
  @ApiOkResponse({ type: DeadlinePreviewView })
  preview(@CurrentActor() actor: Actor, @Body() dto: DeadlinePreviewDto) {
    return this.deadlines.preview(actor, dto);
  }

  /** Public: the time limits are public law (legal-reference §2), and citizens may read them. */
  @Get('deadline-rules')
  @PublicRoute()
  @Header('cache-control', 'public, max-age=3600')
  @ApiOperation({
    summary: 'The statutory rule table: every rule, its versions, periods, options and citations',
  })
  @ApiOkResponse({ type: DeadlineRuleView, isArray: true })
  rules() {
    return this.deadlines.rules();
  }
}
