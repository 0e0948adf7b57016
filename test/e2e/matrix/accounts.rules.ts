import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Permission, Role } from '../../../src/auth/domain/roles.js';
import { SYSTEM_ACTOR } from '../../../src/auth/domain/actor.js';
import { UnitsService } from '../../../src/units/units.service.js';
import { login, TEST_PASSWORD, type twoAgencies, uniqueCode, uniqueEmail } from '../../support/fixtures.js';

export type World = Awaited<ReturnType<typeof twoAgencies>> & {
  app: NestFastifyApplication;
  server: ReturnType<NestFastifyApplication['getHttpServer']>;
  tokens: Record<Role, string>;
  freshUnit: (scope: Scope) => Promise<{ id: string }>;
  freshUser: (scope: Scope) => Promise<{ id: string }>;
  freshSignIn: (role: Role) => Promise<{ accessToken: string }>;
};
export type Scope = 'in' | 'out';
export interface Call {
  path: string;
  body?: unknown;
  /** Overrides the role's token (routes that end or change the caller's own sign-in). */
  token?: string;
  /** Extra request headers (the console's header and cookie on the browser sign-in routes). */
  headers?: Record<string, string>;
}
export interface Rule {
  access: 'public' | 'authenticated' | Permission;
  /** The route takes a record: out of scope it must answer 404 (except for the admin, who sees all). */
  scoped: boolean;
  success: number;
  make: (w: World, scope: Scope, role: Role) => Promise<Call>;
  /**
   * For lists: ids of records outside every scoped role's units that must not appear anywhere in the
   * answer of a role other than the admin.
   */
  mustNotShow?: (w: World) => string[];
}

/**
 * Every route of the application × every role × in / out of the role's unit scope. The route list comes
 * from the OpenAPI document, so a route added without a rule here fails this test.
 */
