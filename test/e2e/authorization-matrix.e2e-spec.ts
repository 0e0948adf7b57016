import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { ROLES, ROLE_PERMISSIONS, type Permission, type Role } from '../../src/auth/domain/roles.js';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { UnitsService } from '../../src/units/units.service.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, TEST_PASSWORD, twoAgencies, uniqueCode, uniqueEmail } from '../support/fixtures.js';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

type World = Awaited<ReturnType<typeof twoAgencies>> & {
  app: NestFastifyApplication;
  server: ReturnType<NestFastifyApplication['getHttpServer']>;
  tokens: Record<Role, string>;
  freshUnit: (scope: Scope) => Promise<{ id: string }>;
  freshUser: (scope: Scope) => Promise<{ id: string }>;
  freshSignIn: (role: Role) => Promise<{ accessToken: string }>;
};
type Scope = 'in' | 'out';
interface Call {
  path: string;
  body?: unknown;
  /** Overrides the role's token (routes that end or change the caller's own sign-in). */
  token?: string;
}
interface Rule {
  access: 'public' | 'authenticated' | Permission;
  /** The route takes a record: out of scope it must answer 404 (except for the admin, who sees all). */
  scoped: boolean;
  success: number;
  make: (w: World, scope: Scope, role: Role) => Promise<Call>;
}

/**
 * Every route of the application × every role × in / out of the role's unit scope. The route list comes
 * from the OpenAPI document, so a route added without a rule here fails this test.
 */
const MATRIX: Record<string, Rule> = {
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
  'GET /api/v1/audit-entries': {
    access: 'audit:read',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/audit-entries' }),
  },
};

function expectedStatus(rule: Rule, role: Role, scope: Scope): number {
  const allowed =
    rule.access === 'authenticated' || ROLE_PERMISSIONS[role].includes(rule.access as Permission);
  if (!allowed) return 403;
  if (scope === 'out' && rule.scoped && role !== 'admin') return 404;
  return rule.success;
}

describe('authorization matrix', () => {
  let app: NestFastifyApplication;
  let world: World;
  let routes: string[];

  beforeAll(async () => {
    app = await startApi();
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    const base = await twoAgencies(app);
    const server = app.getHttpServer();
    const tokens = {} as Record<Role, string>;
    for (const role of ROLES) tokens[role] = (await login(server, base.users[role].email)).accessToken;
    world = {
      ...base,
      app,
      server,
      tokens,
      freshUnit: (scope) =>
        base.f.unit('Tổ công tác', 'division', scope === 'in' ? base.divisionA.id : base.divisionB.id),
      freshUser: (scope) =>
        base.f.user(scope === 'in' ? base.divisionA.id : base.divisionB.id, ['case_handler']),
      freshSignIn: async (role) => {
        const user = await base.f.user(
          role === 'inspectorate_leader' ? base.inspectorateA.id : base.divisionA.id,
          [role],
        );
        return login(server, user.email);
      },
    };
    const doc = await request(server).get('/api/docs-json').expect(200);
    routes = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
  });
  afterAll(async () => {
    await app?.close();
  });

  async function call(method: string, c: Call, token?: string) {
    const m = method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    let req = request(world.server)[m](c.path);
    if (token) req = req.set('authorization', `Bearer ${token}`);
    return c.body === undefined ? req : req.send(c.body as object);
  }

  it('has a rule for every route of the application, and no rule for a route that does not exist', () => {
    expect([...routes].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(Object.keys(MATRIX))('%s answers every role as its rule says', async (route) => {
    const rule = MATRIX[route];
    const [method] = route.split(' ');
    const failures: string[] = [];
    if (rule.access === 'public') {
      const res = await call(method, await rule.make(world, 'in', 'case_handler'));
      if (res.status !== rule.success) failures.push(`anonymous: ${res.status} ${JSON.stringify(res.body)}`);
    } else {
      const anonymous = await call(method, await rule.make(world, 'in', 'case_handler'));
      if (anonymous.status !== 401 || anonymous.body.code !== 'AUTH_REQUIRED')
        failures.push(`anonymous: ${anonymous.status}`);
      for (const role of ROLES) {
        for (const scope of rule.scoped ? (['in', 'out'] as const) : (['in'] as const)) {
          const c = await rule.make(world, scope, role);
          const res = await call(method, c, c.token ?? world.tokens[role]);
          const expected = expectedStatus(rule, role, scope);
          if (res.status !== expected)
            failures.push(
              `${role}/${scope}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`,
            );
          else if (expected === 403 && res.body.code !== 'AUTH_FORBIDDEN')
            failures.push(`${role}/${scope}: 403 with ${res.body.code}`);
          else if (expected === 404 && !/_NOT_FOUND$/.test(res.body.code))
            failures.push(`${role}/${scope}: 404 with ${res.body.code}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
