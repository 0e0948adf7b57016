import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicRoute } from '../common/http/public-route.decorator.js';
import { DashboardAccess } from './dashboard-access.service.js';
import { renderDashboardPage, renderRefusalPage } from './dashboard-page.html.js';
import { DashboardService } from './dashboard.service.js';

const HTML = 'text/html; charset=utf-8';

/**
 * The dashboard page (outside /api/v1, not in the OpenAPI document): no bearer token — a browser cannot
 * send one — but the page-session cookie of POST /api/v1/dashboard/session, checked on every request.
 */
@ApiExcludeController()
@PublicRoute()
@Controller()
export class DashboardPageController {
  constructor(
    private readonly access: DashboardAccess,
    private readonly dashboards: DashboardService,
  ) {}

  @Get('bang-dieu-khien')
  async page(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const result = await this.access.check(request.headers.cookie, {
      requestId: String(request.id),
      clientIp: request.ip ?? null,
    });
    void reply.header('cache-control', 'no-store').type(HTML);
    if (result.outcome !== 'ok') {
      const status = result.outcome === 'unauthenticated' ? 401 : 403;
      return reply.status(status).send(renderRefusalPage(status));
    }
    const body = renderDashboardPage(await this.dashboards.dashboard(result.actor));
    return reply.status(200).send(body);
  }
}
