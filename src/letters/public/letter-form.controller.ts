import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicRoute } from '../../common/http/public-route.decorator.js';
import { AppConfig } from '../../config/app-config.js';
import { MAX_ATTACHMENT_BYTES } from '../../attachments/domain/attachment-policy.js';
import { openMultipartForm, type MultipartForm } from '../../attachments/multipart.js';
import { DomainError } from '../../common/domain/domain-error.js';
import type { StoredAttachment } from '../letter-attachments.service.js';
import {
  FORM_MAX_BODY_BYTES,
  FORM_MAX_FILES,
  formValuesOf,
  viSize,
  type FormProblem,
  type FormValues,
} from './letter-form.js';
import { formAssets } from './letter-form.assets.js';
import { LetterFormGuard, type GuardOutcome } from './letter-form.guard.js';
import { renderFormPage, type FormPageInput } from './letter-form-page.html.js';
import { FORM_UPLOAD_LIMITS, LetterFormService } from './letter-form.service.js';

const HTML = 'text/html; charset=utf-8';

const GUARD_NOTICE: Record<Exclude<GuardOutcome, { ok: true }>['reason'], string> = {
  honeypot: 'Không gửi được đơn. Vui lòng tải lại trang và thử lại.',
  proof_missing:
    'Chưa hoàn tất bước xác minh chống gửi tự động. Vui lòng chờ bước xác minh xong rồi gửi lại.',
  proof_invalid: 'Bước xác minh chống gửi tự động đã hết hạn hoặc không hợp lệ. Vui lòng gửi lại.',
  too_fast: 'Đơn được gửi quá nhanh sau khi mở trang. Vui lòng đọc lại đơn và gửi lại sau ít giây nữa.',
  replayed: 'Bước xác minh này đã được dùng cho một đơn khác. Vui lòng gửi lại.',
};

type FileRefusal =
  | 'FORM_TOO_MANY_FILES'
  | 'FORM_BODY_TOO_LARGE'
  | 'FORM_MALFORMED'
  | 'ATTACHMENT_TOO_LARGE'
  | 'ATTACHMENT_TYPE_NOT_ALLOWED'
  | 'ATTACHMENT_EMPTY';

/** Refusals of a submission's files, each on the file field in Vietnamese (the files are chosen again). */
const FILE_REFUSAL: Record<FileRefusal, { status: number; message: string }> = {
  FORM_TOO_MANY_FILES: {
    status: 413,
    message: `Chỉ gửi được tối đa ${FORM_MAX_FILES} tệp kèm theo. Hãy bớt tệp (có thể gộp nhiều trang vào một tệp PDF) rồi chọn lại.`,
  },
  FORM_BODY_TOO_LARGE: {
    status: 413,
    message: `Các tệp kèm theo quá lớn: cả đơn không quá ${viSize(FORM_MAX_BODY_BYTES)}. Hãy bớt tệp hoặc giảm dung lượng (ảnh chụp nhỏ hơn, PDF nén) rồi chọn lại.`,
  },
  ATTACHMENT_TOO_LARGE: {
    status: 413,
    message: `Có tệp lớn hơn ${viSize(MAX_ATTACHMENT_BYTES)}. Hãy giảm dung lượng tệp đó (ảnh chụp nhỏ hơn, PDF nén) hoặc tách thành nhiều tệp rồi chọn lại.`,
  },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    message:
      'Có tệp không thuộc loại được nhận. Chỉ nhận PDF, ảnh JPEG, PNG, TIFF, WebP, Word (.docx), Excel (.xlsx) hoặc văn bản (.txt); hãy chọn lại tệp.',
  },
  ATTACHMENT_EMPTY: { status: 400, message: 'Có tệp rỗng (không có nội dung). Hãy chọn lại tệp.' },
  FORM_MALFORMED: {
    status: 400,
    message: 'Không đọc được đơn và tệp gửi lên. Vui lòng tải lại trang, ghi lại đơn và chọn lại tệp.',
  },
};

/**
 * The citizen's online letter form (no login; docs/letters-and-cases.md "The online form", ADR 0016):
 * GET /gui-don the form (an agency search narrows its list), POST /gui-don files the letter and shows
 * the receipt once; GET /gui-don/thu-thach a proof-of-work challenge for the widget; GET
 * /gui-don/tai-nguyen/* the scripts we serve for it. Refused submissions store nothing: files are
 * written only after the limit, the fields and the proof passed, and removed again when the submission
 * is refused afterwards.
 */
@ApiTags('public letter form')
@PublicRoute()
@Controller()
export class LetterFormController {
  constructor(
    private readonly form: LetterFormService,
    private readonly guard: LetterFormGuard,
    private readonly config: AppConfig,
  ) {}

