import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import {
  SubjectCorrectionDto,
  SubjectExportDto,
  SubjectExportView,
  SubjectQueryDto,
  SubjectRecordView,
  SubjectSearchView,
} from './dto/subject-access.dto.js';
import { subjectExportHtml } from './subject-access-export.html.js';
import { SubjectAccessService } from './subject-access.service.js';

/**
 * A data subject's request (docs/personal-data.md, "A data subject's request"). Every route is a POST:
 * the căn cước number or the name and address travel in the body, never in a URL or an access log.
 */
@ApiTags('personal data')
@Controller('subject-access')
export class SubjectAccessController {
  constructor(private readonly subjects: SubjectAccessService) {}

  @Post('searches')
  @HttpCode(200)
  @RequirePermission('personal_data:subject_access')
  @ApiOperation({
    summary: 'Find every record held about a person (by căn cước number, or name and address)',
  })
  @ApiOkResponse({ type: SubjectSearchView })
  search(@CurrentActor() actor: Actor, @Body() dto: SubjectQueryDto): Promise<SubjectSearchView> {
    return this.subjects.search(actor, dto);
  }

  @Post('exports')
  @HttpCode(200)
  @RequirePermission('personal_data:subject_access')
  @ApiOperation({
    summary: 'Every datum held about the person, as JSON or a printable Vietnamese page (audited)',
  })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ type: SubjectExportView })
  async export(@CurrentActor() actor: Actor, @Body() dto: SubjectExportDto, @Res() reply: FastifyReply) {
    const view = await this.subjects.export(actor, dto);
    const name = `du-lieu-ca-nhan-${dto.requestRef.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    reply.header('cache-control', 'no-store');
    if (dto.format === 'html') {
      return reply
        .header('content-disposition', `inline; filename="${name}.html"`)
        .type('text/html; charset=utf-8')
        .send(subjectExportHtml(view));
    }
    return reply
      .header('content-disposition', `attachment; filename="${name}.json"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(view, null, 2));
  }

  @Post('corrections')
  @HttpCode(200)
  @RequirePermission('personal_data:subject_access')
  @ApiOperation({ summary: 'Correct the person’s data on one record (request reference, reason, version)' })
  @ApiOkResponse({ type: SubjectRecordView })
  correct(@CurrentActor() actor: Actor, @Body() dto: SubjectCorrectionDto): Promise<SubjectRecordView> {
    return this.subjects.correct(actor, dto);
  }
}
