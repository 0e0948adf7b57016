import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR, type Actor } from '../../src/auth/domain/actor.js';
import type { Permission } from '../../src/auth/domain/roles.js';
import { CliModule } from '../../src/cli.module.js';
import { Clock, ClockModule } from '../../src/common/clock.js';
import { ComplaintCasesService } from '../../src/complaints/complaint-cases.service.js';
import { LetterDecisionsService } from '../../src/letters/letter-decisions.service.js';
import { LettersService } from '../../src/letters/letters.service.js';
import { NationalSyncDelivery } from '../../src/national-sync/national-sync-delivery.service.js';
import { NationalSyncModule } from '../../src/national-sync/national-sync.module.js';
import { NationalSyncReports } from '../../src/national-sync/national-sync-reports.service.js';
import {
  NATIONAL_TRANSPORT,
  nationalSignature,
  type NationalTransport,
} from '../../src/national-sync/national-transport.js';
import { QueueModule } from '../../src/queue/queue.module.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { twoAgencies } from '../support/fixtures.js';

jest.setTimeout(60_000);

const SECRET = randomBytes(24).toString('hex');
const NOW = new Date('2026-11-25T03:00:00Z');
const HEAD: Actor = { ...SYSTEM_ACTOR, permissions: new Set<Permission>(['cases:manage']) };
const ELIGIBLE = [
  'language',
  'dated',
  'identified_and_signed',
  'content_complete',
  'lawful_content',
  'legible',
].map((check) => ({ check, passed: true }));

/**
 * A stand-in for the national database: checks every call's signature, keeps one record per idempotency
 * key (a repeat answers 409 with the first reference), and can refuse or stall on demand.
 */