export const ACCOUNT_RULES: Record<string, Rule> = {
  'GET /health/live': {
    access: 'public',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/health/live' }),
  },
  'GET /health/ready': {
    access: 'public',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/health/ready' }),
  },
  'POST /api/v1/auth/login': {
    access: 'public',
    scoped: false,
    success: 200,
    make: async (w) => {
      const user = await w.f.user(w.divisionA.id, ['case_handler']);
      return { path: '/api/v1/auth/login', body: { email: user.email, password: TEST_PASSWORD } };
    },
  },
  'POST /api/v1/auth/refresh': {
    access: 'public',
    scoped: false,
    success: 200,
    make: async (w) => {
      const user = await w.f.user(w.divisionA.id, ['case_handler']);
      const pair = await login(w.server, user.email);
      return { path: '/api/v1/auth/refresh', body: { refreshToken: pair.refreshToken } };
    },
  },
  'POST /api/v1/auth/logout': {
    access: 'authenticated',
    scoped: false,
    success: 204,
    make: async (w, _s, role) => ({
      path: '/api/v1/auth/logout',
      token: (await w.freshSignIn(role)).accessToken,
    }),
  },
  'POST /api/v1/auth/browser/login': {
    access: 'public',
    scoped: false,
    success: 200,
    make: async (w) => {
      const user = await w.f.user(w.divisionA.id, ['case_handler']);
      return {
        path: '/api/v1/auth/browser/login',
        headers: { 'x-tiepdan-console': '1' },
        body: { email: user.email, password: TEST_PASSWORD },
      };
    },
  },
  'POST /api/v1/auth/browser/refresh': {
    access: 'public',
    scoped: false,
    success: 200,
    make: async (w) => {
      const user = await w.f.user(w.divisionA.id, ['case_handler']);
      const pair = await login(w.server, user.email);
      return {
        path: '/api/v1/auth/browser/refresh',
        headers: { 'x-tiepdan-console': '1', cookie: `tiepdan_refresh=${pair.refreshToken}` },
      };
    },
  },
  'POST /api/v1/auth/browser/logout': {
    access: 'authenticated',
    scoped: false,
    success: 204,
    make: async (w, _s, role) => ({
      path: '/api/v1/auth/browser/logout',
      headers: { 'x-tiepdan-console': '1' },
      token: (await w.freshSignIn(role)).accessToken,
    }),
  },
  'POST /api/v1/auth/password': {
    access: 'authenticated',
    scoped: false,
    success: 204,
    make: async (w, _s, role) => ({
      path: '/api/v1/auth/password',
      token: (await w.freshSignIn(role)).accessToken,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'another-long-password' },
    }),
  },
  'GET /api/v1/auth/me': {
    access: 'authenticated',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/auth/me' }),
  },
  'GET /api/v1/units': {
    access: 'units:read',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/units' }),
    mustNotShow: (w) => [w.agencyB.id, w.divisionB.id, w.schoolB.id],
  },
  'GET /api/v1/units/{id}': {
    access: 'units:read',
    scoped: true,
    success: 200,
    make: async (w, s) => ({ path: `/api/v1/units/${s === 'in' ? w.schoolA.id : w.schoolB.id}` }),
  },
  'POST /api/v1/units': {
    access: 'units:write',
    scoped: true,
    success: 201,
    make: async (w, s) => ({
      path: '/api/v1/units',
      body: {
        code: uniqueCode('NEW'),
        name: 'Tổ mới',
        kind: 'division',
        parentId: s === 'in' ? w.divisionA.id : w.divisionB.id,
      },
    }),
  },
  'PATCH /api/v1/units/{id}': {
    access: 'units:write',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/units/${(await w.freshUnit(s)).id}`,
      body: { version: 1, name: 'Tên mới' },
    }),
  },
  'POST /api/v1/units/{id}/move': {
    access: 'units:write',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/units/${(await w.freshUnit(s)).id}/move`,
      body: { version: 1, parentId: s === 'in' ? w.schoolA.id : w.schoolB.id },
    }),
  },
  'POST /api/v1/units/{id}/deactivate': {
    access: 'units:write',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/units/${(await w.freshUnit(s)).id}/deactivate`,
      body: { version: 1 },
    }),
  },
  'POST /api/v1/units/{id}/activate': {
    access: 'units:write',
    scoped: true,
    success: 200,
    make: async (w, s) => {
      const unit = await w.freshUnit(s);
      await w.app.get(UnitsService).setActive(SYSTEM_ACTOR, unit.id, false, { version: 1 });
      return { path: `/api/v1/units/${unit.id}/activate`, body: { version: 2 } };
    },
  },
  'GET /api/v1/users': {
    access: 'users:read',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/users' }),
    mustNotShow: (w) => [w.outsider.id, w.outsider.email],
  },
  'GET /api/v1/users/{id}': {
    access: 'users:read',
    scoped: true,
    success: 200,
    make: async (w, s) => ({ path: `/api/v1/users/${s === 'in' ? w.users.case_handler.id : w.outsider.id}` }),
  },
  'POST /api/v1/users': {
    access: 'users:write',
    scoped: true,
    success: 201,
    make: async (w, s) => ({
      path: '/api/v1/users',
      body: {
        email: uniqueEmail('new'),
        fullName: 'Cán bộ mới',
        unitId: s === 'in' ? w.divisionA.id : w.divisionB.id,
        roles: ['case_handler'],
        password: TEST_PASSWORD,
      },
    }),
  },
  'PATCH /api/v1/users/{id}': {
    access: 'users:write',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/users/${(await w.freshUser(s)).id}`,
      body: { version: 1, fullName: 'Tên mới' },
    }),
  },
  'POST /api/v1/users/{id}/password': {
    access: 'users:write',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/users/${(await w.freshUser(s)).id}/password`,
      body: { version: 1, newPassword: 'a-brand-new-password' },
    }),
  },
  'GET /api/v1/users/roles': {
    access: 'users:read',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/users/roles' }),
  },
  'POST /api/v1/users/password-check': {
    access: 'users:write',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/users/password-check', body: { password: 'short' } }),
  },
  'POST /api/v1/users/{id}/sessions/end': {
    access: 'users:write',
    scoped: true,
    success: 200,
    make: async (w, s) => ({ path: `/api/v1/users/${(await w.freshUser(s)).id}/sessions/end` }),
  },
  'GET /api/v1/audit-entries': {
    access: 'audit:read',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/audit-entries?pageSize=200' }),
    mustNotShow: (w) => [w.agencyB.id, w.divisionB.id, w.schoolB.id, w.outsider.id, w.outsider.email],
  },
};
