import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { CaseDeadlinesService } from '../../src/case-deadlines/case-deadlines.service.js';
import { Clock } from '../../src/common/clock.js';
import { EscalationService, escalationJobId } from '../../src/escalations/escalation.service.js';
import { NotificationsService } from '../../src/notifications/notifications.service.js';
import { QUEUES } from '../../src/queue/queues.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { Fixtures, login } from '../support/fixtures.js';
import { DisposableRedis, DisposableSentinel } from '../support/redis-server.js';
import { Redis } from 'ioredis';
import { until } from '../support/wait.js';
import { startWorker } from '../support/worker.js';

/** Noon in Vietnam on a local date. */
const at = (date: string) => new Date(`${date}T05:00:00Z`);
let subjectNo = 0;
const subjectId = () => `00000000-0000-7000-9000-${String(++subjectNo).padStart(12, '0')}`;

interface World {
  division: string;
  head: string;
  inspector: string;
  agencyHead: string;
}

/** An agency with its inspectorate and a division: the people each ladder level goes to. */
async function organisation(app: INestApplicationContext): Promise<World> {
  const f = new Fixtures(app);
  const agency = await f.unit('Sở Tài nguyên và Môi trường', 'agency');
  const inspectorate = await f.unit('Thanh tra Sở', 'inspectorate', agency.id);
  const division = await f.unit('Phòng Đất đai', 'division', agency.id);
  return {
    division: division.id,
    head: (await f.user(division.id, ['unit_head'])).id,
    inspector: (await f.user(inspectorate.id, ['inspectorate_leader'])).id,
    agencyHead: (await f.user(agency.id, ['unit_head'])).id,
  };
}

async function openDeadline(app: INestApplicationContext, unitId: string, trigger = '2026-10-01') {
  return app.get<DataSource>(getDataSourceToken()).transaction((m) =>
    app.get(CaseDeadlinesService).open(m, SYSTEM_ACTOR, {
      subjectType: 'complaint_case',
      subjectId: subjectId(),
      unitId,
      purpose: 'resolution',
      ruleId: 'KN-3',
      trigger,
    }),
  );
}

const fired = (ds: DataSource, deadlineId: string) =>
  ds.query(
    'SELECT deadline_version AS version, level, status, recipients FROM escalations WHERE deadline_id = ? ORDER BY deadline_version, level',
    [deadlineId],
  );
const notified = async (ds: DataSource, userId: string) =>
  Number(
    (
      await ds.query("SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND kind = 'escalation'", [
        userId,
      ])
    )[0].n,
  );

