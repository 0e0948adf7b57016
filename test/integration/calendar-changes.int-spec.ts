import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import request from 'supertest';
import type { DataSource, EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { CalendarAdminService } from '../../src/calendar/calendar-admin.service.js';
import {
  CalendarChangeSubscribers,
  type CalendarChange,
  type CalendarChangeSubscriber,
} from '../../src/calendar/calendar-change-subscribers.js';
import { calendarChangeJobId, CalendarChangesService } from '../../src/calendar/calendar-changes.service.js';
import { CalendarProcessor } from '../../src/calendar/calendar.processor.js';
import { Clock } from '../../src/common/clock.js';
import { QUEUES } from '../../src/queue/queues.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { Fixtures } from '../support/fixtures.js';
import { DisposableRedis } from '../support/redis-server.js';
import { until } from '../support/wait.js';
import { startWorker } from '../support/worker.js';

jest.setTimeout(30_000);

/** A subscriber like the case deadlines will be: records what it was told, inside the marking transaction. */
class RecordingSubscriber implements CalendarChangeSubscriber {
  readonly subscriberName = 'test-recorder';
  readonly calls: CalendarChange[] = [];
  /** processed_at as the subscriber's own transaction saw it (must still be null). */
  readonly processedAtSeen: unknown[] = [];
  failNext = 0;

  async onCalendarChanged(change: CalendarChange, manager: EntityManager): Promise<void> {
    const rows: { processed_at: unknown }[] = await manager.query(
      'SELECT processed_at FROM calendar_changes WHERE id = ?',
      [change.id],
    );
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('subscriber failed on purpose');
    }
    // Slow enough that a second delivery really overlaps the first.
    await new Promise((r) => setTimeout(r, 100));
    this.processedAtSeen.push(rows[0]?.processed_at);
    this.calls.push(change);
  }

  callsFor(id: string): number {
    return this.calls.filter((c) => c.id === id).length;
  }
}

const pendingIds = async (dataSource: DataSource): Promise<string[]> =>
  (await dataSource.query('SELECT id FROM calendar_changes WHERE processed_at IS NULL ORDER BY id')).map(
    (r: { id: string }) => r.id,
  );

