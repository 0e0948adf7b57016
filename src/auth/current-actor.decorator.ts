import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from './domain/actor.js';

/** The actor the access guard resolved for this request (auth/access.guard.ts). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used on a route without authentication');
  return request.actor;
});
