import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { IdParamDto } from '../common/http/id.js';
import { AttachmentView } from './dto/attachment.dto.js';
import { LetterAttachmentsService, type CaseKindOfFiles } from './letter-attachments.service.js';
import { AttachmentParamDto } from './letters.controller.js';

const UPLOAD = {
  summary: 'Add one file to the case’s dossier (its letter’s files; multipart: identifying=true|false first)',
  description:
    'At most 20 MiB; PDF, JPEG, PNG, TIFF, WebP, DOCX, XLSX or .txt, detected from the bytes (415 otherwise).',
};

/**
 * A case's documents (issue 17): the files of its letter — one dossier from reception to the decision —
 * read by those who read the case and added to by those who work it. A file that identifies its author
 * is listed by a neutral name and served only to those who may see the writer (as on the letter).
 */
@ApiTags('case documents')
@Controller()
export class CaseAttachmentsController {
  constructor(private readonly attachments: LetterAttachmentsService) {}

  @Get('complaint-cases/:id/attachments')
  @RequirePermission('cases:read')
  @ApiOperation({ summary: 'The files of a complaint case’s dossier (metadata)' })
  @ApiOkResponse({ type: [AttachmentView] })
  listComplaint(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.attachments.listForCase(actor, 'complaint', id);
  }

  @Get('denunciation-cases/:id/attachments')
  @RequirePermission('cases:read')
  @ApiOperation({
    summary: 'The files of a denunciation case’s dossier (identifying files by a neutral name)',
  })
  @ApiOkResponse({ type: [AttachmentView] })
  listDenunciation(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.attachments.listForCase(actor, 'denunciation', id);
  }

  @Post('complaint-cases/:id/attachments')
  @RequirePermission('cases:handle')
  @ApiConsumes('multipart/form-data')
  @ApiOperation(UPLOAD)
  @ApiCreatedResponse({ type: AttachmentView })
  uploadComplaint(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Req() request: FastifyRequest) {
    return this.attachments.uploadToCase(actor, 'complaint', id, request);
  }

  @Post('denunciation-cases/:id/attachments')
  @RequirePermission('cases:handle')
  @ApiConsumes('multipart/form-data')
  @ApiOperation(UPLOAD)
  @ApiCreatedResponse({ type: AttachmentView })
  uploadDenunciation(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParamDto,
    @Req() request: FastifyRequest,
  ) {
    return this.attachments.uploadToCase(actor, 'denunciation', id, request);
  }

  @Get('complaint-cases/:id/attachments/:attachmentId')
  @RequirePermission('cases:read')
  @ApiOperation({ summary: 'Download one file of a complaint case’s dossier' })
  downloadComplaint(
    @CurrentActor() actor: Actor,
    @Param() p: AttachmentParamDto,
    @Res() reply: FastifyReply,
  ) {
    return this.download(actor, 'complaint', p, reply);
  }

  @Get('denunciation-cases/:id/attachments/:attachmentId')
  @RequirePermission('cases:read')
  @ApiOperation({
    summary:
      'Download one file of a denunciation case’s dossier (identifying: audited, only to those who may see the writer)',
  })
  downloadDenunciation(
    @CurrentActor() actor: Actor,
    @Param() p: AttachmentParamDto,
    @Res() reply: FastifyReply,
  ) {
    return this.download(actor, 'denunciation', p, reply);
  }

  private async download(actor: Actor, kind: CaseKindOfFiles, p: AttachmentParamDto, reply: FastifyReply) {
    const { attachment, stream } = await this.attachments.openForCase(actor, kind, p.id, p.attachmentId);
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
