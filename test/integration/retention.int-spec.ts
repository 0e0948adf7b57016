import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { DiskFileStore } from '../../src/attachments/disk-file-store.js';
import { chainPendingEntries } from '../../src/audit/audit-sequencer.js';
import { AuditService } from '../../src/audit/audit.service.js';
import { verifyChain } from '../../src/audit/verify-chain.js';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { Clock } from '../../src/common/clock.js';
import { withSweepLock } from '../../src/common/database/sweep-lock.js';
import { AppConfig } from '../../src/config/app-config.js';
import { EnforcementService } from '../../src/enforcement/enforcement.service.js';
import { LetterEmailsService } from '../../src/letters/public/letter-emails.service.js';
import { MetricsService } from '../../src/operations/metrics.service.js';
import { ANONYMISED_TEXT } from '../../src/retention/domain/retention.js';
import { RetentionService } from '../../src/retention/retention.service.js';
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
  type MarkedDenouncer,
  type Needle,
} from '../support/leak.js';

const CHECKS = [
  'language',
  'dated',
  'identified_and_signed',
  'content_complete',
  'lawful_content',
  'legible',
];
const ANONYMOUS_CHECKS = [
  'language',
  'lawful_content',
  'legible',
  'names_violator',
  'has_evidence',
  'verifiable',
];
const FORMS = ['01-TCD', '02-XLD', '03-GQKN', '04-GQTC', '05-KQTH'];
const WINDOWS = [
  ['2026-11-01', '2026-11-30'],
  ['2026-01-01', '2027-11-22'],
];

/**
 * The retention sweep (ADR 0015) on records made through the API: what is past its class's period loses
 * every personal datum (the leak scan's markers, in every table and file), what is not — or is in a
 * `keep` class — is untouched, every report figure stays, each record is audited once, the audit chain
 * verifies, a second run changes nothing, and a run that crashes half-way is finished by the next.
 *
 * Seeded on 2026-11-25 (division A); the sweep runs on 2027-11-22 with `1y`: cutoff 2026-11-22.
 * - C: a complaint whose case is accepted on 11-20 and terminated on 11-21 (step note, attachment) — past;
 * - D: the same for a denunciation (identifying scan) — past;
 * - A: anonymous information archived on 11-21 — past;
 * - G: a petition guided on 11-21 — past; H: a petition guided on 11-25 — not yet;
 * - M: a mixed letter split in two parts (M1, M2), both guided on 11-21 — past, the parent with them;
 * - O: a complaint whose case is still open — never while open;
 * - V1–V3: reception visits of 11-20 — a `keep` class in the first run, `1y` in the crash test.
 */
