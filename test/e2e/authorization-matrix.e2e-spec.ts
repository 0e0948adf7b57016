import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { ROLES, ROLE_PERMISSIONS, type Permission, type Role } from '../../src/auth/domain/roles.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { RECEPTION_RULES } from './matrix/reception.rules.js';
import { ACCOUNT_RULES, type Call, type Rule, type Scope, type World } from './matrix/accounts.rules.js';
import { CALENDAR_RULES } from './matrix/calendars.rules.js';
import { LETTER_RULES, type UploadCall } from './matrix/letters.rules.js';
import { DENUNCIATION_RULES } from './matrix/denunciations.rules.js';
import { ENFORCEMENT_RULES } from './matrix/enforcement.rules.js';
import { OPERATIONS_RULES } from './matrix/operations.rules.js';
import { NOTIFICATION_RULES } from './matrix/notifications.rules.js';
import { DASHBOARD_RULES } from './matrix/dashboard.rules.js';
import { WORK_ITEM_RULES } from './matrix/work-items.rules.js';
import { REPORT_RULES } from './matrix/reports.rules.js';
import { REPORT_RUN_RULES } from './matrix/report-runs.rules.js';
import { REPORTING_SCHEDULE_RULES } from './matrix/reporting-schedules.rules.js';
import { AUDIT_RULES } from './matrix/audit.rules.js';
import { ESCALATION_RULES } from './matrix/escalations.rules.js';
import { ESCALATION_LADDER_RULES } from './matrix/escalation-ladders.rules.js';
import { SUBJECT_ACCESS_RULES } from './matrix/subject-access.rules.js';
import { assignTo, expectedHeadStep, HEAD_STEP_RULES, type StepCaller } from './matrix/head-steps.rules.js';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * Every route of the application × every role × in / out of the role's unit scope. The route list comes
 * from the OpenAPI document, so a route added without a rule fails this test. Each feature keeps its
 * rules in ./matrix/<feature>.rules.ts.
 */
const MATRIX: Record<string, Rule> = {
  ...ACCOUNT_RULES,
  ...CALENDAR_RULES,
  ...RECEPTION_RULES,
  ...LETTER_RULES,
  ...DENUNCIATION_RULES,
  ...ENFORCEMENT_RULES,
  ...OPERATIONS_RULES,
  ...NOTIFICATION_RULES,
  ...DASHBOARD_RULES,
  ...WORK_ITEM_RULES,
  ...REPORT_RULES,
  ...REPORT_RUN_RULES,
  ...REPORTING_SCHEDULE_RULES,
  ...AUDIT_RULES,
  ...ESCALATION_RULES,
  ...ESCALATION_LADDER_RULES,
  ...SUBJECT_ACCESS_RULES,
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
    for (const [name, value] of Object.entries(c.headers ?? {})) req = req.set(name, value);
    const upload = (c as UploadCall).attach;
    if (upload) return req.attach(upload.field, upload.buffer, upload.filename);
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
          else if (expected === rule.success && rule.mustNotShow && role !== 'admin') {
            const body = JSON.stringify(res.body);
            const leaked = rule.mustNotShow(world).filter((id) => body.includes(id));
            if (leaked.length)
              failures.push(`${role}/${scope}: shows records outside its units: ${leaked.join(', ')}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  // The head's decisions inside the one transitions route: per role, in and out of scope, and by an
  // assignee who heads a unit below the case's (issue 14, finding 3).
  let assignee: { id: string; token: string } | undefined;
  it.each(HEAD_STEP_RULES.map((r) => [`${r.kind} ${r.event}`, r] as const))(
    "the head step %s answers every role as the head's authority says",
    async (_name, rule) => {
      if (!assignee) {
        const user = await world.f.user(world.schoolA.id, ['unit_head', 'case_handler']);
        assignee = { id: user.id, token: (await login(world.server, user.email)).accessToken };
      }
      const failures: string[] = [];
      const callers: StepCaller[] = [...ROLES, 'assigned'];
      for (const caller of callers) {
        for (const scope of caller === 'assigned' ? (['in'] as const) : (['in', 'out'] as const)) {
          const c = await rule.make(world, scope);
          let token = caller === 'assigned' ? assignee.token : world.tokens[caller];
          if (caller === 'assigned') {
            const version = await assignTo(world, rule.kind, c.caseId, assignee.id);
            c.body = { ...(c.body as object), version };
            token = assignee.token;
          }
          const res = await call('POST', c, token);
          const expected = expectedHeadStep(caller, scope);
          if (res.status !== expected.status || (expected.code && res.body.code !== expected.code))
            failures.push(
              `${caller}/${scope}: expected ${expected.status} ${expected.code}, got ${res.status} ${JSON.stringify(res.body)}`,
            );
        }
      }
      expect(failures).toEqual([]);
    },
  );
});