class TestReceiver {
  readonly taken = new Map<string, { reference: string; body: Record<string, unknown> }>();
  readonly calls: Array<Record<string, unknown>> = [];
  mode: 'accept' | 'reject-once' | 'reject' | 'stall' = 'accept';
  private server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const ts = Number(req.headers['x-tiepdan-timestamp']);
      if (req.headers['x-tiepdan-signature'] !== nationalSignature(SECRET, ts, raw)) {
        res.writeHead(401).end();
        return;
      }
      const body = JSON.parse(raw) as Record<string, unknown>;
      this.calls.push(body);
      if (this.mode === 'stall') return; // never answers
      if (this.mode === 'reject' || this.mode === 'reject-once') {
        if (this.mode === 'reject-once') this.mode = 'accept';
        res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ reason: 'bảo trì' }));
        return;
      }
      const key = String(req.headers['idempotency-key']);
      const known = this.taken.get(key);
      if (known) {
        res
          .writeHead(409, { 'content-type': 'application/json' })
          .end(JSON.stringify({ reference: known.reference }));
        return;
      }
      const reference = `QG-${this.taken.size + 1}`;
      this.taken.set(key, { reference, body });
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ reference }));
    });
  });
  port = 0;
  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }
  close() {
    this.server.closeAllConnections();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describe('the national database sync (issue 20)', () => {
  const receiver = new TestReceiver();
  let api: NestFastifyApplication;
  let sync: INestApplicationContext;
  let ds: DataSource;
  let delivery: NationalSyncDelivery;
  let reports: NationalSyncReports;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let now = NOW;

  const rows = (recordId?: string) =>
    ds.query(
      `SELECT record_type, record_id, sequence, event, status, attempts, last_error, idempotency_key, payload
       FROM national_sync_outbox ${recordId ? 'WHERE record_id = ?' : ''} ORDER BY record_id, sequence`,
      recordId ? [recordId] : [],
    );

  async function complaintLetter(unitId = world.divisionA.id) {
    return api.get(LettersService).create(SYSTEM_ACTOR, {
      unitId,
      receivedOn: '2026-11-20',
      channel: 'post',
      classification: 'complaint',
      complaintTrack: 'first_time',
      subject: 'Khiếu nại quyết định thu hồi đất',
      content: 'Tôi khiếu nại quyết định thu hồi đất của gia đình tôi.',
      petitioners: [{ fullName: 'Bạch Thị Đồng Bộ', address: 'xã Quốc Gia', idNumber: '079301112233' }],
      eligibility: ELIGIBLE,
    } as never);
  }

  beforeAll(async () => {
    await receiver.start();
    const env = {
      NATIONAL_SYNC_TRANSPORT: 'https',
      NATIONAL_SYNC_URL: `http://127.0.0.1:${receiver.port}/records`,
      NATIONAL_SYNC_SECRET: SECRET,
      NATIONAL_SYNC_TIMEOUT_MS: '1000',
      NATIONAL_SYNC_ACK_HOURS: '2',
    };
    const config = testConfig(env);
    api = await startApi(config);
    sync = await NestFactory.createApplicationContext(
      {
        module: class NationalSyncTest {},
        imports: [
          CliModule.forRoot(config),
          ClockModule,
          QueueModule.forRoot('producer'),
          NationalSyncModule,
        ],
      },
      { logger: false },
    );
    for (const ctx of [api, sync]) jest.spyOn(ctx.get(Clock), 'now').mockImplementation(() => now);
    ds = api.get<DataSource>(getDataSourceToken());
    delivery = sync.get(NationalSyncDelivery);
    reports = sync.get(NationalSyncReports);
    await truncateAll(ds);
    world = await twoAgencies(api);
    await ds.query('UPDATE units SET agency_code = ? WHERE id = ?', ['H39.A1', world.divisionA.id]);
  });
  afterAll(async () => {
    await sync?.close();
    await api?.close();
    await receiver.close();
  });

  it('writes each event in the command, delivers it in order per record, signed, exactly once, no person', async () => {
    const letter = await complaintLetter();
    const decided = await api.get(LetterDecisionsService).decide(SYSTEM_ACTOR, letter.id, {
      decision: 'accept',
      decidedOn: '2026-11-21',
      legalBasis: 'LKN 2011 art. 27',
      version: letter.version,
    } as never);
    const cases = api.get(ComplaintCasesService);
    let c = await cases.get(SYSTEM_ACTOR, decided.caseId!);
    c = await cases.transition(HEAD, c.id, {
      event: 'accept',
      date: '2026-11-23',
      documentRef: '01/TB-TL',
      legalBasis: 'LKN 2011 art. 27',
      version: c.version,
    } as never);
    await cases.transition(HEAD, c.id, {
      event: 'suspend',
      date: '2026-11-24',
      documentRef: '02/QĐ-TĐC',
      legalBasis: 'LKN art. 11a',
      note: 'Chờ kết quả giám định',
      version: c.version,
    } as never);

    const outbox = await rows();
    expect(outbox.map((r: { event: string }) => r.event).sort()).toEqual(
      ['case.accepted', 'case.received', 'case.suspended', 'letter.classified', 'letter.processed'].sort(),
    );
    expect(JSON.stringify(outbox)).not.toMatch(/Bạch Thị|079301112233|Quốc Gia/);

    expect(await delivery.drain()).toEqual({ acknowledged: 5 });
    expect((await rows()).every((r: { status: string }) => r.status === 'acknowledged')).toBe(true);
    const caseCalls = receiver.calls.filter((b) => b.recordId === c.id);
    expect(caseCalls.map((b) => [b.sequence, b.event])).toEqual([
      [1, 'case.received'],
      [2, 'case.accepted'],
      [3, 'case.suspended'],
    ]);
    // Every event of the case carries its number, the first too (numbered just before the commit, ADR 0019).
    expect(caseCalls.map((b) => (b.data as { caseNumber?: string }).caseNumber)).toEqual([
      c.caseNumber,
      c.caseNumber,
      c.caseNumber,
    ]);
    expect(c.caseNumber).toMatch(/^KN-2026-\d{6}$/);
    expect(caseCalls[1]).toMatchObject({
      agencyCode: 'H39.A1',
      schemaVersion: 1,
      recordType: 'complaint_case',
    });
    // A complaint letter's petitioners travel with its classification (NĐ 55/2022 art. 6), not in the outbox.
    const classified = receiver.calls.find(
      (b) => b.recordId === letter.id && b.event === 'letter.classified',
    );
    expect(classified?.subjects).toEqual([
      { role: 'petitioner', fullName: 'Bạch Thị Đồng Bộ', address: 'xã Quốc Gia' },
    ]);
    // Nothing is due any more: a second drain sends nothing.
    expect(await delivery.drain()).toEqual({});
    expect(receiver.taken.size).toBe(5);
  });

  it("never sends a denouncer's identity without a configured legal basis", async () => {
    const letter = await api
      .get(LettersService)
      .create({ ...SYSTEM_ACTOR, userId: world.users.reception_officer.id }, {
        unitId: world.divisionA.id,
        receivedOn: '2026-11-20',
        channel: 'post',
        classification: 'denunciation',
        subject: 'Tố cáo ông X nhận tiền',
        content: 'Tôi là Kín Danh Tính, tố cáo ông X nhận tiền.',
        petitioners: [{ fullName: 'Kín Danh Tính', address: 'xã Bí Mật' }],
        eligibility: ELIGIBLE,
      } as never);
    await delivery.drain();
    const call = receiver.calls.find((b) => b.recordId === letter.id);
    expect(call).toMatchObject({
      event: 'letter.classified',
      data: expect.objectContaining({ classification: 'denunciation' }),
    });
    expect(call).not.toHaveProperty('subjects');
    expect(JSON.stringify(receiver.calls)).not.toContain('Kín Danh Tính');
  });

  it('retries a refusal with backoff, holding the record’s later events; a stalled receiver times out', async () => {
    const letter = await complaintLetter();
    await api.get(LetterDecisionsService).decide(SYSTEM_ACTOR, letter.id, {
      decision: 'transfer',
      decidedOn: '2026-11-22',
      legalBasis: 'TT 05/2021',
      transferToBody: 'Tòa án nhân dân tỉnh',
      transferToBodyCategory: 'procedural',
      transferRef: '05/CV',
      version: letter.version,
    } as never);
    receiver.mode = 'reject-once';
    expect(await delivery.drain()).toEqual({ retry: 1 });
    let mine = await rows(letter.id);
    expect(mine.map((r: { status: string; attempts: number }) => [r.status, Number(r.attempts)])).toEqual([
      ['pending', 1],
      ['pending', 0],
    ]);
    expect(mine[0].last_error).toBe('HTTP_503: bảo trì');
    // The second event waits behind the first, even when asked for directly.
    const second = (
      await ds.query('SELECT id FROM national_sync_outbox WHERE record_id = ? AND sequence = 2', [letter.id])
    )[0].id;
    expect(await delivery.send(second)).toBe('blocked');
    // Not due before the backoff (1 minute) has passed; then both go, in order.
    expect(await delivery.drain()).toEqual({});
    now = new Date(NOW.getTime() + 61_000);
    expect(await delivery.drain()).toEqual({ acknowledged: 2 });
    const processed = receiver.calls.filter(
      (b) => b.recordId === letter.id && b.event === 'letter.processed',
    );
    expect(processed.at(-1)?.data).toMatchObject({
      decision: 'transfer',
      transferBodyCategory: 'procedural',
    });

    const stalled = await complaintLetter();
    receiver.mode = 'stall';
    expect(await delivery.drain()).toEqual({ retry: 1 });
    mine = await rows(stalled.id);
    expect(mine[0]).toMatchObject({ status: 'pending', last_error: 'TIMEOUT' });
    receiver.mode = 'accept';
    now = new Date(now.getTime() + 61_000);
    expect(await delivery.drain()).toEqual({ acknowledged: 1 });
  });

  it('a crash after the national side took a record and before the commit: sent again, stored once', async () => {
    const letter = await complaintLetter();
    const transport = sync.get<NationalTransport>(NATIONAL_TRANSPORT);
    const real = transport.deliver.bind(transport);
    const spy = jest.spyOn(transport, 'deliver').mockImplementationOnce(async (envelope, at) => {
      await real(envelope, at);
      throw new Error('process killed');
    });
    const [row] = await rows(letter.id);
    const id = (
      await ds.query('SELECT id FROM national_sync_outbox WHERE idempotency_key = ?', [row.idempotency_key])
    )[0].id;
    await expect(delivery.send(id)).rejects.toThrow('process killed');
    expect((await rows(letter.id))[0].status).toBe('pending');
    expect(receiver.taken.has(row.idempotency_key)).toBe(true);
    const before = receiver.taken.size;
    expect(await delivery.send(id)).toBe('acknowledged');
    expect(receiver.taken.size).toBe(before);
    spy.mockRestore();
  });

  it('waits for a unit without an agency code; back-fill and reconciliation', async () => {
    const elsewhere = await complaintLetter(world.schoolA.id);
    expect(await delivery.drain()).toEqual({ 'no-agency-code': 1 });
    expect((await rows(elsewhere.id))[0]).toMatchObject({
      status: 'pending',
      attempts: 0,
      last_error: 'UNIT_AGENCY_CODE_MISSING',
    });

    // A record from before the sync: its rows are gone; the back-fill writes them once.
    const old = await complaintLetter();
    await ds.query('DELETE FROM national_sync_outbox WHERE record_id = ?', [old.id]);
    const missing = await reports.reconcile();
    expect(missing.lines.find((l) => l.recordType === 'letter')).toMatchObject({ missing: 1, pending: 1 });
    expect((await reports.backfill()).letter).toBe(1);
    expect((await reports.backfill()).letter).toBe(0);
    expect((await rows(old.id)).map((r: { event: string }) => r.event)).toEqual(['letter.classified']);

    await ds.query('UPDATE units SET agency_code = ? WHERE id = ?', ['H39.S1', world.schoolA.id]);
    now = new Date(now.getTime() + 2 * 3_600_000);
    await delivery.drain();
    const report = await reports.reconcile();
    const letters = report.lines.find((l) => l.recordType === 'letter')!;
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM letters');
    expect(letters).toMatchObject({
      records: Number(n),
      missing: 0,
      pending: 0,
      failed: 0,
      acknowledged: Number(n),
    });
    expect(report.lines.find((l) => l.recordType === 'complaint_case')).toMatchObject({
      records: 1,
      acknowledged: 1,
    });
  });

  it('acknowledgements from a file drop; an acceptance left unacknowledged is escalated to the heads once', async () => {
    await ds.query(
      "UPDATE national_sync_outbox SET status = 'sent', acknowledged_at = NULL WHERE event = 'case.accepted'",
    );
    await ds.query("UPDATE national_sync_outbox SET created_at = ? WHERE event = 'case.accepted'", [
      new Date(now.getTime() - 3 * 3_600_000),
    ]);
    expect(await delivery.escalateUnacknowledged()).toBe(1);
    expect(await delivery.escalateUnacknowledged()).toBe(0);
    const [{ n }] = await ds.query(
      "SELECT COUNT(*) AS n FROM notifications WHERE kind = 'national_sync_overdue'",
    );
    expect(Number(n)).toBe(1);
    const [accepted] = await ds.query(
      "SELECT idempotency_key FROM national_sync_outbox WHERE event = 'case.accepted'",
    );
    const applied = await reports.applyAcknowledgements([
      { idempotencyKey: accepted.idempotency_key, reference: 'QG-FILE-1' },
      { idempotencyKey: 'letter-unknown-1' },
    ]);
    expect(applied).toEqual({ acknowledged: 1, unknown: ['letter-unknown-1'] });
    expect((await reports.reconcile()).lines.find((l) => l.recordType === 'complaint_case')).toMatchObject({
      acknowledged: 1,
      sent: 0,
    });
  });
});
