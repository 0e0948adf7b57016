import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { escapeHtml as e } from '../../common/http/html.js';
import { viDate } from '../../common/domain/vietnamese-format.js';
import { PublicRoute } from '../../common/http/public-route.decorator.js';
import { renderFormPage, type FormPageInput } from './letter-form-page.html.js';
import { LetterEmailsService, UNSUBSCRIBE_PATH } from './letter-emails.service.js';

const text = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 200) : '');

/**
 * The links of the citizen's e-mails (no login): /xac-thuc-thu checks a mail's signature and shows what
 * the genuine mail said; /huy-nhan-thu asks to confirm (GET never changes anything: mail scanners open
 * links) and POST ends the subscription.
 */
@ApiTags('public letter form')
@PublicRoute()
@Controller()
export class LetterEmailsController {
  constructor(private readonly emails: LetterEmailsService) {}

  @Get('xac-thuc-thu')
  @ApiOperation({ summary: 'Checks the signature of an e-mail about a letter (the link in the mail)' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The genuine message; 404 when the signature does not verify' })
  async verify(@Query('thu') id: unknown, @Query('chu-ky') signature: unknown, @Res() reply: FastifyReply) {
    const found = await this.emails.verify(text(id), text(signature));
    if (!found) {
      return send(reply, 404, {
        kind: 'notice',
        status: 'error',
        heading: 'Không xác thực được thư',
        html: '<p>Liên kết này không khớp với thư nào cơ quan đã gửi. Thư có thể bị giả mạo: đừng làm theo hướng dẫn trong thư; tra cứu đơn trực tiếp tại <a href="/tra-cuu-don">trang tra cứu tình trạng đơn</a>.</p>',
      });
    }
    return send(reply, 200, {
      kind: 'notice',
      status: 'ok',
      heading: 'Thư đúng do cơ quan gửi',
      html: `<p>Cơ quan đã gửi thư về đơn <strong>${e(found.receiptCode)}</strong> với nội dung:</p>
<p><time datetime="${e(found.date)}">${e(viDate(found.date))}</time>: ${e(found.text)}</p>
<p>Nếu thư bạn nhận nói khác điều này, thư đã bị sửa.</p>`,
    });
  }

  @Get('huy-nhan-thu')
  @ApiOperation({ summary: 'Asks to confirm ending the e-mails about a letter (the link in the mail)' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML page with a confirmation button' })
  confirm(@Query('ma') token: unknown, @Res() reply: FastifyReply) {
    return send(reply, 200, {
      kind: 'notice',
      status: 'ok',
      heading: 'Ngừng nhận thư về đơn',
      html: `<form method="post" action="${UNSUBSCRIBE_PATH}">
<input type="hidden" name="ma" value="${e(text(token))}">
<p>Bấm nút dưới đây để ngừng nhận thư thông báo về đơn này. Bạn vẫn tra cứu được đơn bằng mã tra cứu và mật mã.</p>
<div><button type="submit">Ngừng nhận thư</button></div>
</form>`,
    });
  }

  @Post('huy-nhan-thu')
  @ApiOperation({ summary: 'Ends the e-mails about a letter' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML page; 404 for an unknown token' })
  async unsubscribe(@Body() body: unknown, @Res() reply: FastifyReply) {
    const token = text(typeof body === 'object' && body !== null ? (body as { ma?: unknown }).ma : undefined);
    const done = await this.emails.unsubscribe(token);
    return send(reply, done ? 200 : 404, {
      kind: 'notice',
      status: done ? 'ok' : 'error',
      heading: done ? 'Đã ngừng gửi thư' : 'Không tìm thấy đăng ký nhận thư',
      html: done
        ? '<p>Bạn sẽ không nhận thêm thư về đơn này. Tình trạng đơn vẫn xem được tại <a href="/tra-cuu-don">trang tra cứu</a>.</p>'
        : '<p>Liên kết ngừng nhận thư không đúng. Hãy dùng liên kết trong thư bạn nhận được.</p>',
    });
  }
}

function send(reply: FastifyReply, status: number, page: FormPageInput) {
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(renderFormPage(page));
}