describe('retention: anonymising the records past their period', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let server: ReturnType<NestFastifyApplication['getHttpServer']>;
  const tokens = {} as Record<'officer' | 'head', string>;
  let unitId: string;
  const people = {} as Record<string, MarkedDenouncer>;
  const ids = {} as Record<string, string>;
  const clock = { now: new Date('2026-11-25T03:00:00Z') };

  const post = (token: string, path: string, body: object) =>
    request(server).post(path).set('authorization', `Bearer ${token}`).send(body);
  async function created(res: Promise<request.Response> | request.Test, status = 201) {
    const r = await res;
    if (r.status !== status) throw new Error(`${r.status}: ${JSON.stringify(r.body).slice(0, 400)}`);
    return r.body;
  }

  /** A retention service over the API's database, clock and audit with the periods given. */
  function retention(periods: Record<string, string>) {
    const config = testConfig(periods);
    return new RetentionService(
      dataSource,
      config,
      app.get(Clock),
      app.get(AuditService),
      new DiskFileStore(app.get(AppConfig).attachments.dir),
    );
  }
  const ALL_YEAR = {
    RETENTION_LETTERS_WITHOUT_CASE: '1y',
    RETENTION_COMPLAINT_CASES: '1y',
    RETENTION_DENUNCIATION_CASES: '1y',
    RETENTION_ANONYMOUS_INFORMATION: '1y',
    RETENTION_EMAIL_SUBSCRIPTIONS: '1y',
  };

  async function letter(key: string, body: object) {
    people[key] = markedDenouncer();
    const p = people[key];
    const made = await created(
      post(tokens.officer, '/api/v1/letters', {
        unitId,
        receivedOn: '2026-11-19',
        channel: 'post',
        subject: `Đơn của ${p.fullName}, điện thoại ${p.phone}`,
        content: `Tôi là ${p.fullName}, CCCD ${p.idNumber}, ở ${p.address}, thư điện tử ${p.email}.`,
        petitioners: [
          { fullName: p.fullName, address: p.address, idNumber: p.idNumber, phone: p.phone, email: p.email },
        ],
        eligibility: CHECKS.map((check) => ({ check, passed: true, note: `đã kiểm tra với ${p.fullName}` })),
        ...body,
      }),
    );
    ids[key] = made.id;
    return made as { id: string; version: number };
  }
  const decide = (l: { id: string; version: number }, body: object) =>
    created(
      post(tokens.officer, `/api/v1/letters/${l.id}/decision`, {
        legalBasis: 'LTCD 42/2013/QH13 art. 25',
        version: l.version,
        ...body,
      }),
    );
  /** Accepts a case on 11-20 and, unless `open`, terminates it on 11-21 with a step note. */
  async function acceptCase(
    kind: 'complaint-cases' | 'denunciation-cases',
    caseId: string,
    note: string,
    open = false,
  ) {
    const basis = kind === 'complaint-cases' ? 'LKN art. 27' : 'LTC art. 29';
    const step = async (event: string, date: string, documentRef: string) => {
      const c = (
        await request(server).get(`/api/v1/${kind}/${caseId}`).set('authorization', `Bearer ${tokens.head}`)
      ).body;
      await created(
        post(tokens.head, `/api/v1/${kind}/${caseId}/transitions`, {
          event,
          date,
          documentRef,
          legalBasis: basis,
          note,
          version: c.version,
        }),
      );
    };
    await step('accept', '2026-11-20', '10/TB-TL');
    if (!open) await step('terminate', '2026-11-21', '11/QĐ-ĐC');
  }
  async function visit(key: string, override: object = {}) {
    people[key] = markedDenouncer();
    const p = people[key];
    const made = await created(
      post(tokens.officer, '/api/v1/reception/visits', {
        unitId,
        visitDate: '2026-11-20',
        visitTime: '09:30',
        receivingOfficerName: 'Lê Văn Cường',
        citizens: [{ fullName: p.fullName, address: p.address, idNumber: p.idNumber, phone: p.phone }],
        peopleCount: 1,
        summary: `Bà ${p.fullName} (${p.phone}) trình bày việc thu hồi đất`,
        contentKind: 'complaint',
        withinCompetence: false,
        outcome: 'guided',
        guidanceBody: 'Tòa án nhân dân khu vực 1',
        notes: `Gọi lại ${p.phone}`,
        ...override,
      }),
    );
    ids[key] = made.id;
  }

  /** Every report form over every window, as JSON: the figures to keep. */
  async function reports() {
    const out: Record<string, unknown> = {};
    for (const form of FORMS) {
      for (const [from, to] of WINDOWS) {
        const res = await request(server)
          .get(`/api/v1/reports/${form}?from=${from}&to=${to}&format=json`)
          .set('authorization', `Bearer ${tokens.head}`);
        expect(res.status).toBe(200);
        out[`${form} ${from}–${to}`] = res.body;
      }
    }
    return out;
  }

  /** Whose markers are anywhere in the database or the attachment files, and where. */
  async function scan(needles: Needle[]): Promise<{ owners: string[]; where: string[] }> {
    const found = new Set<string>();
    const where: string[] = [];
    const check = (place: string, text: string) => {
      for (const hit of findMarkers(text, needles)) {
        found.add(hit.needle.owner);
        where.push(`${place}: ${describeHit(hit)}`);
      }
    };
    for await (const [place, text] of databaseCells(dataSource)) check(place, text);
    for (const [path, text] of filesUnder(app.get(AppConfig).attachments.dir)) check(path, text);
    return { owners: [...found].sort(), where };
  }
  const owners = async (n: Needle[]) => (await scan(n)).owners;
  const needles = (keys: string[]) => keys.flatMap((k) => needlesOf(k, people[k]));
  const anonymisedAudits = async (): Promise<string[]> =>
    (
      await dataSource.query(
        `SELECT entity_type AS t, entity_id AS id FROM audit_log WHERE action = 'retention.anonymise' ORDER BY id`,
      )
    ).map((r: { t: string; id: string }) => `${r.t}:${r.id}`);

  beforeAll(async () => {
    app = await startApi(testConfig());
    dataSource = app.get<DataSource>(getDataSourceToken());
    server = app.getHttpServer();
    await truncateAll(dataSource);
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => clock.now);
    const world = await twoAgencies(app);
    unitId = world.divisionA.id;
    tokens.officer = (await login(server, world.users.reception_officer.email)).accessToken;
    tokens.head = (await login(server, world.users.unit_head.email)).accessToken;

    const c = await letter('C', { classification: 'complaint', complaintTrack: 'first_time' });
    await created(
      request(server)
        .post(`/api/v1/letters/${c.id}/attachments`)
        .set('authorization', `Bearer ${tokens.officer}`)
        .attach('file', Buffer.from(`%PDF-1.4\n% ${people.C.fullName} ${people.C.idNumber}\n%%EOF\n`), {
          filename: `don ${people.C.fullName}.pdf`,
        }),
    );
    const cDecided = await decide(c, { decision: 'accept', decidedOn: '2026-11-20' });
    await acceptCase('complaint-cases', cDecided.caseId, `Đã gọi ${people.C.phone}`);

    const d = await letter('D', { classification: 'denunciation' });
    await created(
      request(server)
        .post(`/api/v1/letters/${d.id}/attachments`)
        .set('authorization', `Bearer ${tokens.officer}`)
        .field('identifying', 'true')
        .attach('file', Buffer.from(`%PDF-1.4\n% ${people.D.fullName} ${people.D.idNumber}\n%%EOF\n`), {
          filename: 'chu-ky.pdf',
        }),
    );
    const dDecided = await decide(d, { decision: 'accept', decidedOn: '2026-11-20' });
    await acceptCase('denunciation-cases', dDecided.caseId, 'Người tố cáo rút đơn');

    people.A = markedDenouncer();
    const a = await created(
      post(tokens.officer, '/api/v1/letters', {
        unitId,
        receivedOn: '2026-11-19',
        channel: 'post',
        classification: 'anonymous',
        subject: 'Thông tin tố cáo không rõ người gửi',
        // Anonymous information names third persons: free text that may name people.
        content: `Ông ${people.A.fullName} ở ${people.A.address} (${people.A.phone}) biết việc này.`,
        petitioners: [],
        eligibility: ANONYMOUS_CHECKS.map((check) => ({ check, passed: check !== 'verifiable' })),
      }),
    );
    ids.A = a.id;
    await decide(a, {
      decision: 'archive',
      archiveReason: 'anonymous_not_verifiable',
      decidedOn: '2026-11-21',
    });

    for (const [key, on] of [
      ['G', '2026-11-21'],
      ['H', '2026-11-25'],
    ]) {
      const l = await letter(key, { classification: 'petition' });
      await decide(l, {
        decision: 'guide',
        decidedOn: on,
        guidanceRef: '15/HD-UBND',
        guidanceBody: 'Ủy ban nhân dân xã Y',
      });
    }
    // A mixed letter split in two parts, both guided: the parts are due, the parent follows them.
    const m = await letter('M', { classification: 'mixed' });
    const parts = await created(
      post(tokens.officer, `/api/v1/letters/${m.id}/split`, {
        version: m.version,
        parts: [
          {
            classification: 'complaint',
            complaintTrack: 'first_time',
            subject: 'Phần khiếu nại',
            content: 'Khiếu nại việc thu hồi đất.',
          },
          { classification: 'petition', subject: 'Phần kiến nghị', content: 'Kiến nghị sửa đường.' },
        ].map((part) => ({ ...part, eligibility: CHECKS.map((check) => ({ check, passed: true })) })),
      }),
    );
    for (const [i, part] of (parts as Array<{ id: string; version: number }>).entries()) {
      ids[`M${i + 1}`] = part.id;
      await decide(part, {
        decision: 'guide',
        decidedOn: '2026-11-21',
        guidanceRef: '16/HD-UBND',
        guidanceBody: 'Ủy ban nhân dân xã Y',
      });
    }
    const o = await letter('O', { classification: 'complaint', complaintTrack: 'first_time' });
    const oDecided = await decide(o, { decision: 'accept', decidedOn: '2026-11-20' });
    await acceptCase('complaint-cases', oDecided.caseId, 'Đang xác minh', true);
    for (const key of ['V1', 'V2', 'V3']) await visit(key);
    // Citizens who asked for news by e-mail: O's unsubscribed on 11-21 (past), H's and G's still running.
    for (const key of ['O', 'H', 'G'])
      await app.get(LetterEmailsService).subscribe(ids[key], people[key].email);
    await dataSource.query(
      `UPDATE letter_subscriptions SET unsubscribed_at = '2026-11-21 03:00:00.000' WHERE letter_id = ?`,
      [ids.O],
    );
    clock.now = new Date('2027-11-22T03:00:00Z');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('anonymises what is past retention, leaves the rest and every report figure, audited once each', async () => {
    const before = await reports();
    // Each record's markers are in the database before, the scan below can see them — but the
    // denouncer's (D), sealed from the start: their envelopes and keys are counted instead.
    const plain = Object.keys(people).filter((k) => k !== 'D' && k !== 'M');
    expect(await owners(needles(plain))).toEqual(plain.sort());
    expect(await owners(needles(['D', 'M']))).toEqual([]);
    const sealedOfD = async () =>
      (
        await dataSource.query(
          `SELECT (SELECT COUNT(*) FROM letter_petitioners WHERE letter_id = ?)
                + (SELECT COUNT(*) FROM protected_letter_texts WHERE letter_id = ?)
                + (SELECT COUNT(*) FROM letter_attachments WHERE letter_id = ? AND wrapped_key IS NOT NULL) AS n`,
          [ids.D, ids.D, ids.D],
        )
      )[0].n;
    expect(Number(await sealedOfD())).toBe(3);
    const family = [ids.M, ids.M1, ids.M2];
    const sealedOfM = async () =>
      Number(
        (
          await dataSource.query(
            `SELECT (SELECT COUNT(*) FROM letter_petitioners WHERE letter_id IN (?, ?, ?))
                  + (SELECT COUNT(*) FROM protected_letter_texts WHERE letter_id IN (?, ?, ?)) AS n`,
            [...family, ...family],
          )
        )[0].n,
      );
    expect(await sealedOfM()).toBe(6);
    await chainPendingEntries(dataSource, { batchSize: 1000 });

    const sweep = retention(ALL_YEAR);
    const dry = await sweep.dryRun();
    expect(dry.classes).toMatchObject({
      reception_visit: { period: 'keep', cutoff: null, records: 0 },
      letter_without_case: { period: '1y', cutoff: '2026-11-22', records: 3 },
      complaint_case: { records: 1 },
      denunciation_case: { records: 1 },
      anonymous_information: { records: 1 },
      email_subscription: { records: 1 },
    });
    expect(await anonymisedAudits()).toEqual([]); // a dry run changes nothing

    // The figures compared are not empty: every form counts some of the records anonymised below.
    for (const form of ['01-TCD', '02-XLD', '03-GQKN', '04-GQTC']) {
      const { total } = before[`${form} 2026-11-01–2026-11-30`] as { total: { cells: number[] } };
      expect(total.cells.some((n) => n > 0)).toBe(true);
    }

    const run = await sweep.run();
    expect(Object.fromEntries(Object.entries(run.classes).map(([k, v]) => [k, v.records]))).toEqual({
      reception_visit: 0,
      letter_without_case: 3,
      complaint_case: 1,
      denunciation_case: 1,
      anonymous_information: 1,
      email_subscription: 1,
    });
    expect(dry.splitLetters).toBe(0); // its parts were not anonymised yet
    expect(run.splitLetters).toBe(1);

    const gone = ['C', 'D', 'A', 'G', 'M'];
    const goneLetters = [...gone, 'M1', 'M2'];
    // No personal datum of the anonymised records anywhere (the hits, if any, say where).
    expect((await scan(needles(gone))).where).toEqual([]);
    // The denouncer's envelopes are gone with their data keys (crypto-shredding).
    expect(Number(await sealedOfD())).toBe(0);
    expect(await sealedOfM()).toBe(0);
    // Not yet past (H), a case still open (O), a `keep` class (visits): their markers are all still there.
    const kept = ['H', 'O', 'V1', 'V2', 'V3'];
    expect(await owners(needles(kept))).toEqual(kept);

    expect(await reports()).toEqual(before);
    const letters: Array<{ id: string; anonymised: number; status: string; decision: string }> =
      await dataSource.query(
        `SELECT id, anonymised_at IS NOT NULL AS anonymised, status, decision FROM letters ORDER BY id`,
      );
    expect(letters.filter((l) => Number(l.anonymised) === 1).map((l) => l.id)).toEqual(
      goneLetters.map((k) => ids[k]).sort(),
    );
    const subscription = await dataSource.query(`SELECT id FROM letter_subscriptions WHERE letter_id = ?`, [
      ids.H,
    ]);
    expect((await anonymisedAudits()).filter((a) => a.startsWith('letter:')).sort()).toEqual(
      goneLetters.map((k) => `letter:${ids[k]}`).sort(),
    );
    expect((await anonymisedAudits()).filter((a) => a.startsWith('letter_subscription:'))).toHaveLength(1);
    // The sealed e-mail addresses: O's ended and past, G's with its letter; H's still running stays.
    expect(await dataSource.query(`SELECT letter_id FROM letter_subscriptions ORDER BY letter_id`)).toEqual([
      { letter_id: ids.H },
    ]);
    expect(subscription).toHaveLength(1);
    expect(
      await dataSource.query(
        `SELECT COUNT(*) AS n FROM letter_subscription_messages WHERE subscription_id <> ?`,
        [subscription[0].id],
      ),
    ).toEqual([{ n: '0' }]);
    // The persons are gone with their keys; the letter still counts them.
    expect(
      await dataSource.query(`SELECT COUNT(*) AS n FROM letter_petitioners WHERE letter_id IN (?, ?, ?)`, [
        ids.C,
        ids.D,
        ids.G,
      ]),
    ).toEqual([{ n: '0' }]);
    expect(await dataSource.query(`SELECT petitioner_count AS n FROM letters WHERE id = ?`, [ids.C])).toEqual(
      [{ n: 1 }],
    );

    // The records still open, without their persons: the denouncer's receiver gets no original any more.
    const identity = await request(server)
      .get(`/api/v1/letters/${ids.D}/identity`)
      .set('authorization', `Bearer ${tokens.officer}`);
    expect(identity.status).toBe(200);
    expect(identity.body).toMatchObject({
      petitioners: [],
      subject: ANONYMISED_TEXT,
      content: ANONYMISED_TEXT,
    });
    const complaint = await request(server)
      .get(`/api/v1/letters/${ids.C}`)
      .set('authorization', `Bearer ${tokens.officer}`);
    expect(complaint.status).toBe(200);
    expect(complaint.body).toMatchObject({ subject: ANONYMISED_TEXT, status: 'decided', decision: 'accept' });

    // The chain verifies: nothing chained was changed, the new entries chain after it.
    await chainPendingEntries(dataSource, { batchSize: 1000 });
    expect(await verifyChain(dataSource, { batchSize: 500 })).toMatchObject({ ok: true, unchained: 0 });

    // /metrics counts the anonymised records.
    const metrics = await app.get(MetricsService).scrape();
    const anonymisedMetric = (record: string) =>
      Number(
        new RegExp(
          `^tiepdan_retention_anonymised_records\\{[^}]*record="${record}"[^}]*\\} (\\d+)$`,
          'm',
        ).exec(metrics)?.[1],
      );
    expect(anonymisedMetric('letter')).toBe(7);
    expect(anonymisedMetric('reception_visit')).toBe(0);

    // A run while another holds the sweep lock does nothing and says so.
    const inner = await withSweepLock(dataSource, 'retention-sweep', () => sweep.run());
    expect(inner).toMatchObject({ mode: 'run', busy: true });

    // Idempotent: a second run finds nothing and changes not one cell.
    const cells = async () => {
      const out: string[] = [];
      for await (const [place, text] of databaseCells(dataSource)) out.push(`${place}=${text}`);
      return out;
    };
    const snapshot = await cells();
    const again = await sweep.run();
    expect(Object.values(again.classes).map((c) => c.records)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(again.splitLetters).toBe(0);
    expect(await cells()).toEqual(snapshot);
  });

  it('finishes after a crash half-way: what was committed stays done, the rerun does the rest', async () => {
    const sweep = retention({ ...ALL_YEAR, RETENTION_RECEPTION_VISITS: '1y' });
    expect((await sweep.dryRun()).classes.reception_visit.records).toBe(3);
    const before = await reports();
    const audit = app.get(AuditService);
    const record = audit.record.bind(audit);
    let calls = 0;
    // The second visit's transaction fails at its audit entry: the process "crashes" there.
    const spy = jest.spyOn(audit, 'record').mockImplementation(async (...args) => {
      if (args[2].action === 'retention.anonymise' && ++calls === 2) throw new Error('crash');
      return record(...args);
    });
    await expect(sweep.run()).rejects.toThrow('crash');
    spy.mockRestore();

    const visits = ['V1', 'V2', 'V3'];
    const done: Array<{ id: string }> = await dataSource.query(
      `SELECT id FROM reception_visits WHERE anonymised_at IS NOT NULL`,
    );
    expect(done).toHaveLength(1);
    const firstDone = visits.find((k) => ids[k] === done[0].id)!;
    // The one committed is anonymised; the one that failed was rolled back whole, with the third.
    expect(await owners(needles(visits))).toEqual(visits.filter((k) => k !== firstDone));
    expect((await sweep.dryRun()).classes.reception_visit.records).toBe(2);

    const rerun = await sweep.run();
    expect(rerun.classes.reception_visit.records).toBe(2);
    expect((await scan(needles(visits))).where).toEqual([]);
    const audits = (await anonymisedAudits()).filter((a) => a.startsWith('reception_visit:'));
    expect(audits.sort()).toEqual(visits.map((k) => `reception_visit:${ids[k]}`).sort());
    expect(await reports()).toEqual(before);
    // The visit facts stay: date, people, outcome; the visitors are gone.
    expect(
      await dataSource.query(
        `SELECT COUNT(*) AS n FROM reception_visit_citizens WHERE visit_id IN (?, ?, ?)`,
        visits.map((k) => ids[k]),
      ),
    ).toEqual([{ n: '0' }]);
    const book = await request(server)
      .get(`/api/v1/reception/visits/${ids.V1}`)
      .set('authorization', `Bearer ${tokens.officer}`);
    expect(book.status).toBe(200);
    expect(book.body).toMatchObject({ summary: ANONYMISED_TEXT, peopleCount: 1, outcome: 'guided' });
    await chainPendingEntries(dataSource, { batchSize: 1000 });
    expect(await verifyChain(dataSource, { batchSize: 500 })).toMatchObject({ ok: true, unchained: 0 });
  });
  it('waits for the enforcement of a closed case to be closed, and for its closing date to be past', async () => {
    const sweep = retention(ALL_YEAR);
    const e = await letter('E', { classification: 'complaint', complaintTrack: 'first_time' });
    const decided = await decide(e, { decision: 'accept', decidedOn: '2026-11-20' });
    await acceptCase('complaint-cases', decided.caseId, 'Chuyển thi hành');
    await dataSource.transaction((manager) =>
      app.get(EnforcementService).openFor(manager, SYSTEM_ACTOR, {
        subjectType: 'complaint_case',
        subjectId: decided.caseId,
        unitId,
        title: `Thi hành quyết định đối với ${people.E.fullName}`,
        decisionRef: '12/QĐ-GQKN',
        openedOn: '2026-11-21',
      }),
    );
    const due = async () => (await sweep.dryRun()).classes.complaint_case.records;
    expect(await due()).toBe(0); // the record is open
    await dataSource.query(
      `UPDATE enforcement_records SET status = 'done', closed_on = '2026-12-01' WHERE subject_id = ?`,
      [decided.caseId],
    );
    expect(await due()).toBe(0); // closed after the cutoff (2026-11-22): its period runs from then
    expect(await owners(needles(['E']))).toEqual(['E']);
    await dataSource.query(`UPDATE enforcement_records SET closed_on = '2026-11-21' WHERE subject_id = ?`, [
      decided.caseId,
    ]);
    expect((await sweep.run()).classes.complaint_case.records).toBe(1);
    // The record's title named the person: replaced with the rest.
    expect((await scan(needles(['E']))).where).toEqual([]);
    expect(
      await dataSource.query(`SELECT status, closed_on FROM enforcement_records WHERE subject_id = ?`, [
        decided.caseId,
      ]),
    ).toEqual([{ status: 'done', closed_on: '2026-11-21' }]);
  });
  it('anonymises a visit in the same run as the letter handed in at it', async () => {
    await visit('V4', { outcome: 'letter_received', guidanceBody: undefined });
    const w = await letter('W', {
      classification: 'petition',
      channel: 'reception_visit',
      visitId: ids.V4,
      receivedOn: '2026-11-20',
    });
    await decide(w, {
      decision: 'guide',
      decidedOn: '2026-11-21',
      guidanceRef: '17/HD-UBND',
      guidanceBody: 'Ủy ban nhân dân xã Y',
    });
    await retention({ ...ALL_YEAR, RETENTION_RECEPTION_VISITS: '1y' }).run();
    expect(
      await dataSource.query(
        `SELECT (SELECT anonymised_at IS NOT NULL FROM letters WHERE id = ?) AS letter,
                (SELECT anonymised_at IS NOT NULL FROM reception_visits WHERE id = ?) AS visit`,
        [ids.W, ids.V4],
      ),
    ).toEqual([{ letter: 1, visit: 1 }]);
    expect((await scan(needles(['V4', 'W']))).where).toEqual([]);
  });
});
