import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../auth/access.guard.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { isSecureRequest } from '../common/http/signed-session-cookie.js';
import { AppConfig } from '../config/app-config.js';
import { QUEUE_BOARD_PATH, QUEUE_BOARD_PERMISSION, QueueBoardAccess } from './queue-board-access.service.js';

export class QueueBoardSessionView {
  @ApiProperty({ example: '/admin/queues/', description: 'Open this page in the same browser.' })
  url: string;

  @ApiProperty({ example: '2026-11-25T09:15:00.000Z' })
  expiresAt: string;
}

@ApiTags('operations')
@Controller('admin')
export class QueueBoardSessionController {
  constructor(
    private readonly access: QueueBoardAccess,
    private readonly config: AppConfig,
  ) {}

  @Post('queue-board-session')
  @HttpCode(200)
  @RequirePermission(QUEUE_BOARD_PERMISSION)
  @ApiOperation({
    summary: 'Open the queue board (Bull Board) in this browser for 15 minutes',
    description:
      'Administrators only. Sets an HttpOnly, SameSite=Strict cookie scoped to /admin/queues (Secure over https) that lets this browser open the board; it ends with the sign-in it came from.',
  })
  @ApiOkResponse({ type: QueueBoardSessionView })
  async open(
    @CurrentActor() actor: Actor,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<QueueBoardSessionView> {
    const { token, expiresAt } = await this.access.open(actor, request.sessionId!);
    const secure = isSecureRequest(request, this.config.http.publicBaseUrl);
    void reply.header('set-cookie', this.access.cookie.setCookie(token, secure));
    void reply.header('cache-control', 'no-store');
    return { url: `${QUEUE_BOARD_PATH}/`, expiresAt: expiresAt.toISOString() };
  }
}