describe('the calendar-change hook: outbox, job, worker, subscribers', () => {
  let api: NestFastifyApplication;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let queue: Queue;
  let changes: CalendarChangesService;
  let subscriber: RecordingSubscriber;
  let unregister: () => void;
  let agencyId: string;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    dataSource = worker.get<DataSource>(getDataSourceToken());
    queue = worker.get<Queue>(getQueueToken(QUEUES.calendar.name));
    changes = worker.get(CalendarChangesService);
    // Several jobs at once, so that two deliveries of one change can overlap.
    worker.get(CalendarProcessor).worker.concurrency = 4;
  });
  beforeEach(async () => {
    jest.restoreAllMocks();
    await truncateAll(dataSource);
    subscriber = new RecordingSubscriber();
    unregister = worker.get(CalendarChangeSubscribers).register(subscriber);
    const f = new Fixtures(api);
    const province = await f.unit('Ủy ban nhân dân tỉnh', 'province');
    agencyId = (await f.unit('Sở Tư pháp', 'agency', province.id)).id;
  });
  afterEach(() => unregister());
  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await worker?.close();
    await api?.close();
  });

  /** An outbox row as a change writes it, without its job (as if the process died before enqueueing). */
  async function orphanChange(date = '2026-11-24'): Promise<string> {
    return dataSource.transaction((manager) =>
      changes.record(manager, {
        scopeKey: agencyId,
        unitId: agencyId,
        revision: 1,
        reason: 'entry.set',
        firstAffectedDate: date,
      }),
    );
  }

  it('tells the subscriber about a change made through the API, once, and marks it processed', async () => {
    await api
      .get(CalendarAdminService)
      .setEntry(SYSTEM_ACTOR, agencyId, '2026-11-24', { kind: 'day_off', name: 'Ngày Văn hóa Việt Nam' });
    await until(() => subscriber.calls.length === 1);
    const [change] = subscriber.calls;
    expect(change).toMatchObject({
      scopeKey: agencyId,
      unitId: agencyId,
      revision: 1,
      reason: 'entry.set',
      firstAffectedDate: '2026-11-24',
    });
    // The subscriber ran inside the transaction that marks the row: it still saw it unprocessed.
    expect(subscriber.processedAtSeen).toEqual([null]);
    await until(async () => (await pendingIds(dataSource)).length === 0);
    // The row is marked inside the job; BullMQ moves the job to completed just after it returns.
    const job = await queue.getJob(calendarChangeJobId(change.id));
    await until(async () => (await job?.getState()) === 'completed');
    // Read again once completed: a job object fetched while it ran has no return value yet.
    const finished = await queue.getJob(calendarChangeJobId(change.id));
    expect(finished?.data).toEqual({ changeId: change.id }); // ids only
    expect(finished?.returnvalue).toBe('processed');
    // The scope points at its latest change.
    const [scope] = await dataSource.query(
      'SELECT revision, last_change_id FROM calendar_scopes WHERE scope_key = ?',
      [agencyId],
    );
    expect(scope).toEqual({ revision: 1, last_change_id: change.id });
  });

  it('runs the subscriber once when the change is delivered twice (two jobs, and two direct calls)', async () => {
    const id = await orphanChange();
    const [a, b] = await Promise.all([
      queue.add(QUEUES.calendar.jobs.change, { changeId: id }, { jobId: calendarChangeJobId(id) }),
      queue.add(QUEUES.calendar.jobs.change, { changeId: id }, { jobId: `redelivered-${id}` }),
    ]);
    await until(async () => (await a.getState()) === 'completed' && (await b.getState()) === 'completed');
    const outcomes = [(await queue.getJob(a.id!))?.returnvalue, (await queue.getJob(b.id!))?.returnvalue];
    expect(outcomes.sort()).toEqual(['already-processed', 'processed']);
    expect(subscriber.callsFor(id)).toBe(1);

    const other = await orphanChange('2026-12-01');
    const direct = await Promise.all([
      changes.process(other),
      changes.process(other),
      changes.process(other),
    ]);
    expect(direct.sort()).toEqual(['already-processed', 'already-processed', 'processed']);
    expect(subscriber.callsFor(other)).toBe(1);
    expect(await changes.process('0194f0a0-0000-7000-8000-000000000000')).toBe('missing');
  });

  it('re-enqueues, once it is a minute old, a change whose job was lost', async () => {
    // Committed, then its job vanished from Redis before any worker took it (a delayed job is never
    // locked by a worker, so it can be removed like a lost one).
    const id = await orphanChange();
    const job = await queue.add(
      QUEUES.calendar.jobs.change,
      { changeId: id },
      { jobId: calendarChangeJobId(id), delay: 3_600_000 },
    );
    await job.remove();
    expect(await queue.getJob(calendarChangeJobId(id))).toBeUndefined();

    expect(await changes.sweep()).toEqual({ ran: true, enqueued: 0 }); // too young: maybe still on its way
    await new Promise((r) => setTimeout(r, 300));
    expect(subscriber.calls).toHaveLength(0);
    expect(await pendingIds(dataSource)).toEqual([id]);

    jest.spyOn(worker.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 2 * 60_000));
    expect(await changes.sweep()).toEqual({ ran: true, enqueued: 1 });
    await until(() => subscriber.callsFor(id) === 1);
    await until(async () => (await pendingIds(dataSource)).length === 0);
    // A second sweep finds nothing left to do.
    expect(await changes.sweep()).toEqual({ ran: true, enqueued: 0 });
    expect(subscriber.callsFor(id)).toBe(1);
  });

  it('enqueues, once it is a minute old, a change committed by a process that died before enqueueing', async () => {
    const id = await orphanChange();
    jest.spyOn(worker.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 2 * 60_000));
    expect(await changes.sweep()).toEqual({ ran: true, enqueued: 1 });
    await until(async () => (await pendingIds(dataSource)).length === 0);
    expect(subscriber.callsFor(id)).toBe(1);
  });

  it('retries, from the sweep, a change whose job failed for good', async () => {
    subscriber.failNext = 1;
    const id = await orphanChange();
    const job = await queue.add(
      QUEUES.calendar.jobs.change,
      { changeId: id },
      { jobId: calendarChangeJobId(id), attempts: 1 },
    );
    await until(async () => (await job.getState()) === 'failed');
    expect(await pendingIds(dataSource)).toEqual([id]); // the failure rolled the mark back

    jest.spyOn(worker.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 2 * 60_000));
    expect(await changes.sweep()).toEqual({ ran: true, enqueued: 1 });
    await until(async () => (await pendingIds(dataSource)).length === 0);
    expect(subscriber.callsFor(id)).toBe(1);
  });

  it('skips a sweep while another holds the sweep lock (no overlapping runs)', async () => {
    await orphanChange();
    jest.spyOn(worker.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 2 * 60_000));
    const other = dataSource.createQueryRunner();
    await other.connect();
    try {
      const [{ got }] = await other.query(
        "SELECT GET_LOCK(CONCAT(DATABASE(), '.calendar-change-sweep'), 0) AS got",
      );
      expect(Number(got)).toBe(1);
      expect(await changes.sweep()).toEqual({ ran: false, enqueued: 0 });
      await other.query("SELECT RELEASE_LOCK(CONCAT(DATABASE(), '.calendar-change-sweep'))");
    } finally {
      await other.release();
    }
    expect(await changes.sweep()).toEqual({ ran: true, enqueued: 1 });
  });

  it('registers the sweep as a job scheduler of the calendar queue', async () => {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.every])).toContainEqual([QUEUES.calendar.jobs.sweep, 60_000]);
  });
});

