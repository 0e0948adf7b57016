import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QUEUES } from '../queue/queues.js';
import { QUEUE_BOARD_PATH, QueueBoardAccess, type BoardAccess } from './queue-board-access.service.js';

interface Refusal {
  statusCode: number;
  code: string;
  message: string;
}

const REFUSALS: Record<Exclude<BoardAccess, 'ok'>, Refusal> = {
  unauthenticated: {
    statusCode: 401,
    code: 'QUEUE_BOARD_SESSION_REQUIRED',
    message:
      'Open a board session first: POST /api/v1/admin/queue-board-session as an administrator, from this browser.',
  },
  forbidden: {
    statusCode: 403,
    code: 'AUTH_FORBIDDEN',
    message: 'Your roles do not allow this action.',
  },
};

/**
 * Bull Board for every queue of queue/queues.ts at /admin/queues (outside /api/v1), for administrators
 * only (docs/operations-queues.md). The board is a Fastify plugin, so Nest's guards never see its
 * routes: an onRequest hook in its own encapsulated scope checks the board-session cookie on every
 * request (pages, static files and its JSON API alike). Call after helmet is registered, so the board's
 * pages get the same headers and Content-Security-Policy as every other page.
 */
export async function registerQueueBoard(app: NestFastifyApplication): Promise<void> {
  const access = app.get(QueueBoardAccess, { strict: false });
  const logger = new Logger('QueueBoard');
  const serverAdapter = new BoardAdapter().setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map(
      (q) => new BullMQAdapter(app.get<Queue>(getQueueToken(q.name), { strict: false })),
    ),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'tiepdan — hàng đợi', hideDocsLink: true } },
  });
  const refuse = (reply: FastifyReply, request: FastifyRequest, body: Refusal) =>
    reply
      .code(body.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .header('cache-control', 'no-store')
      .send({ ...body, details: [], requestId: request.id });

  await app
    .getHttpAdapter()
    .getInstance()
    .register(
      async (board) => {
        board.addHook('onRequest', async (request, reply) => {
          let outcome: BoardAccess;
          try {
            outcome = await access.check(request.headers.cookie);
          } catch (error) {
            logger.error(`board access check failed (${(error as Error).name})`);
            return refuse(reply, request, {
              statusCode: 503,
              code: 'UNAVAILABLE',
              message: 'The board cannot check your session right now; try again.',
            });
          }
          if (outcome !== 'ok') return refuse(reply, request, REFUSALS[outcome]);
        });
        await board.register(serverAdapter.registerPlugin());
      },
      { prefix: QUEUE_BOARD_PATH },
    );
}
