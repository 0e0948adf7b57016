import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { PUBLIC_ROUTE } from '../common/http/public-route.decorator.js';
import { AuthErrors } from './auth.errors.js';
import { AuthService } from './auth.service.js';
import type { Actor } from './domain/actor.js';
import type { Permission } from './domain/roles.js';
import { AUTHENTICATED, REQUIRED_PERMISSION } from './require-permission.decorator.js';

export type AuthenticatedRequest = FastifyRequest & { actor?: Actor; sessionId?: string };

/**
 * Every route is closed unless it is `@PublicRoute()` or declares what it needs: a signed-in user
 * (`@RequireAuthentication()`) or a permission (`@RequirePermission(…)`). Unit scope is then enforced by
 * the services' queries.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const required = this.reflector.getAllAndOverride<Permission | typeof AUTHENTICATED>(
      REQUIRED_PERMISSION,
      targets,
    );
    if (!required) throw AuthErrors.routeNotDeclared();

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
    if (!match) throw AuthErrors.required();
    const { sessionId, ...actor } = await this.auth.authenticate(match[1], {
      requestId: String(request.id),
      clientIp: request.ip,
    });
    request.actor = actor;
    request.sessionId = sessionId;
    if (required !== AUTHENTICATED && !actor.permissions.has(required)) throw AuthErrors.forbidden();
    return true;
  }
}
