import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { errorCodes, type FastifyReply, type FastifyRequest } from 'fastify';
import { DomainError } from '../../common/domain/domain-error.js';
import { PublicRoute } from '../../common/http/public-route.decorator.js';
import { trim } from '../../common/http/text.js';
import {
  MAX_FIELD_LENGTH,
  readStatusForm,
  renderStatusPage,
  STATUS_PAGE_PATH,
  type StatusPageInput,
} from './letter-status-page.html.js';
import { LetterStatusService } from './letter-status.service.js';
import { UNSUBSCRIBE_PATH } from './letter-emails.service.js';
import { FORM_BODY_LIMIT, FORM_PAGE_PATH, formValues } from './letter-form.js';

export class LetterStatusQueryDto {
  @ApiProperty({ example: 'TD-2026-7KQ4-M9XP' })
  @Transform(trim)
  @IsString()
  @Length(1, 64)
  code: string;

  @ApiProperty({ example: 'K7M2QX9PRA' })
  @Transform(trim)
  @IsString()
  @Length(1, 64)
  secret: string;
}

const HTML = 'text/html; charset=utf-8';

/** Two fields of at most MAX_FIELD_LENGTH characters, percent-encoded (×9 for 3-byte UTF-8), with names. */
const STATUS_BODY_LIMIT = 2 * (MAX_FIELD_LENGTH * 9 + 16);

/**
 * Reads `application/x-www-form-urlencoded` bodies for the status page's form and the online letter form,
 * and for nothing else: every other route still answers such a body with 415, as before. Only each
 * form's own fields are kept (the first of each), so no other key — `__proto__` included — reaches a
 * handler. The status form keeps its small limit; the letter form may carry up to FORM_BODY_LIMIT.
 */
export function acceptStatusPageForm(app: NestFastifyApplication): void {
  app.useBodyParser(
    'application/x-www-form-urlencoded',
    { bodyLimit: Math.max(FORM_BODY_LIMIT, STATUS_BODY_LIMIT) },
    (request: FastifyRequest, body: Buffer, done: (error: Error | null, body?: unknown) => void) => {
      const url = request.routeOptions.url;
      if (url === FORM_PAGE_PATH) {
        done(null, formValues(new URLSearchParams(body.toString('utf8'))));
        return;
      }
      if (url === UNSUBSCRIBE_PATH) {
        if (body.length > STATUS_BODY_LIMIT) {
          done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
          return;
        }
        done(null, { ma: new URLSearchParams(body.toString('utf8')).get('ma') ?? undefined });
        return;
      }
      if (url !== STATUS_PAGE_PATH) {
        done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(request.headers['content-type']));
        return;
      }
      if (body.length > STATUS_BODY_LIMIT) {
        done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
        return;
      }
      const fields = new URLSearchParams(body.toString('utf8'));
      done(null, { code: fields.get('code') ?? undefined, secret: fields.get('secret') ?? undefined });
    },
  );
}

/**
 * The petitioner's status lookup: as JSON under /api/v1, and as a Vietnamese page at /tra-cuu-don (no
 * login, no JavaScript). POST so the secret stays out of URLs, proxies and browser history. A wrong
 * secret, an unknown code and a malformed code all answer the same 404.
 */
@ApiTags('public letter status')
@PublicRoute()
@Controller()
export class LetterStatusController {
  constructor(private readonly status: LetterStatusService) {}

  @Post('public/letter-status')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Milestones and the current statutory deadline of a letter, by receipt code and secret',
  })
  @ApiOkResponse({ description: 'Citizen-safe status; 404 RECEIPT_NOT_FOUND otherwise' })
  lookup(@Body() dto: LetterStatusQueryDto) {
    return this.status.status(dto.code, dto.secret);
  }

  @Get('tra-cuu-don')
  @ApiOperation({ summary: 'The receipt-code status page: the form (Vietnamese, no JavaScript)' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML page' })
  page(@Res() reply: FastifyReply) {
    return send(reply, 200, { kind: 'form' });
  }

  @Post('tra-cuu-don')
  @ApiOperation({ summary: 'The receipt-code status page: the status of a letter, from the form' })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: LetterStatusQueryDto })
  @ApiProduces('text/html')
  @ApiOkResponse({
    description: 'HTML page with the status; the form with per-field errors (400) or one neutral 404 page',
  })
  async pageLookup(@Body() body: unknown, @Res() reply: FastifyReply) {
    const form = readStatusForm(body);
    if (form.problems.length > 0) {
      return send(reply, 400, { kind: 'invalid', code: form.code, problems: form.problems });
    }
    try {
      return send(reply, 200, { kind: 'status', status: await this.status.status(form.code, form.secret) });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'RECEIPT_NOT_FOUND') throw error;
      return send(reply, 404, { kind: 'not_found', code: form.code });
    }
  }
}

/** Never cached: a status is personal, and the form page is cheap. */
function send(reply: FastifyReply, status: number, page: StatusPageInput) {
  return reply.status(status).header('cache-control', 'no-store').type(HTML).send(renderStatusPage(page));
}
