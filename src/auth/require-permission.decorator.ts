import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Permission } from './domain/roles.js';

export const REQUIRED_PERMISSION = 'tiepdan:required-permission';

/**
 * The permission a route needs (auth/domain/roles.ts). Every route is either `@PublicRoute()` or
 * declares one; the access guard refuses anything else, and the authorization-matrix test fails.
 */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(SetMetadata(REQUIRED_PERMISSION, permission), ApiBearerAuth());

/** Authenticated, but any role will do (own profile, logout, own password). */
export const AUTHENTICATED = 'authenticated' as const;
export const RequireAuthentication = () =>
  applyDecorators(SetMetadata(REQUIRED_PERMISSION, AUTHENTICATED), ApiBearerAuth());
