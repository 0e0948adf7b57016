import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { IdParamDto } from '../common/http/id.js';
import { LetterAuthorisationView, SetLetterAuthorisationDto } from './dto/letter-authorisation.dto.js';
import { LetterAuthorisationsService } from './letter-authorisations.service.js';

@ApiTags('letters')
@Controller('letters')
export class LetterAuthorisationsController {
  constructor(private readonly authorisations: LetterAuthorisationsService) {}

  @Put(':id/authorisation')
  @RequirePermission('letters:write')
  @ApiOperation({
    summary: 'Record the person the complainant authorised (relative, lawyer, legal aid) and the document',
    description:
      "An individual's authorisation of a complaint received up to 2026-12-31 must be notarised or certified; from 2027-01-01 not (NĐ 155/2026/NĐ-CP art. 21(2)). A lawyer or legal aid officer: the practising card (and the assignment decision). Replaces a previous authorisation.",
  })
  @ApiOkResponse({ type: LetterAuthorisationView })
  set(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: SetLetterAuthorisationDto) {
    return this.authorisations.set(actor, id, dto);
  }

  @Get(':id/authorisation')
  @RequirePermission('letters:read')
  @ApiOperation({
    summary: "The letter's authorised representative (the person only with letters:personal_data)",
  })
  @ApiOkResponse({ type: LetterAuthorisationView })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.authorisations.get(actor, id);
  }
}
