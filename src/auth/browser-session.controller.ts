import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../common/domain/domain-error.js';
import { PublicRoute } from '../common/http/public-route.decorator.js';
import type { AuthenticatedRequest } from './access.guard.js';
import { AuthErrors } from './auth.errors.js';
import { AuthService, type TokenPair } from './auth.service.js';
import { CurrentActor } from './current-actor.decorator.js';
import type { Actor } from './domain/actor.js';
import { LoginDto } from './dto/auth.dto.js';
import {
  clearedRefreshCookie,
  CONSOLE_HEADER,
  refreshCookie,
  refreshTokenFrom,
  requireConsoleHeader,
  setNoStore,
} from './refresh-cookie.js';
import { RequireAuthentication } from './require-permission.decorator.js';

/** A browser's sign-in: the access token only; the refresh token went into the HttpOnly cookie. */
export class BrowserSessionView {
  @ApiProperty() accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ description: 'When the sign-in ends at the latest (refreshing cannot extend it)' })
  refreshTokenExpiresAt: string;
}

const consoleHeader = ApiHeader({
  name: CONSOLE_HEADER,
  required: true,
  description: 'Must be "1" (closes cross-site request forgery on the cookie routes)',
});

/**
 * Sign-in for the officers' console (docs/console.md): the same sign-in, rotation and sign-out as
 * /auth/login, /auth/refresh and /auth/logout, with the refresh token in an HttpOnly; Secure;
 * SameSite=Strict cookie scoped to these routes instead of the JSON body.
 */
@ApiTags('auth')
@Controller('auth/browser')
export class BrowserSessionController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @PublicRoute()
  @consoleHeader
  @ApiOperation({ summary: 'Sign in from the console: access token in the body, refresh token in a cookie' })
  @ApiOkResponse({ type: BrowserSessionView })
  async login(
    @Body() dto: LoginDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BrowserSessionView> {
    requireConsoleHeader(request);
    const pair = await this.auth.login(dto.email, dto.password, {
      requestId: String(request.id),
      clientIp: request.ip,
    });
    return this.answer(pair, reply);
  }

  @Post('refresh')
  @HttpCode(200)
  @PublicRoute()
  @consoleHeader
  @ApiOperation({ summary: "Rotate the cookie's refresh token: a new access token and a new cookie" })
  @ApiOkResponse({ type: BrowserSessionView })
  async refresh(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BrowserSessionView> {
    requireConsoleHeader(request);
    const token = refreshTokenFrom(request);
    if (!token) throw AuthErrors.refreshInvalid();
    try {
      const pair = await this.auth.refresh(token, { requestId: String(request.id), clientIp: request.ip });
      return this.answer(pair, reply);
    } catch (error) {
      // A token that can no longer be used is dropped from the browser; a race (409) keeps the newer one.
      if (error instanceof DomainError && error.kind === 'unauthenticated') {
        void reply.header('set-cookie', clearedRefreshCookie());
      }
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @RequireAuthentication()
  @consoleHeader
  @ApiOperation({ summary: 'Sign out from the console: the session ends on the server and the cookie goes' })
  async logout(
    @CurrentActor() actor: Actor,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    requireConsoleHeader(request);
    await this.auth.logout(actor, request.sessionId!);
    void reply.header('set-cookie', clearedRefreshCookie());
    setNoStore(reply);
  }

  private answer(pair: TokenPair, reply: FastifyReply): BrowserSessionView {
    const expiresAt = new Date(pair.refreshTokenExpiresAt);
    void reply.header('set-cookie', refreshCookie(pair.refreshToken, expiresAt, new Date()));
    setNoStore(reply);
    return {
      accessToken: pair.accessToken,
      tokenType: pair.tokenType,
      expiresIn: pair.expiresIn,
      refreshTokenExpiresAt: pair.refreshTokenExpiresAt,
    };
  }
}
