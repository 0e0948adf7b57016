import { Controller, Get, Header, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../auth/access.guard.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { isSecureRequest } from '../common/http/signed-session-cookie.js';
import { AppConfig } from '../config/app-config.js';
import { DASHBOARD_PAGE_PATH, DASHBOARD_PERMISSION, DashboardAccess } from './dashboard-access.service.js';
import { DashboardSessionView, DashboardView } from './dashboard.dto.js';
import { DashboardService } from './dashboard.service.js';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly dashboards: DashboardService,
    private readonly access: DashboardAccess,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @RequirePermission(DASHBOARD_PERMISSION)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: "The inspectorate dashboard's figures, within the viewer's units",
    description:
      'Cases by state and month (12 months, by received_on), overdue open deadlines by unit (top 10), the on-time rate of resolution deadlines per month, and the enforcement backlog by status and unit. Counts and unit names only.',
  })
  @ApiOkResponse({ type: DashboardView })
  dashboard(@CurrentActor() actor: Actor): Promise<DashboardView> {
    return this.dashboards.dashboard(actor);
  }

  @Post('session')
  @HttpCode(200)
  @RequirePermission(DASHBOARD_PERMISSION)
  @ApiOperation({
    summary: 'Open the dashboard page (/bang-dieu-khien) in this browser for 15 minutes',
    description:
      'Sets an HttpOnly, SameSite=Strict cookie scoped to /bang-dieu-khien (Secure over https); it ends with the sign-in it came from.',
  })
  @ApiOkResponse({ type: DashboardSessionView })
  async open(
    @CurrentActor() actor: Actor,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DashboardSessionView> {
    const { token, expiresAt } = await this.access.open(actor, request.sessionId!);
    const secure = isSecureRequest(request, this.config.http.publicBaseUrl);
    void reply.header('set-cookie', this.access.cookie.setCookie(token, secure));
    void reply.header('cache-control', 'no-store');
    return { url: DASHBOARD_PAGE_PATH, expiresAt: expiresAt.toISOString() };
  }
}