  @Get('gui-don')
  @ApiOperation({ summary: 'The online letter form (Vietnamese, works without JavaScript)' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML page' })
  async page(@Query('tim') search: unknown, @Res() reply: FastifyReply) {
    const text = typeof search === 'string' ? search.trim().slice(0, 100) : '';
    return this.send(reply, 200, await this.formPage(text, {}, [], undefined, this.guard.ticket()));
  }

  @Post('gui-don')
  @ApiOperation({
    summary:
      'Files a letter from the online form (with up to 5 files); the receipt page shows code and secret once',
  })
  @ApiConsumes('multipart/form-data', 'application/x-www-form-urlencoded')
  @ApiProduces('text/html')
  @ApiOkResponse({
    description:
      '201 the receipt; 400 the form with its problems; 413 files or body too large, or too many files; 415 a file of a type not accepted; 429 past the per-address limit. Nothing is stored unless 201.',
  })
  async submit(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const wait = await this.guard.admit(request.ip);
    if (wait !== null) {
      // The body is not read: Node throws it away once the answer is sent.
      void reply.header('retry-after', String(wait));
      return this.send(reply, 429, { kind: 'too_many', retryAfterSeconds: wait });
    }
    let upload: MultipartForm | null = null;
    try {
      let values: FormValues;
      if (request.isMultipart()) {
        try {
          upload = await openMultipartForm(request, FORM_UPLOAD_LIMITS);
        } catch (error) {
          return this.refuseFiles(reply, {}, error, undefined);
        }
        values = formValuesOf(upload.fields);
      } else {
        values = formValuesOf(body);
      }
      const { problems, letter } = await this.form.read(values);
      if (upload?.declaredTooLarge) {
        // Refused before any file is read: the declared length is already past the cap.
        const tooLarge = FILE_REFUSAL.FORM_BODY_TOO_LARGE;
        const all = [...problems, { field: 'tep' as const, message: tooLarge.message }];
        return this.send(
          reply,
          tooLarge.status,
          await this.formPage('', values, all, undefined, values.phieu),
        );
      }
      if (!letter) {
        return this.send(reply, 400, await this.formPage('', values, problems, undefined, values.phieu));
      }
      const outcome = await this.guard.check(values);
      if (!outcome.ok) {
        // The ticket's wait continues: a person who sent too early keeps theirs.
        const ticket = outcome.reason === 'too_fast' ? values.phieu : undefined;
        return this.send(
          reply,
          400,
          await this.formPage('', values, [], GUARD_NOTICE[outcome.reason], ticket),
        );
      }
      // Only now are files written: the limit, the fields, the honeypot and the proof have passed.
      let files: StoredAttachment[] = [];
      if (upload) {
        try {
          files = await this.form.receiveFiles(upload, letter);
        } catch (error) {
          // Nothing was stored: the proof (or the no-JS ticket, without a new wait) may be used again.
          this.guard.release(outcome);
          return this.refuseFiles(reply, values, error, values.phieu);
        }
      }
      const result = await this.form.file(letter, String(request.id), files);
      if ('problems' in result) {
        this.guard.release(outcome);
        return this.send(
          reply,
          400,
          await this.formPage('', values, result.problems, undefined, values.phieu),
        );
      }
      return this.send(reply, 201, { kind: 'receipt', ...result.filed });
    } finally {
      upload?.abandon();
    }
  }

  @Get('gui-don/thu-thach')
  @ApiOperation({ summary: 'A proof-of-work challenge (ALTCHA) for the online form’s widget' })
  @ApiOkResponse({ description: 'The challenge: parameters and signature' })
  async challenge(@Res() reply: FastifyReply) {
    return reply.header('cache-control', 'no-store').send(await this.guard.challenge());
  }

  @Get('gui-don/tai-nguyen/:file')
  @ApiOperation({ summary: 'The online form’s scripts: the ALTCHA widget, its worker and ours' })
  @ApiOkResponse({ description: 'JavaScript or CSS; 404 for any other name' })
  asset(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const found = formAssets().get(file);
    if (!found) {
      return reply.status(404).type(HTML).send('<!doctype html><html lang="vi"><title>404</title></html>');
    }
    void reply.header('etag', found.etag).header('cache-control', 'public, max-age=3600');
    if (request.headers['if-none-match'] === found.etag) return reply.status(304).send();
    return reply.type(found.type).send(found.body);
  }

  /** A submission refused for its files (or its multipart body): the form again, what was typed kept. */
  private async refuseFiles(
    reply: FastifyReply,
    values: FormValues,
    error: unknown,
    ticket: string | undefined,
  ) {
    const code = error instanceof DomainError ? error.code : '';
    const refusal = Object.hasOwn(FILE_REFUSAL, code) ? FILE_REFUSAL[code as FileRefusal] : null;
    if (!refusal) throw error;
    const problems = [{ field: 'tep' as const, message: refusal.message }];
    return this.send(reply, refusal.status, await this.formPage('', values, problems, undefined, ticket));
  }

  private async formPage(
    search: string,
    values: FormValues,
    problems: readonly FormProblem[],
    notice: string | undefined,
    ticket: string | undefined,
  ): Promise<FormPageInput> {
    return {
      kind: 'form',
      units: await this.form.units(search),
      search,
      // The proof fields are never refilled: the widget solves afresh, the ticket is given separately.
      values: { ...values, altcha: undefined, phieu: undefined, trangWeb: undefined },
      problems,
      notice,
      ticket: ticket ?? this.guard.ticket(),
      noJsWaitSeconds: this.config.onlineForm.noJsWaitSeconds,
    };
  }

  /** Never cached: the form carries a fresh ticket, the receipt a secret. */
  private send(reply: FastifyReply, status: number, page: FormPageInput) {
    return reply.status(status).header('cache-control', 'no-store').type(HTML).send(renderFormPage(page));
  }
}
