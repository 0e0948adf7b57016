import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsId } from '../common/http/id.js';
import { LetterAttachmentsService } from './letter-attachments.service.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { IdParamDto } from '../common/http/id.js';
import { ApiPageResponse } from '../common/http/page.dto.js';
import {
  CheckEligibilityDto,
  CreatedLetterView,
  CreateLetterDto,
  DuplicateSuggestionView,
  GetLetterQueryDto,
  IntakeQueueItemView,
  IntakeQueueQueryDto,
  LetterIdentityView,
  LetterPageView,
  LetterView,
  ListLettersQueryDto,
  ProcessingDecisionDto,
  SplitLetterDto,
} from './dto/letter.dto.js';
import { LetterEligibilityService } from './letter-eligibility.service.js';
import { LetterDecisionsService } from './letter-decisions.service.js';
import { LetterDuplicatesService } from './letter-duplicates.service.js';
import { LetterIdentityService } from './letter-identity.service.js';
import { LetterIntakeQueueService } from './letter-intake-queue.service.js';
import { LettersService } from './letters.service.js';
import { IdentityDisclosureDto } from '../identity/dto/reveal-request.dto.js';

export class AttachmentParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  id: string;

  @ApiProperty({ format: 'uuid' })
  @IsId()
  attachmentId: string;
}

@ApiTags('letters')
@Controller('letters')
export class LettersController {
  constructor(
    private readonly letters: LettersService,
    private readonly decisions: LetterDecisionsService,
    private readonly identities: LetterIdentityService,
    private readonly duplicateSearch: LetterDuplicatesService,
    private readonly attachments: LetterAttachmentsService,
    private readonly eligibility: LetterEligibilityService,
    private readonly intakeQueue: LetterIntakeQueueService,
  ) {}

  @Post()
  @RequirePermission('letters:write')
  @ApiOperation({
    summary:
      'Log a letter from any channel, with its petitioners (encrypted), classification and eligibility checks',
    description:
      'Opens the processing deadline (XLD-1, or XLD-2 for a denunciation), issues a receipt code and secret (the secret is shown only here), and suggests letters of the same petitioner with similar content.',
  })
  @ApiCreatedResponse({ type: CreatedLetterView })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateLetterDto) {
    return this.letters.create(actor, dto);
  }

  @Get()
  @RequirePermission('letters:read')
  @ApiOperation({ summary: 'Letters of my units, without petitioners: { items, page, pageSize, total }' })
  @ApiPageResponse(LetterView)
  list(@CurrentActor() actor: Actor, @Query() query: ListLettersQueryDto) {
    return this.letters.list(actor, query);
  }

  @Get('intake-queue')
  @RequirePermission('letters:read')
  @ApiOperation({
    summary: 'Letters filed on the public form waiting for their eligibility check, oldest first',
    description:
      'Undecided and "chưa kiểm tra", in my units; each row without the writer: its subject redacted and shortened as `summary`. { items, page, pageSize, total }',
  })
  @ApiPageResponse(IntakeQueueItemView)
  queue(@CurrentActor() actor: Actor, @Query() query: IntakeQueueQueryDto) {
    return this.intakeQueue.list(actor, query);
  }

  @Get(':id')
  @RequirePermission('letters:read')
  @ApiOperation({
    summary: 'One letter; its petitioners only with letters:personal_data (the read is audited)',
  })
  @ApiOkResponse({ type: LetterPageView })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Query() query: GetLetterQueryDto) {
    return this.letters.get(actor, id, query.identity);
  }

  @Get(':id/duplicates')
  @RequirePermission('letters:read')
  @ApiOperation({ summary: 'Letters of the same petitioner with similar content (diacritics ignored)' })
  @ApiOkResponse({ type: DuplicateSuggestionView, isArray: true })
  duplicates(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.duplicateSearch.duplicates(actor, id);
  }

  @Post(':id/split')
  @RequirePermission('letters:write')
  @ApiOperation({ summary: 'Split a mixed letter into one letter per kind of content (LTCD art. 25(3))' })
  @ApiCreatedResponse({ type: CreatedLetterView, isArray: true })
  split(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: SplitLetterDto) {
    return this.letters.split(actor, id, dto);
  }

  @Post(':id/eligibility')
  @RequirePermission('letters:write')
  @ApiOperation({
    summary: 'Answer the eligibility checks of a letter filed on the public form (chưa kiểm tra)',
    description: 'Once, before any decision (TT 05/2021 art. 6; LTC art. 25(2) for anonymous information).',
  })
  @ApiCreatedResponse({ type: LetterView })
  checkEligibility(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParamDto,
    @Body() dto: CheckEligibilityDto,
  ) {
    return this.eligibility.check(actor, id, dto);
  }

  @Post(':id/decision')
  @RequirePermission('letters:write')
  @ApiOperation({
    summary: 'The processing decision: accept (opens a case), guide, transfer, return or archive',
    description:
      'One per letter, with date and legal basis; a transfer in a circle is refused (LETTER_TRANSFER_LOOP).',
  })
  @ApiCreatedResponse({ type: LetterView })
  decide(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: ProcessingDecisionDto) {
    return this.decisions.decide(actor, id, dto);
  }

  @Get(':id/identity')
  @RequirePermission('letters:read')
  @ApiOperation({
    summary:
      'Who wrote the letter and its original text (a denouncer: only to those allowed; every read audited)',
  })
  @ApiOkResponse({ type: LetterIdentityView })
  identity(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.identities.identity(actor, id);
  }

  @Post(':id/identity-disclosure')
  @RequirePermission('letters:read')
  @ApiOperation({
    summary:
      'Record that the denouncer disclosed their identity or waived protection (custodian or receiver)',
  })
  @ApiCreatedResponse({ type: LetterView })
  disclosure(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: IdentityDisclosureDto) {
    return this.identities.recordDisclosure(actor, id, dto);
  }

  @Post(':id/attachments')
  @RequirePermission('letters:write')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Attach one file (multipart: optional field identifying=true|false first, then the file)',
    description:
      'At most 20 MiB; PDF, JPEG, PNG, TIFF, WebP, DOCX, XLSX or .txt, detected from the bytes; SHA-256 kept.',
  })
  attach(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Req() request: FastifyRequest) {
    return this.attachments.upload(actor, id, request);
  }

  @Get(':id/attachments')
  @RequirePermission('letters:read')
  @ApiOperation({ summary: 'The files of a letter (metadata)' })
  listAttachments(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.attachments.list(actor, id);
  }

  @Get(':id/attachments/:attachmentId')
  @RequirePermission('letters:read')
  @ApiOperation({ summary: 'Download one file (identifying files need letters:personal_data; audited)' })
  async download(@CurrentActor() actor: Actor, @Param() p: AttachmentParamDto, @Res() reply: FastifyReply) {
    const { attachment, stream } = await this.attachments.open(actor, p.id, p.attachmentId);
    return reply
      .header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      )
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .type(attachment.mediaType)
      .send(stream);
  }
}