describe('escalation of deadlines, exactly once', () => {
  let api: NestFastifyApplication;
  let worker: INestApplicationContext;
  let ds: DataSource;
  let world: World;

  beforeAll(async () => {
    api = await startApi();
    // Emptied before the worker starts: a worker started on the last suite's rows would be busy with them
    // (deliveries, sweeps) while the tables are truncated.
    await truncateAll(api.get<DataSource>(getDataSourceToken()));
    worker = await startWorker();
    ds = worker.get<DataSource>(getDataSourceToken());
    world = await organisation(api);
  });
  afterAll(async () => {
    await worker
      ?.get<Queue>(getQueueToken(QUEUES.escalation.name))
      .obliterate({ force: true })
      .catch(() => undefined);
    await worker?.close();
    await api?.close();
  });

  it('arms the first level when a deadline opens, and the sweep finds it on its day', async () => {
    jest.spyOn(worker.get(Clock), 'now').mockReturnValue(at('2026-10-01'));
    const d = await openDeadline(worker, world.division); // KN-3 from 1 Oct: due 2026-11-02 (31 Oct is a Saturday)
    const { levels } = await worker
      .get(CaseDeadlinesService)
      .ladderOf(worker.get<DataSource>(getDataSourceToken()).manager, d);
    expect(d).toMatchObject({ nextEscalationLevel: 1, nextEscalationOn: levels[0].on });
    expect(levels.map((l) => l.level)).toEqual([1, 2, 3, 4]);

    jest.spyOn(worker.get(Clock), 'now').mockReturnValue(at(levels[0].on));
    const sweep = await worker.get(EscalationService).sweep();
    expect(sweep).toMatchObject({ ran: true, due: 1 });
    await until(async () => (await fired(ds, d.id)).length === 1);
    expect(await fired(ds, d.id)).toEqual([{ version: 1, level: 1, status: 'fired', recipients: 1 }]);
    const [row] = await ds.query(
      'SELECT next_escalation_level AS level, next_escalation_on AS next FROM case_deadlines WHERE id = ?',
      [d.id],
    );
    expect(row).toEqual({ level: 2, next: levels[1].on });
  });

  it('the same escalation job delivered twice escalates once', async () => {
    const d = await openDeadline(worker, world.division, '2026-09-01');
    const { levels } = await worker
      .get(CaseDeadlinesService)
      .ladderOf(worker.get<DataSource>(getDataSourceToken()).manager, d);
    // On the due date: level 2 goes out (handler and unit head), level 1 is skipped.
    jest.spyOn(worker.get(Clock), 'now').mockReturnValue(at(levels[1].on));
    const before = await notified(ds, world.head);
    const job = { deadlineId: d.id, version: 1, level: 1 };
    const outcomes = await Promise.all([
      worker.get(EscalationService).escalate(job),
      worker.get(EscalationService).escalate(job),
    ]);
    expect(outcomes.sort()).toEqual(['fired', 'stale']);
    expect(await worker.get(EscalationService).escalate(job)).toBe('stale');
    expect(await fired(ds, d.id)).toEqual([
      { version: 1, level: 1, status: 'skipped', recipients: 0 },
      { version: 1, level: 2, status: 'fired', recipients: 1 },
    ]);
    expect(await notified(ds, world.head)).toBe(before + 1);
  });

  it('goes up the ladder to the inspectorate and the agency head, and re-arms when the deadline moves', async () => {
    const d = await openDeadline(worker, world.division, '2026-08-03');
    const deadlines = worker.get(CaseDeadlinesService);
    const { levels } = await deadlines.ladderOf(worker.get<DataSource>(getDataSourceToken()).manager, d);
    const counts = async () => [
      await notified(ds, world.head),
      await notified(ds, world.inspector),
      await notified(ds, world.agencyHead),
    ];
    const start = await counts();
    for (const l of levels) {
      jest.spyOn(worker.get(Clock), 'now').mockReturnValue(at(l.on));
      const [row] = await ds.query(
        'SELECT version, next_escalation_level AS level FROM case_deadlines WHERE id = ?',
        [d.id],
      );
      expect(
        await worker
          .get(EscalationService)
          .escalate({ deadlineId: d.id, version: row.version, level: row.level }),
      ).toBe('fired');
    }
    const end = await counts();
    // Head: level 1 (no handler assigned: the heads instead), 2 and 3; inspectorate leader: 3 and 4;
    // agency head: 4.
    expect(end.map((n, i) => n - start[i])).toEqual([3, 2, 1]);

    // The deadline moves (complicated): a new version, escalated afresh from level 1.
    const [moved] = await ds.transaction((m) =>
      deadlines.changeFlags(
        m,
        SYSTEM_ACTOR,
        { subjectType: 'complaint_case', subjectId: d.subjectId },
        { complicated: true },
      ),
    );
    expect(moved.version).toBe(2);
    expect(moved.dueDate > d.dueDate).toBe(true);
    expect(moved.nextEscalationLevel).toBe(1);
    const fresh = await deadlines.ladderOf(worker.get<DataSource>(getDataSourceToken()).manager, moved);
    jest.spyOn(worker.get(Clock), 'now').mockReturnValue(at(fresh.levels[1].on));
    expect(await worker.get(EscalationService).escalate({ deadlineId: d.id, version: 2, level: 1 })).toBe(
      'fired',
    );
    expect((await fired(ds, d.id)).filter((e: { version: number }) => e.version === 2)).toEqual([
      { version: 2, level: 1, status: 'skipped', recipients: 0 },
      { version: 2, level: 2, status: 'fired', recipients: 1 },
    ]);
  });

  it('an enforcement obligation climbs the same ladder: the heads of the unit that owns it hear of it', async () => {
    const due = '2026-11-16';
    const d = await ds.transaction((m) =>
      api.get(CaseDeadlinesService).openFixed(m, SYSTEM_ACTOR, {
        subjectType: 'enforcement_obligation',
        subjectId: subjectId(),
        unitId: world.division,
        purpose: 'obligation',
        trigger: '2026-10-20',
        due,
        basis: 'Quyết định số 200/QĐ-UBND',
      }),
    );
    const { levels } = await worker
      .get(CaseDeadlinesService)
      .ladderOf(worker.get<DataSource>(getDataSourceToken()).manager, d);
    const before = await notified(ds, world.head);
    jest.spyOn(worker.get(Clock), 'now').mockReturnValue(at(levels[0].on));
    expect(await worker.get(EscalationService).escalate({ deadlineId: d.id, version: 1, level: 1 })).toBe(
      'fired',
    );
    expect(await fired(ds, d.id)).toEqual([{ version: 1, level: 1, status: 'fired', recipients: 1 }]);
    expect(await notified(ds, world.head)).toBe(before + 1);
  });

  it('a recomputation that leaves the due date where it was sends nothing again', async () => {
    const d = await openDeadline(api, world.division, '2026-09-01');
    const deadlines = worker.get(CaseDeadlinesService);
    const { levels } = await deadlines.ladderOf(worker.get<DataSource>(getDataSourceToken()).manager, d);
    jest.spyOn(worker.get(Clock), 'now').mockReturnValue(at(levels[1].on));
    expect(await worker.get(EscalationService).escalate({ deadlineId: d.id, version: 1, level: 1 })).toBe(
      'fired',
    );
    const before = await notified(ds, world.head);
    // No flag changes the date (remote means nothing to this unit's KN-3 here): a new version, same due date.
    const [same] = await ds.transaction((m) =>
      deadlines.changeFlags(m, SYSTEM_ACTOR, { subjectType: 'complaint_case', subjectId: d.subjectId }, {}),
    );
    expect(same).toMatchObject({ version: 2, dueDate: d.dueDate, nextEscalationLevel: 3 });
    await worker.get(EscalationService).sweep();
    expect(await worker.get(EscalationService).escalate({ deadlineId: d.id, version: 2, level: 3 })).toBe(
      'not_due',
    );
    expect(await notified(ds, world.head)).toBe(before);
  });

  it('never fires for a met deadline, nor for a job of an older version', async () => {
    const d = await openDeadline(worker, world.division, '2026-07-01');
    await ds.transaction((m) =>
      worker
        .get(CaseDeadlinesService)
        .settle(
          m,
          SYSTEM_ACTOR,
          { subjectType: 'complaint_case', subjectId: d.subjectId },
          'resolution',
          'done',
          '2026-07-15',
        ),
    );
    jest.spyOn(worker.get(Clock), 'now').mockReturnValue(at('2026-09-30'));
    expect(await worker.get(EscalationService).escalate({ deadlineId: d.id, version: 1, level: 1 })).toBe(
      'stale',
    );
    const [row] = await ds.query('SELECT next_escalation_on AS next FROM case_deadlines WHERE id = ?', [
      d.id,
    ]);
    expect(row.next).toBeNull();
    expect(await fired(ds, d.id)).toEqual([]);
  });

  it('a job that fails half-way is retried and its effect happens once', async () => {
    const d = await openDeadline(worker, world.division, '2026-06-01');
    const { levels } = await worker
      .get(CaseDeadlinesService)
      .ladderOf(worker.get<DataSource>(getDataSourceToken()).manager, d);
    jest.spyOn(worker.get(Clock), 'now').mockReturnValue(at(levels[0].on));
    const notify = worker.get(NotificationsService).notify.bind(worker.get(NotificationsService));
    let calls = 0;
    const spy = jest
      .spyOn(worker.get(NotificationsService), 'notify')
      .mockImplementation(async (m, input) => {
        calls += 1;
        const result = await notify(m, input);
        // The worker dies after writing the notifications, before the commit: nothing of it remains.
        if (calls === 1) throw new Error('simulated crash in the middle of the job');
        return result;
      });
    try {
      await worker.get(EscalationService).sweep();
      await until(async () => (await fired(ds, d.id)).length === 1, 20000);
      expect(calls).toBe(2);
      expect(await fired(ds, d.id)).toEqual([{ version: 1, level: 1, status: 'fired', recipients: 1 }]);
    } finally {
      spy.mockRestore();
    }
  });

  it('a level whose job failed for good is retried by the next sweep, and fires once', async () => {
    const d = await openDeadline(worker, world.division, '2026-06-02');
    const { levels } = await worker
      .get(CaseDeadlinesService)
      .ladderOf(worker.get<DataSource>(getDataSourceToken()).manager, d);
    jest.spyOn(worker.get(Clock), 'now').mockReturnValue(at(levels[0].on));
    const queue = worker.get<Queue>(getQueueToken(QUEUES.escalation.name));
    const job = { deadlineId: d.id, version: d.version, level: levels[0].level };
    const spy = jest
      .spyOn(worker.get(NotificationsService), 'notify')
      .mockRejectedValue(new Error('simulated outage of the notifications'));
    try {
      // The sweep's own job, with one attempt only: it fails for good.
      const added = await queue.add(QUEUES.escalation.jobs.escalate, job, {
        jobId: escalationJobId(job),
        attempts: 1,
      });
      await until(async () => (await added.getState()) === 'failed', 20000);
    } finally {
      spy.mockRestore();
    }
    expect(await fired(ds, d.id)).toEqual([]);
    await worker.get(EscalationService).sweep();
    await until(async () => (await fired(ds, d.id)).length === 1, 20000);
    expect(await fired(ds, d.id)).toEqual([{ version: 1, level: 1, status: 'fired', recipients: 1 }]);
  });

  it('two workers sweeping and escalating at once fire every due level once, with one scheduler each', async () => {
    const queues = Object.values(QUEUES).map((q) => worker.get<Queue>(getQueueToken(q.name)));
    const schedulerIds = async () =>
      (await Promise.all(queues.map((q) => q.getJobSchedulers()))).flat().map((j) => `${j.key}`);
    const withOne = await schedulerIds();
    const second = await startWorker();
    try {
      const today = '2026-11-02';
      for (const w of [worker, second]) jest.spyOn(w.get(Clock), 'now').mockReturnValue(at(today));
      // Both workers registered their schedulers: still one of each.
      expect((await schedulerIds()).sort()).toEqual(withOne.sort());

      // A division of its own: what earlier tests left due elsewhere does not count here.
      const own = await organisation(api);
      const opened = [];
      for (let i = 0; i < 30; i++) opened.push(await openDeadline(worker, own.division, '2026-10-01'));
      const sweeps = await Promise.all([
        worker.get(EscalationService).sweep(),
        second.get(EscalationService).sweep(),
        worker.get(EscalationService).sweep(),
        second.get(EscalationService).sweep(),
      ]);
      expect(sweeps.some((r) => r.ran && r.due >= opened.length)).toBe(true);
      const ids = opened.map((d) => d.id);
      const firedRows = async () =>
        ds.query(
          `SELECT deadline_id AS id, COUNT(*) AS n FROM escalations
           WHERE status = 'fired' AND deadline_id IN (${ids.map(() => '?').join(',')}) GROUP BY deadline_id`,
          ids,
        );
      await until(async () => (await firedRows()).length === opened.length, 30000, 100);
      // Once more from both, now that everything went out: nothing fires again.
      await Promise.all([worker.get(EscalationService).sweep(), second.get(EscalationService).sweep()]);
      const rows = await firedRows();
      expect(rows.map((r: { n: string }) => Number(r.n))).toEqual(opened.map(() => 1));
      expect(await notified(ds, own.head)).toBe(opened.length);
    } finally {
      await second.close();
    }
  }, 60_000);
});

