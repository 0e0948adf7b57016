import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ROLES, type Role } from '../../src/auth/domain/roles.js';
import { Clock } from '../../src/common/clock.js';
import { addDays } from '../../src/common/domain/local-date.js';
import { AppConfig } from '../../src/config/app-config.js';
import { foldVietnamese } from '../../src/common/domain/vietnamese-text.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { login, twoAgencies } from '../support/fixtures.js';
import {
  databaseCells,
  describeHit,
  filesUnder,
  findMarkers,
  markedDenouncer,
  needlesOf,
  redisDump,
  xlsxText,
  type Hit,
  type MarkedDenouncer,
  type Needle,
} from '../support/leak.js';
import { ACCOUNT_RULES, type Call, type Rule, type World } from './matrix/accounts.rules.js';
import { CALENDAR_RULES } from './matrix/calendars.rules.js';
import { DENUNCIATION_RULES } from './matrix/denunciations.rules.js';
import { LETTER_RULES, type UploadCall } from './matrix/letters.rules.js';
import { RECEPTION_RULES } from './matrix/reception.rules.js';
import { DASHBOARD_RULES } from './matrix/dashboard.rules.js';
import { WORK_ITEM_RULES } from './matrix/work-items.rules.js';
import { ENFORCEMENT_RULES } from './matrix/enforcement.rules.js';
import { NOTIFICATION_RULES } from './matrix/notifications.rules.js';
import { OPERATIONS_RULES } from './matrix/operations.rules.js';
import { REPORT_RULES } from './matrix/reports.rules.js';
import { ALL_PASSED } from '../support/eligibility.js';

/** Every route of the application (the authorization matrix's rules). */
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
};

/**
 * The letters of the test, all denunciations of division A (in every role's scope), logged over HTTP by
 * the reception officer (the receiver):
 * - L1: accepted, and the case accepted by the unit head (who may then see the denouncer);
 * - L2: accepted, the case not yet accepted by anyone;
 * - L3: registered; the case handler's reveal request approved by the custodian;
 * - L4: registered only;
 * - L5: registered, its text writing the identifiers the way people do ("0903 123 401", "079.301…").
 */
const CORE = ['L1', 'L2', 'L3', 'L4'] as const;
type Key = (typeof CORE)[number] | 'L5';

/** Whose denouncers each role may see (src/identity/identity-access.ts). */
const PERMITTED: Record<Role, readonly Key[]> = {
  admin: [],
  inspectorate_leader: [],
  unit_head: ['L1'],
  reception_officer: ['L1', 'L2', 'L3', 'L4', 'L5'],
  case_handler: ['L3'],
  identity_custodian: ['L1', 'L2', 'L3', 'L4', 'L5'],
};

/**
 * Denouncers who came in person (issue 14, finding 2), all to division A, recorded by the reception
 * officer: V1 a denunciation visit where a denunciation letter was handed in; V2 a complaint visit where
 * a denunciation letter was handed in (protected from then on — its summary named the visitor); V3 a
 * mixed visit.
 */
const VISITS = ['V1', 'V2', 'V3'] as const;
type VisitKey = (typeof VISITS)[number];

/** Whose visitors each role may see: the letter's rules (the recorder is the receiver; custodians). */
const VISIT_PERMITTED: Record<Role, readonly VisitKey[]> = {
  admin: [],
  inspectorate_leader: [],
  unit_head: [],
  reception_officer: ['V1', 'V2', 'V3'],
  case_handler: [],
  identity_custodian: ['V1', 'V2', 'V3'],
};

/** The only answers that may carry a denouncer's strings, to those permitted for that letter or visit. */
const MAY_SHOW: Record<string, 'all' | readonly string[]> = {
  'GET /api/v1/letters/{id}': 'all',
  'GET /api/v1/letters/{id}/identity': 'all',
  'GET /api/v1/letters/{id}/attachments/{attachmentId}': 'all',
  'GET /api/v1/reception/visits/{id}': 'all',
  'GET /api/v1/reception/book/export': 'all',
  'POST /api/v1/reception/visits': 'all',
};

