import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import fc from 'fast-check';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { DEADLINE_RULES } from '../../src/deadlines/domain/deadline-rules.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';

jest.setTimeout(60_000);

describe('deadlines over HTTP: the preview calculator and the rule table', () => {
  let app: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let officer: string;
  const api = () => request(app.getHttpServer());
  const preview = (body: unknown, token = officer) =>
    api()
      .post('/api/v1/deadlines/preview')
      .set('authorization', `Bearer ${token}`)
      .send(body as object);

  beforeAll(async () => {
    app = await startApi();
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    officer = (await login(app.getHttpServer(), world.users.reception_officer.email)).accessToken;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('computes a deadline with its explanation, versions and citation', async () => {
    const res = await preview({ rule: 'KN-3', trigger: '2026-01-16', options: { complicated: true } }).expect(
      200,
    );
    expect(res.body).toMatchObject({
      unitId: null,
      calendarId: 'vn-public-sector',
      ruleId: 'KN-3',
      ruleVersion: 'KN-3/v1',
      trigger: '2026-01-16',
      due: '2026-03-02',
      rawEnd: '2026-03-02',
      unit: 'calendar_days',
      days: 45,
      variant: 'complicated',
      legalBasis: expect.stringContaining('LKN 02/2011/QH13 art. 28'),
      policyVersion: 'vn-default:makeup=counted,roll=next-working-day,extend=raw-end',
      provisional: false,
      provisionalYears: [],
    });
    expect(res.body.calendarVersion).toMatch(/^vn-public-sector@[0-9a-f]{16}$/);
    expect(res.body.explanation.vi.length).toBeGreaterThan(0);
    expect(res.body.explanation.en.join(' ')).toContain('2026-03-02');
  });

  it('counts on the unit’s calendar when a unit in scope is given, and flags provisional years', async () => {
    const res = await preview({ rule: 'TC-1', trigger: '2027-12-28', unitId: world.schoolA.id }).expect(200);
    expect(res.body).toMatchObject({
      unitId: world.schoolA.id,
      provisional: true,
      provisionalYears: [2027, 2028],
    });
    // KN-2 across 1 Jul 2026 picks the version in force on the trigger date, with the law's reading.
    const kn2 = await preview({ rule: 'KN-2', trigger: '2026-07-01' }).expect(200);
    expect(kn2.body).toMatchObject({ ruleVersion: 'KN-2/v2', days: 7, unit: 'working_days' });
    expect(kn2.body.lawReading).toMatchObject({ days: 10, unit: 'calendar_days' });
  });

  const badInput: [name: string, body: unknown, status: number, code: string][] = [
    ['an unknown rule', { rule: 'KN-99', trigger: '2026-01-16' }, 400, 'DEADLINE_UNKNOWN_RULE'],
    ['an impossible date', { rule: 'KN-3', trigger: '2026-02-30' }, 400, 'DATE_INVALID'],
    ['a date in the wrong shape', { rule: 'KN-3', trigger: '16/01/2026' }, 400, 'DATE_INVALID'],
    [
      'an option the rule does not have (remote on KL-4)',
      { rule: 'KL-4', trigger: '2026-01-16', options: { remote: true } },
      422,
      'DEADLINE_OPTION_NOT_APPLICABLE',
    ],
    [
      'more extensions than the rule allows',
      { rule: 'TC-3', trigger: '2026-03-02', options: { extensions: 3 } },
      422,
      'DEADLINE_TOO_MANY_EXTENSIONS',
    ],
    [
      'a suspension that resumes before it starts',
      {
        rule: 'TC-3',
        trigger: '2026-03-02',
        options: { suspensions: [{ suspended: '2026-03-10', resumed: '2026-03-05' }] },
      },
      400,
      'DEADLINE_SUSPENSION_RESUMES_BEFORE_START',
    ],
    ['a trigger before the calendar', { rule: 'KN-3', trigger: '2019-12-31' }, 422, 'CALENDAR_OUT_OF_RANGE'],
    ['a trigger after the calendar', { rule: 'KN-3', trigger: '2061-01-05' }, 422, 'CALENDAR_OUT_OF_RANGE'],
    ['a due date past the calendar', { rule: 'KN-3', trigger: '2060-12-20' }, 422, 'CALENDAR_OUT_OF_RANGE'],
    [
      'an unknown option',
      { rule: 'KN-3', trigger: '2026-01-16', options: { urgent: true } },
      400,
      'DEADLINE_OPTION_INVALID',
    ],
    [
      'an option of the wrong type',
      { rule: 'KN-3', trigger: '2026-01-16', options: { complicated: 'yes' } },
      400,
      'DEADLINE_OPTION_INVALID',
    ],
    [
      'a rule that is not in force yet',
      { rule: 'KN-12', trigger: '2026-06-30' },
      422,
      'DEADLINE_RULE_NOT_IN_FORCE',
    ],
    ['a rule without a period', { rule: 'TC-9', trigger: '2026-06-30' }, 422, 'DEADLINE_RULE_NOT_COMPUTABLE'],
    ['no rule at all', { trigger: '2026-01-16' }, 400, 'VALIDATION_FAILED'],
    [
      'options that are not an object',
      { rule: 'KN-3', trigger: '2026-01-16', options: [1] },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a unit id that is not an id',
      { rule: 'KN-3', trigger: '2026-01-16', unitId: 'x' },
      400,
      'VALIDATION_FAILED',
    ],
    ['an unknown field', { rule: 'KN-3', trigger: '2026-01-16', when: 'now' }, 400, 'VALIDATION_FAILED'],
  ];

  it.each(badInput.map(([name, body, status, code]) => ({ name, body, status, code })))(
    'answers $name with $status $code',
    async ({ body, status, code }) => {
      const res = await preview(body);
      expect([res.status, res.body.code]).toEqual([status, code]);
      expect(typeof res.body.message).toBe('string');
    },
  );

  it('answers a unit outside the caller’s units (or no unit at all) with 404 UNIT_NOT_FOUND', async () => {
    for (const unitId of [world.schoolB.id, '0194f0a0-0000-7000-8000-000000000000']) {
      const res = await preview({ rule: 'KN-3', trigger: '2026-01-16', unitId });
      expect([res.status, res.body.code]).toEqual([404, 'UNIT_NOT_FOUND']);
    }
  });

  it('never answers 500, whatever the body (property)', async () => {
    const date = fc.oneof(
      fc.constantFrom('2026-02-30', '2026-01-16', '2019-12-31', '2060-12-31', '', '2026-13-01'),
      fc.string({ maxLength: 12 }),
    );
    const options = fc.dictionary(
      fc.constantFrom(
        'remote',
        'complicated',
        'extensions',
        'multiSite',
        'dismissal',
        'obstacleDays',
        'suspensions',
        'x',
      ),
      fc.oneof(
        fc.boolean(),
        fc.integer({ min: -5, max: 50_000 }),
        fc.string({ maxLength: 5 }),
        fc.constant(null),
        fc.array(fc.record({ suspended: date, resumed: date }), { maxLength: 3 }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DEADLINE_RULES.map((r) => r.id), 'X-1'),
        date,
        fc.option(options, { nil: undefined }),
        async (rule, trigger, opts) => {
          const res = await preview({ rule, trigger, ...(opts === undefined ? {} : { options: opts }) });
          expect(res.status === 200 || (res.status >= 400 && res.status < 500)).toBe(true);
          if (res.status !== 200) expect(res.body.code).toMatch(/^[A-Z_]+$/);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('lists the rule table with versions, options and citations, to anyone (public law)', async () => {
    const res = await api().get('/api/v1/deadline-rules').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.body).toHaveLength(DEADLINE_RULES.length);
    const kn3 = res.body.find((r: { id: string }) => r.id === 'KN-3');
    expect(kn3).toMatchObject({
      group: 'KN',
      step: { vi: expect.any(String), en: expect.any(String) },
      versions: [
        {
          version: 'v1',
          unit: 'calendar_days',
          period: { days: 30, complicated: 45, remote: 45, remoteComplicated: 60 },
          options: ['remote', 'complicated', 'suspensions'],
          legalBasis: expect.stringContaining('LKN 02/2011/QH13 art. 28'),
        },
      ],
    });
    const kn2 = res.body.find((r: { id: string }) => r.id === 'KN-2');
    expect(kn2.versions.map((v: { effectiveFrom: string | null }) => v.effectiveFrom)).toEqual([
      null,
      '2026-07-01',
    ]);
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await api().get('/api/docs-json').expect(200)).body;
    expect(doc.paths['/api/v1/deadlines/preview'].post.responses['200']).toBeDefined();
    expect(doc.paths['/api/v1/deadline-rules'].get).toBeDefined();
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'DeadlinePreviewDto',
        'DeadlinePreviewView',
        'DeadlineRuleView',
        'DeadlineOptionsDoc',
      ]),
    );
  });
});