describe('escalation when Redis dies', () => {
  let redis: DisposableRedis;
  let api: NestFastifyApplication;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    redis = await DisposableRedis.start();
    api = await startApi(testConfig({ REDIS_PORT: String(redis.port) }));
  });
  afterAll(async () => {
    // A worker whose Redis went away may wait on a reconnect while closing; the process's own
    // SHUTDOWN_TIMEOUT_MS bounds that in production, 15 s bounds it here.
    await Promise.race([
      worker?.close().catch(() => undefined),
      new Promise((r) => setTimeout(r, 15_000).unref()),
    ]);
    await api?.close();
    await redis?.dispose();
  });

  it('the API keeps accepting work while Redis is down; after a kill mid-sweep every due level fires exactly once', async () => {
    const ds = api.get<DataSource>(getDataSourceToken());
    await truncateAll(ds);
    const world = await organisation(api);
    const today = '2026-11-02';
    jest.spyOn(api.get(Clock), 'now').mockReturnValue(at(today));

    // Redis is down: deadlines still open (they need no queue), and the API answers.
    await redis.kill();
    const opened = [];
    for (let i = 0; i < 40; i++) opened.push(await openDeadline(api, world.division, '2026-10-01'));
    const head = await login(
      api.getHttpServer(),
      (await ds.query('SELECT email FROM users WHERE id = ?', [world.head]))[0].email,
    );
    expect(
      (
        await request(api.getHttpServer())
          .get('/api/v1/complaint-cases')
          .set('authorization', `Bearer ${head.accessToken}`)
      ).status,
    ).toBe(200);

    await redis.start();
    worker = await startWorker({ REDIS_PORT: String(redis.port) });
    jest.spyOn(worker.get(Clock), 'now').mockReturnValue(at(today));
    // Kill Redis while the sweep is enqueueing, then bring it back (AOF on) and let the sweeps run again.
    const first = worker
      .get(EscalationService)
      .sweep()
      .catch(() => undefined);
    await new Promise((r) => setTimeout(r, 5));
    await redis.kill();
    // Its Redis commands wait for Redis to come back (holding the sweep lock meanwhile).
    await Promise.race([first, new Promise((r) => setTimeout(r, 2000))]);
    await redis.start();
    await until(
      async () => {
        await worker!
          .get(EscalationService)
          .sweep()
          .catch(() => undefined);
        const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM escalations WHERE status = 'fired'");
        return Number(n) === opened.length;
      },
      90000,
      500,
    );
    const rows = await ds.query(
      "SELECT deadline_id AS id, COUNT(*) AS n FROM escalations WHERE status = 'fired' GROUP BY deadline_id",
    );
    expect(rows).toHaveLength(opened.length);
    expect(rows.every((r: { n: number }) => Number(r.n) === 1)).toBe(true);
    // Due on 2 November: level 2 (handler and head) once per deadline; the head heard of each once.
    expect(await notified(ds, world.head)).toBe(opened.length);
    await worker
      .get<Queue>(getQueueToken(QUEUES.escalation.name))
      .obliterate({ force: true })
      .catch(() => undefined);
  }, 150_000);
});