describe('the calendar-change hook while Redis is down', () => {
  let redis: DisposableRedis;
  let api: NestFastifyApplication;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    redis = await DisposableRedis.start();
    api = await startApi(testConfig({ REDIS_PORT: String(redis.port) }));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.kill();
  });

  it('commits the change without Redis, and the sweep delivers it when Redis is back', async () => {
    const dataSource = api.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    const f = new Fixtures(api);
    const agency = await f.unit('Sở Xây dựng', 'agency');
    await redis.kill();

    const started = Date.now();
    const result = await api
      .get(CalendarAdminService)
      .setEntry(SYSTEM_ACTOR, agency.id, '2026-11-24', { kind: 'day_off', name: 'Nghỉ' });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(result.changed).toBe(true);
    const [id] = await pendingIds(dataSource);
    expect(id).toBeDefined();
    // The calendar itself changed at once: Redis only carries the wake-up call.
    expect(result.calendarVersion).toMatch(new RegExp(`^unit-${agency.id}@`));

    await redis.start();
    // The API reconnects by itself (its readiness says so); leaving it mid-reconnect would leave timers.
    await until(async () => (await request(api.getHttpServer()).get('/health/ready')).status === 200, 15000);
    worker = await startWorker({ REDIS_PORT: String(redis.port) });
    const late = new RecordingSubscriber();
    worker.get(CalendarChangeSubscribers).register(late);
    jest.spyOn(worker.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 2 * 60_000));
    await until(async () => (await worker!.get(CalendarChangesService).sweep()).ran);
    await until(() => late.callsFor(id) === 1);
    // The subscriber runs inside the transaction that marks the row; the mark is visible once it commits.
    await until(async () => (await pendingIds(dataSource)).length === 0);
    expect(late.callsFor(id)).toBe(1);
    await worker
      .get<Queue>(getQueueToken(QUEUES.calendar.name))
      .obliterate({ force: true })
      .catch(() => undefined);
  });
});