interface Seen {
  who: Role | 'anonymous';
  route: string;
  path: string;
  status: number;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The letters whose denouncer this answer may show (empty: none). */
  sees: ReadonlySet<string>;
}

interface Sent {
  status: number;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  raw: Buffer;
}

const TEXTUAL = /json|text|csv|html/;
const SPREADSHEET = /spreadsheetml/;

describe('identity leak: a denouncer’s strings reach only those the law allows (issue #7)', () => {
  let app: NestFastifyApplication;
  let world: World;
  let dataSource: DataSource;
  let logs = '';
  const seen: Seen[] = [];
  const people = {} as Record<Key, MarkedDenouncer>;
  const letters = {} as Record<
    Key,
    { id: string; version: number; receiptCode: string; receiptSecret: string; caseId?: string }
  >;
  const attachments = {} as Partial<Record<Key, string>>;
  /** GET /letters/{id}, /identity and the download, per role and letter: for the positive checks. */
  const identityAnswers = {} as Record<string, { get: Sent; identity: Sent; download: Sent }>;
  let coreNeedles: Needle[] = [];
  let variantNeedles: Needle[] = [];
  let visitNeedles: Needle[] = [];
  const visitors = {} as Record<VisitKey, MarkedDenouncer>;
  const visits = {} as Record<VisitKey, { id: string }>;

  async function send(
    who: Role | 'anonymous',
    route: string,
    path: string,
    options: {
      body?: unknown;
      token?: string;
      form?: Record<string, string>;
      fields?: Record<string, string>;
      attach?: UploadCall['attach'];
      sees?: readonly string[];
    } = {},
  ): Promise<Sent> {
    const method = route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    let req = request(world.server)
      [method](path)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    const token = options.token ?? (who === 'anonymous' ? undefined : world.tokens[who]);
    if (token) req = req.set('authorization', `Bearer ${token}`);
    for (const [k, v] of Object.entries(options.fields ?? {})) req = req.field(k, v);
    if (options.attach)
      req = req.attach(options.attach.field, options.attach.buffer, options.attach.filename);
    else if (options.form) req = req.type('form').send(options.form);
    else if (options.body !== undefined) req = req.send(options.body as object);
    const res = await req;
    const raw = Buffer.isBuffer(res.body) ? res.body : Buffer.alloc(0);
    const type = String(res.headers['content-type'] ?? '');
    let text = raw.toString('utf8');
    if (!TEXTUAL.test(type)) text += `\n${raw.toString('latin1')}`;
    if (SPREADSHEET.test(type) && res.status === 200) text += `\n${await xlsxText(raw)}`;
    text += `\n${JSON.stringify(res.headers)}`;
    let json: unknown;
    if (/json/.test(type) && raw.length > 0) json = JSON.parse(raw.toString('utf8'));
    seen.push({ who, route, path, status: res.status, text, json, sees: new Set(options.sees ?? []) });
    return { status: res.status, json, raw };
  }

  async function ok(sent: Promise<Sent>, status: number): Promise<Sent> {
    const res = await sent;
    if (res.status !== status)
      throw new Error(`expected ${status}, got ${res.status}: ${res.raw.toString('utf8').slice(0, 500)}`);
    return res;
  }

  const today = () => app.get(Clock).today();

  function letterBody(p: MarkedDenouncer) {
    return {
      unitId: world.divisionA.id,
      receivedOn: addDays(today(), -1),
      channel: 'post',
      classification: 'denunciation',
      subject: `Tố cáo ông Lê Văn Tham nhận tiền — người tố cáo ${p.fullName}, điện thoại ${p.phone}`,
      content:
        `Tôi là ${p.fullName}, CCCD ${p.idNumber}, ở ${p.address}, điện thoại ${p.phone} ` +
        `(hoặc +84${p.phone.slice(1)}), thư điện tử ${p.email}. Tôi tố cáo ông Lê Văn Tham, cán bộ địa ` +
        `chính xã, nhận tiền để cấp giấy chứng nhận quyền sử dụng đất sai quy định.`,
      petitioners: [
        { fullName: p.fullName, address: p.address, idNumber: p.idNumber, phone: p.phone, email: p.email },
      ],
      eligibility: ALL_PASSED,
    };
  }

  /** How people write identifiers in a letter: grouped digits, capitals, no diacritics. */
  function variantBody(p: MarkedDenouncer) {
    const id = p.idNumber;
    const spacedId = `${id.slice(0, 3)} ${id.slice(3, 6)} ${id.slice(6, 9)} ${id.slice(9)}`;
    const dottedPhone = `${p.phone.slice(0, 4)}.${p.phone.slice(4, 7)}.${p.phone.slice(7)}`;
    return {
      ...letterBody(p),
      subject: `Tố cáo sai phạm đất đai — liên hệ ${dottedPhone}`,
      content:
        `Tôi tên ${foldVietnamese(p.fullName).toUpperCase()}, số căn cước ${spacedId}, điện thoại ` +
        `${dottedPhone}, thư ${p.email.toUpperCase()}, ở ${p.address}. Tôi tố cáo ông Lê Văn Tham nhận tiền.`,
    };
  }

  /** A scanned page naming the denouncer: its bytes and its file name carry the markers. */
  const scanOf = (p: MarkedDenouncer) => ({
    field: 'file',
    buffer: Buffer.from(
      `%PDF-1.4\n% Đơn tố cáo của ${p.fullName}, CCCD ${p.idNumber}, ĐT ${p.phone}, ${p.email}, ${p.address}\n%%EOF\n`,
      'utf8',
    ),
    filename: `CCCD ${p.fullName}.pdf`,
  });

  async function setUp() {
    const officer = 'reception_officer' as const;
    for (const key of [...CORE, 'L5'] as const) {
      people[key] = markedDenouncer();
      const body = key === 'L5' ? variantBody(people[key]) : letterBody(people[key]);
      const created = await ok(send(officer, 'POST /api/v1/letters', '/api/v1/letters', { body }), 201);
      letters[key] = created.json;
    }
    for (const key of CORE) {
      const upload = await ok(
        send(
          officer,
          'POST /api/v1/letters/{id}/attachments',
          `/api/v1/letters/${letters[key].id}/attachments`,
          {
            fields: { identifying: 'true' },
            attach: scanOf(people[key]),
            sees: [key],
          },
        ),
        201,
      );
      attachments[key] = upload.json.id;
    }
    // An officer's redacted text that still names the denouncer is refused: the 400 must not echo it.
    await ok(
      send(officer, 'POST /api/v1/letters', '/api/v1/letters', {
        body: { ...letterBody(people.L1), redactedContent: `Người tố cáo: ${people.L1.fullName}` },
      }),
      400,
    );
    for (const key of ['L1', 'L2'] as const) {
      const decided = await ok(
        send(officer, 'POST /api/v1/letters/{id}/decision', `/api/v1/letters/${letters[key].id}/decision`, {
          body: {
            decision: 'accept',
            decidedOn: addDays(today(), -1),
            legalBasis: 'LTC 25/2018/QH14 art. 24',
            version: letters[key].version,
          },
        }),
        201,
      );
      letters[key].caseId = decided.json.caseId;
    }
    const c = await ok(
      send(
        'unit_head',
        'GET /api/v1/denunciation-cases/{id}',
        `/api/v1/denunciation-cases/${letters.L1.caseId}`,
      ),
      200,
    );
    await ok(
      send(
        'unit_head',
        'POST /api/v1/denunciation-cases/{id}/transitions',
        `/api/v1/denunciation-cases/${letters.L1.caseId}/transitions`,
        {
          body: {
            event: 'accept',
            date: today(),
            documentRef: '01/QĐ-TLTC',
            legalBasis: 'LTC 25/2018/QH14 art. 29',
            version: c.json.version,
          },
        },
      ),
      201,
    );
    const asked = await ok(
      send(
        'case_handler',
        'POST /api/v1/letters/{id}/reveal-requests',
        `/api/v1/letters/${letters.L3.id}/reveal-requests`,
        {
          body: { reason: 'Cần liên hệ người tố cáo để bổ sung tài liệu', hours: 24 },
        },
      ),
      201,
    );
    await ok(
      send(
        'identity_custodian',
        'POST /api/v1/reveal-requests/{id}/decision',
        `/api/v1/reveal-requests/${asked.json.id}/decision`,
        {
          body: { approve: true, note: 'Đồng ý trong 24 giờ', version: asked.json.version },
        },
      ),
      201,
    );
  }

  /** Every rule of the authorization matrix, every role, in and out of scope — as the matrix calls them. */
  async function sweepMatrix() {
    for (const [route, rule] of Object.entries(MATRIX)) {
      const run = async (who: Role | 'anonymous', c: Call) =>
        send(who, route, c.path, {
          body: c.body,
          token: c.token,
          attach: (c as UploadCall).attach,
        });
      await run('anonymous', await rule.make(world, 'in', 'case_handler'));
      if (rule.access === 'public') continue;
      for (const role of ROLES) {
        for (const scope of rule.scoped ? (['in', 'out'] as const) : (['in'] as const)) {
          const c = await rule.make(world, scope, role);
          await run(role, { ...c, token: c.token ?? world.tokens[role] });
        }
      }
    }
  }

  /** The routes that touch the test's letters, for every role, and the citizen's status lookups. */
  async function sweepLetters() {
    for (const role of ROLES) {
      for (const key of [...CORE, 'L5'] as const) {
        const { id, caseId } = letters[key];
        const sees = PERMITTED[role].includes(key) ? [key] : [];
        const get = await send(role, 'GET /api/v1/letters/{id}', `/api/v1/letters/${id}`, { sees });
        const identity = await send(
          role,
          'GET /api/v1/letters/{id}/identity',
          `/api/v1/letters/${id}/identity`,
          {
            sees,
          },
        );
        await send(role, 'GET /api/v1/letters/{id}/duplicates', `/api/v1/letters/${id}/duplicates`);
        await send(role, 'GET /api/v1/letters/{id}/attachments', `/api/v1/letters/${id}/attachments`, {
          sees,
        });
        const attachmentId = attachments[key as keyof typeof attachments];
        if (attachmentId) {
          const download = await send(
            role,
            'GET /api/v1/letters/{id}/attachments/{attachmentId}',
            `/api/v1/letters/${id}/attachments/${attachmentId}`,
            { sees },
          );
          identityAnswers[`${role}/${key}`] = { get, identity, download };
        }
        if (caseId)
          await send(role, 'GET /api/v1/denunciation-cases/{id}', `/api/v1/denunciation-cases/${caseId}`);
        await send(role, 'GET /api/v1/audit-entries', `/api/v1/audit-entries?entityId=${id}&pageSize=200`);
        const p = people[key];
        for (const q of [foldVietnamese(p.fullName), p.idNumber, p.phone, p.tokens.address]) {
          const query = encodeURIComponent(q);
          await send(role, 'GET /api/v1/letters', `/api/v1/letters?q=${query}&pageSize=200`);
          await send(
            role,
            'GET /api/v1/denunciation-cases',
            `/api/v1/denunciation-cases?q=${query}&pageSize=200`,
          );
        }
        await send(role, 'POST /api/v1/reception/matters/lookup', '/api/v1/reception/matters/lookup', {
          body: { unitId: world.divisionA.id, idNumber: p.idNumber },
        });
      }
      await send(role, 'GET /api/v1/letters', '/api/v1/letters?pageSize=200');
      await send(role, 'GET /api/v1/letters', '/api/v1/letters?classification=denunciation&pageSize=200');
      await send(role, 'GET /api/v1/denunciation-cases', '/api/v1/denunciation-cases?pageSize=200');
      await send(role, 'GET /api/v1/reveal-requests', '/api/v1/reveal-requests?pageSize=200');
      await send(role, 'GET /api/v1/audit-entries', '/api/v1/audit-entries?pageSize=200');
      // Issue #9: no report, export or dashboard carries a denouncer's (or anyone's) personal data.
      for (const form of ['01-TCD', '02-XLD', '03-GQKN', '04-GQTC', '05-KQTH']) {
        for (const format of ['json', 'csv', 'xlsx']) {
          await send(
            role,
            'GET /api/v1/reports/{form}',
            `/api/v1/reports/${form}?from=${addDays(today(), -30)}&to=${today()}&format=${format}`,
          );
        }
      }
      await send(role, 'GET /api/v1/dashboard', '/api/v1/dashboard');
      for (const format of ['csv', 'xlsx']) {
        await send(
          role,
          'GET /api/v1/reception/book/export',
          `/api/v1/reception/book/export?unitId=${world.divisionA.id}&from=${addDays(today(), -30)}&to=${today()}&format=${format}`,
          { sees: VISIT_PERMITTED[role] },
        );
      }
    }
    for (const key of [...CORE, 'L5'] as const) {
      const lookup = { code: letters[key].receiptCode, secret: letters[key].receiptSecret };
      await ok(
        send('anonymous', 'POST /api/v1/public/letter-status', '/api/v1/public/letter-status', {
          body: lookup,
        }),
        200,
      );
      await ok(send('anonymous', 'POST /tra-cuu-don', '/tra-cuu-don', { body: lookup }), 200);
      await ok(send('anonymous', 'POST /tra-cuu-don', '/tra-cuu-don', { form: lookup }), 200);
    }
    await send('anonymous', 'GET /tra-cuu-don', '/tra-cuu-don');
    // A verifier of the school below division A, assigned to L2's case, reads its letter from outside
    // the letter's unit (src/letters/letter-reach.ts) — the redacted view only, though they are also a
    // custodian and a reception officer of their school.
    const below = await world.f.user(world.schoolA.id, [
      'case_handler',
      'identity_custodian',
      'reception_officer',
    ]);
    const token = (await login(world.server, below.email)).accessToken;
    const l2 = await ok(
      send(
        'unit_head',
        'GET /api/v1/denunciation-cases/{id}',
        `/api/v1/denunciation-cases/${letters.L2.caseId}`,
      ),
      200,
    );
    await ok(
      send(
        'unit_head',
        'PATCH /api/v1/denunciation-cases/{id}/assignment',
        `/api/v1/denunciation-cases/${letters.L2.caseId}/assignment`,
        { body: { handlerUserId: below.id, reason: 'Giao xác minh', version: l2.json.version } },
      ),
      200,
    );
    const { id: l2Id } = letters.L2;
    const asBelow = (route: string, path: string) => send('case_handler', route, path, { token });
    const page = await ok(asBelow('GET /api/v1/letters/{id}', `/api/v1/letters/${l2Id}`), 200);
    expect(page.json.petitioners).toBeNull();
    await ok(asBelow('GET /api/v1/letters/{id}/attachments', `/api/v1/letters/${l2Id}/attachments`), 200);
    await ok(
      asBelow(
        'GET /api/v1/letters/{id}/attachments/{attachmentId}',
        `/api/v1/letters/${l2Id}/attachments/${attachments.L2}`,
      ),
      404,
    );
    await ok(asBelow('GET /api/v1/letters/{id}/identity', `/api/v1/letters/${l2Id}/identity`), 404);
    // After the grant expires, the handler is back to the redacted copy.
    const clock = app.get(Clock);
    const later = jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() + 25 * 3_600_000));
    try {
      const expired = await send(
        'case_handler',
        'GET /api/v1/letters/{id}',
        `/api/v1/letters/${letters.L3.id}`,
      );
      expect(expired.json.petitioners).toBeNull();
      await send(
        'case_handler',
        'GET /api/v1/letters/{id}/identity',
        `/api/v1/letters/${letters.L3.id}/identity`,
      );
    } finally {
      later.mockRestore();
    }
  }

  /** The visits of denouncers who came in person, and the letters they handed in. */
  async function setUpVisits() {
    const officer = 'reception_officer' as const;
    const kinds: Record<VisitKey, string> = { V1: 'denunciation', V2: 'complaint', V3: 'mixed' };
    for (const key of VISITS) {
      const p = (visitors[key] = markedDenouncer());
      const visit = await ok(
        send(officer, 'POST /api/v1/reception/visits', '/api/v1/reception/visits', {
          body: {
            unitId: world.divisionA.id,
            visitDate: today(),
            visitTime: '09:30',
            receivingOfficerName: 'Lê Văn Cường',
            citizens: [{ fullName: p.fullName, address: p.address, idNumber: p.idNumber, phone: p.phone }],
            peopleCount: 1,
            // A complaint visit's summary may name the citizen; it is cut when a denunciation comes of it.
            summary:
              key === 'V2'
                ? `Bà ${p.fullName} (${p.phone}) trình bày việc bị thu hồi đất và tố cáo cán bộ địa chính`
                : 'Công dân tố cáo cán bộ địa chính xã nhận tiền',
            contentKind: kinds[key],
            withinCompetence: true,
            outcome: 'letter_received',
          },
          sees: [key],
        }),
        201,
      );
      visits[key] = visit.json;
      if (key === 'V3') continue;
      await ok(
        send(officer, 'POST /api/v1/letters', '/api/v1/letters', {
          body: {
            ...letterBody(p),
            receivedOn: today(),
            channel: 'reception_visit',
            visitId: visit.json.id,
          },
        }),
        201,
      );
    }
  }

  /** The reception book's routes for every role: the visits, their list, the exports, the lookup. */
  async function sweepVisits() {
    for (const role of ROLES) {
      await send(role, 'GET /api/v1/reception/visits', '/api/v1/reception/visits?pageSize=200');
      for (const key of VISITS) {
        const sees = VISIT_PERMITTED[role].includes(key) ? [key] : [];
        const path = `/api/v1/reception/visits/${visits[key].id}`;
        const got = await send(role, 'GET /api/v1/reception/visits/{id}', path, { sees });
        visitAnswers[`${role}/${key}`] = got;
        await send(role, 'POST /api/v1/reception/matters/lookup', '/api/v1/reception/matters/lookup', {
          body: { unitId: world.divisionA.id, idNumber: visitors[key].idNumber },
        });
      }
    }
  }
  const visitAnswers = {} as Record<string, Sent>;

  beforeAll(async () => {
    // pino writes to process.stdout when that stream's write was replaced before the logger was built.
    const capture = (chunk: unknown) => {
      logs += Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
      return true;
    };
    jest.spyOn(process.stdout, 'write').mockImplementation(capture as never);
    jest.spyOn(process.stderr, 'write').mockImplementation(capture as never);
    app = await startApi(testConfig({ LOG_LEVEL: 'trace' }));
    dataSource = app.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
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
    await setUp();
    coreNeedles = CORE.flatMap((key) => needlesOf(key, people[key]));
    variantNeedles = needlesOf('L5', people.L5);
    await sweepMatrix();
    // After the matrix sweep, whose exports of division A's book do not know whom they may show.
    await setUpVisits();
    visitNeedles = VISITS.flatMap((key) => needlesOf(key, visitors[key]));
    await sweepLetters();
    await sweepVisits();
    await new Promise((r) => setTimeout(r, 300)); // let the last log lines out
  }, 600_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await app?.close();
  });

  /** Hits in answers that the rules above do not allow, one line each. */
  function forbiddenInAnswers(needles: Needle[]): string[] {
    const out = new Set<string>();
    for (const s of seen) {
      const allowedFields = MAY_SHOW[s.route];
      for (const hit of findMarkers(s.text, needles)) {
        const allowed =
          s.sees.has(hit.needle.owner) &&
          allowedFields !== undefined &&
          (allowedFields === 'all' || allowedFields.includes(hit.needle.field));
        if (!allowed) out.add(`${s.who} ${s.route} [${s.status}] ${s.path}: ${describeHit(hit)}`);
      }
    }
    return [...out];
  }

  function forbiddenInDatabase(needles: Needle[]) {
    return (async () => {
      const out: string[] = [];
      let cells = 0;
      for await (const [where, text] of databaseCells(dataSource)) {
        cells++;
        for (const hit of findMarkers(text, needles)) out.push(`${where}: ${describeHit(hit)}`);
      }
      expect(cells).toBeGreaterThan(1000); // the dump really read the tables
      return out;
    })();
  }

  it('sweeps every route for every role (sanity: most calls answered, the identity routes among them)', () => {
    expect(seen.length).toBeGreaterThan(1000);
    expect(seen.filter((s) => s.status < 300).length).toBeGreaterThan(500);
    const routes = new Set(seen.map((s) => s.route));
    for (const route of Object.keys(MATRIX)) expect(routes).toContain(route);
  });

  it('shows each denouncer to the receiver, the custodian, the accepting head and the approved requester — and to no one else', () => {
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    for (const role of ROLES) {
      for (const key of CORE) {
        const answers = identityAnswers[`${role}/${key}`];
        const p = people[key];
        expected[`${role}/${key}`] = PERMITTED[role].includes(key) ? 'sees' : 'redacted';
        const petitioner = answers.get.json?.petitioners?.[0];
        const getShows =
          petitioner?.fullName === p.fullName &&
          petitioner.idNumber === p.idNumber &&
          petitioner.phone === p.phone &&
          petitioner.email === p.email &&
          petitioner.address === p.address;
        const identityShows =
          answers.identity.status === 200 &&
          String(answers.identity.json.content).includes(p.fullName) &&
          String(answers.identity.json.content).includes(p.idNumber) &&
          String(answers.identity.json.subject).includes(p.fullName);
        const downloadShows =
          answers.download.status === 200 && answers.download.raw.toString('utf8').includes(p.fullName);
        const shows = [getShows, identityShows, downloadShows];
        actual[`${role}/${key}`] = shows.every(Boolean)
          ? 'sees'
          : shows.some(Boolean)
            ? `partly (get ${getShows}, identity ${identityShows}, download ${downloadShows})`
            : 'redacted';
      }
    }
    expect(actual).toEqual(expected);
  });

  it('no answer of any route carries a denouncer’s strings, but the identity routes to those permitted', () => {
    expect(forbiddenInAnswers(coreNeedles)).toEqual([]);
  });

  it('searching letters or cases by a denouncer’s name, number, phone or address finds nothing', () => {
    const found: string[] = [];
    const ids = new Set(Object.values(letters).flatMap((l) => [l.id, l.caseId].filter(Boolean)));
    for (const s of seen) {
      if (!/[?&]q=/.test(s.path) || s.status !== 200) continue;
      for (const item of (s.json as { items: { id: string }[] }).items)
        if (ids.has(item.id)) found.push(`${s.who} ${s.path} → ${item.id}`);
    }
    expect(found).toEqual([]);
  });

  it('the logs of the run (trace level) carry no denouncer’s strings', () => {
    expect(logs).toContain('request completed'); // the logs were really captured
    const hits = logs
      .split('\n')
      .flatMap((line) => findMarkers(line, coreNeedles).map((h: Hit) => describeHit(h)));
    expect([...new Set(hits)]).toEqual([]);
  });

  it('no job payload or other key of the queues in Redis carries them', async () => {
    const config = app.get(AppConfig);
    const redis = new Redis({
      host: config.redis.host,
      port: config.redis.port,
      password: config.redis.password,
      db: config.redis.db,
    });
    try {
      const dump = await redisDump(redis, `${config.queue.prefix}:*`);
      expect(dump.size).toBeGreaterThan(0); // the calendar routes of the sweep enqueued jobs
      const hits = [...dump].flatMap(([key, text]) =>
        findMarkers(text, coreNeedles).map((h) => `${key}: ${describeHit(h)}`),
      );
      expect(hits).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });

  it('no table of the database holds them in plain text (verbatim, without diacritics, or compacted)', async () => {
    const sealed: { n: number }[] = await dataSource.query(
      'SELECT COUNT(*) AS n FROM letter_petitioners WHERE letter_id IN (?)',
      [CORE.map((k) => letters[k].id)],
    );
    expect(Number(sealed[0].n)).toBe(CORE.length);
    expect(await forbiddenInDatabase(coreNeedles)).toEqual([]);
  });

  it('no file in the attachments folder holds them (identifying files are sealed on disk)', () => {
    const files = filesUnder(app.get(AppConfig).attachments.dir);
    expect(files.size).toBeGreaterThanOrEqual(CORE.length);
    const hits = [...files].flatMap(([path, text]) =>
      findMarkers(text, coreNeedles).map((h) => `${path}: ${describeHit(h)}`),
    );
    expect(hits).toEqual([]);
  });

  it('identifiers written as people write them ("0903.123.401", "079 301 009 901", capitals) are redacted too', async () => {
    const inAnswers = forbiddenInAnswers(variantNeedles);
    const inDatabase = await forbiddenInDatabase(variantNeedles);
    expect({ inAnswers, inDatabase }).toEqual({ inAnswers: [], inDatabase: [] });
  });

  it('reception visits of denouncers: shown to the recorder and the custodian, the label to everyone else (issue 14)', () => {
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    for (const role of ROLES) {
      for (const key of VISITS) {
        const answer = visitAnswers[`${role}/${key}`];
        if (answer.status !== 200) {
          actual[`${role}/${key}`] = expected[`${role}/${key}`] = `status ${answer.status}`;
          continue;
        }
        expected[`${role}/${key}`] = VISIT_PERMITTED[role].includes(key) ? 'sees' : 'label';
        const citizen = answer.json.citizens?.[0];
        actual[`${role}/${key}`] =
          citizen?.fullName === visitors[key].fullName && citizen?.idNumber === visitors[key].idNumber
            ? 'sees'
            : answer.json.citizens === null &&
                answer.json.identityProtected === true &&
                answer.json.visitorsLabel === 'người tố cáo — thông tin được bảo vệ'
              ? 'label'
              : JSON.stringify(answer.json).slice(0, 200);
      }
    }
    expect(actual).toEqual(expected);
    // The roles that see a visit's citizens by their permission alone are among those shown the label.
    expect(expected['unit_head/V1']).toBe('label');
    expect(expected['inspectorate_leader/V1']).toBe('label');
  });

  it('no visit route, export or other answer carries a visiting denouncer’s strings but to those permitted', () => {
    expect(forbiddenInAnswers(visitNeedles)).toEqual([]);
    // The exports of the permitted really carried them (the check above could not pass by showing nothing).
    const shown = seen.filter(
      (s) =>
        s.route === 'GET /api/v1/reception/book/export' &&
        s.who === 'reception_officer' &&
        s.text.includes(visitors.V1.fullName),
    );
    expect(shown.length).toBeGreaterThan(0);
  });

  it('no table holds a visiting denouncer in plain text, nor do the logs', async () => {
    const sealed: { n: number }[] = await dataSource.query(
      'SELECT COUNT(*) AS n FROM reception_visit_citizens WHERE visit_id IN (?) AND key_id IS NOT NULL',
      [VISITS.map((k) => visits[k].id)],
    );
    expect(Number(sealed[0].n)).toBe(VISITS.length);
    expect(await forbiddenInDatabase(visitNeedles)).toEqual([]);
    const hits = logs
      .split('\n')
      .flatMap((line) => findMarkers(line, visitNeedles).map((h: Hit) => describeHit(h)));
    expect([...new Set(hits)]).toEqual([]);
  });

  it('duplicate suggestions do not tell a colleague who may not see the denouncer that a person wrote the letter', async () => {
    // The unit head may not see L2's denouncer. They suspect a citizen (they know the căn cước number)
    // and log a petition with that number and L2's redacted text: the suggestions must not confirm it.
    const redacted = await ok(
      send('unit_head', 'GET /api/v1/letters/{id}', `/api/v1/letters/${letters.L2.id}`),
      200,
    );
    const probe = await ok(
      send('unit_head', 'POST /api/v1/letters', '/api/v1/letters', {
        body: {
          unitId: world.divisionA.id,
          receivedOn: today(),
          channel: 'post',
          classification: 'petition',
          subject: redacted.json.subject,
          content: redacted.json.content,
          petitioners: [{ fullName: 'Người bị nghi', idNumber: people.L2.idNumber }],
          eligibility: ALL_PASSED,
        },
      }),
      201,
    );
    const confirmed = (probe.json.duplicates as { letterId: string; matchedOn: string }[]).filter(
      (d) => d.letterId === letters.L2.id,
    );
    expect(confirmed).toEqual([]);
  });
});