describe('escalation through Redis Sentinel, across a failover', () => {
  const MASTER = 'tiepdan-test';
  let primary: DisposableRedis;
  let replica: DisposableRedis;
  let sentinel: DisposableSentinel;
  let asker: Redis;
  let api: NestFastifyApplication;
  let worker: INestApplicationContext;

  const masterPort = async () =>
    Number(((await asker.call('SENTINEL', 'get-master-addr-by-name', MASTER)) as string[])[1]);

  beforeAll(async () => {
    primary = await DisposableRedis.start();
    replica = await DisposableRedis.start(['--replicaof', '127.0.0.1', String(primary.port)]);
    sentinel = await DisposableSentinel.start(MASTER, primary.port);
    asker = new Redis({ host: '127.0.0.1', port: sentinel.port });
    // The sentinel has found the replica (from the master's INFO) before anything relies on it.
    await until(
      async () => ((await asker.call('SENTINEL', 'replicas', MASTER)) as unknown[]).length === 1,
      20000,
      100,
    );
    // REDIS_HOST/PORT name nothing: every client must find Redis through the sentinel.
    const sentinelSettings = {
      REDIS_HOST: '127.0.0.1',
      REDIS_PORT: '1',
      REDIS_SENTINELS: `127.0.0.1:${sentinel.port}`,
      REDIS_SENTINEL_MASTER: MASTER,
    };
    api = await startApi(testConfig(sentinelSettings));
    await truncateAll(api.get<DataSource>(getDataSourceToken()));
    worker = await startWorker(sentinelSettings);
  });
  afterAll(async () => {
    // Clients still retrying the dead master's address get an answer, so they can quit.
    await primary?.start();
    // A worker whose Redis went away may wait on a reconnect while closing; the process's own
    // SHUTDOWN_TIMEOUT_MS bounds that in production, 15 s bounds it here.
    await Promise.race([
      worker?.close().catch(() => undefined),
      new Promise((r) => setTimeout(r, 15_000).unref()),
    ]);
    await api?.close();
    asker?.disconnect();
    await sentinel?.dispose();
    await replica?.dispose();
    await primary?.dispose();
  });

  it('loses no escalation and fires none twice when the master dies and the replica takes over', async () => {
    const ds = worker.get<DataSource>(getDataSourceToken());
    const world = await organisation(api);
    const today = '2026-11-02';
    jest.spyOn(worker.get(Clock), 'now').mockReturnValue(at(today));
    const opened = [];
    for (let i = 0; i < 30; i++) opened.push(await openDeadline(worker, world.division, '2026-10-01'));
    expect(await masterPort()).toBe(primary.port);
    // The sweep enqueues on the master; the master dies while the jobs run.
    await worker.get(EscalationService).sweep();
    await primary.kill();
    await until(async () => (await masterPort()) === replica.port, 30000, 100);
    for (let i = 0; i < 10; i++) opened.push(await openDeadline(worker, world.division, '2026-10-01'));
    // The sweeps go on (the scheduler's, and these): what the dead master held is enqueued again.
    await until(
      async () => {
        await worker
          .get(EscalationService)
          .sweep()
          .catch(() => undefined);
        const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM escalations WHERE status = 'fired'");
        return Number(n) >= opened.length;
      },
      60000,
      250,
    );
    const rows = await ds.query(
      "SELECT deadline_id AS id, COUNT(*) AS n FROM escalations WHERE status = 'fired' GROUP BY deadline_id",
    );
    expect(rows).toHaveLength(opened.length);
    expect(rows.every((r: { n: number }) => Number(r.n) === 1)).toBe(true);
    expect(await notified(ds, world.head)).toBe(opened.length);
    // The API's clients followed too: Redis is ready for it on the new master.
    await until(
      async () => (await request(api.getHttpServer()).get('/health/ready')).status === 200,
      10000,
      100,
    );
  }, 120_000);
});
