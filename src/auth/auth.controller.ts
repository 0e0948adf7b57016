import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicRoute } from '../common/http/public-route.decorator.js';
import type { AuthenticatedRequest } from './access.guard.js';
import { AuthService } from './auth.service.js';
import { CurrentActor } from './current-actor.decorator.js';
import type { Actor } from './domain/actor.js';
import { ChangePasswordDto, LoginDto, MeView, RefreshDto, TokenPairView } from './dto/auth.dto.js';
import { RequireAuthentication } from './require-permission.decorator.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @PublicRoute()
  @ApiOperation({ summary: 'Sign in: a short-lived access token and a rotating refresh token' })
  @ApiOkResponse({ type: TokenPairView })
  login(@Body() dto: LoginDto, @Req() request: AuthenticatedRequest) {
    return this.auth.login(dto.email, dto.password, { requestId: String(request.id), clientIp: request.ip });
  }

  @Post('refresh')
  @HttpCode(200)
  @PublicRoute()
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair (a reused token ends the session)' })
  @ApiOkResponse({ type: TokenPairView })
  refresh(@Body() dto: RefreshDto, @Req() request: AuthenticatedRequest) {
    return this.auth.refresh(dto.refreshToken, { requestId: String(request.id), clientIp: request.ip });
  }

  @Post('logout')
  @HttpCode(204)
  @RequireAuthentication()
  @ApiOperation({ summary: 'End this sign-in (its access and refresh tokens stop working)' })
  async logout(@CurrentActor() actor: Actor, @Req() request: AuthenticatedRequest) {
    await this.auth.logout(actor, request.sessionId!);
  }

  @Post('password')
  @HttpCode(204)
  @RequireAuthentication()
  @ApiOperation({ summary: 'Change your password; your other sign-ins end' })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Req() request: AuthenticatedRequest,
    @Body() dto: ChangePasswordDto,
  ) {
    await this.auth.changePassword(actor, request.sessionId!, dto.currentPassword, dto.newPassword);
  }

  @Get('me')
  @RequireAuthentication()
  @ApiOperation({ summary: 'Your account, roles, permissions and unit scope' })
  @ApiOkResponse({ type: MeView })
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }
}
