import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { CaseDeadlinesService } from '../../src/case-deadlines/case-deadlines.service.js';
import { escalationJobId } from '../../src/escalations/escalation.service.js';
import { QUEUES } from '../../src/queue/queues.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { testConfig, workerDatabaseName } from '../support/env.js';
import { Fixtures } from '../support/fixtures.js';
import { until } from '../support/wait.js';
import { startWorker } from '../support/worker.js';

const root = join(__dirname, '..', '..');
const PREFIX = `${workerDatabaseName()}-kill`.toLowerCase().replace(/[^a-z0-9_-]/g, '-');

/** The real worker process (dist/src/worker.js), to be SIGKILLed. */
function spawnWorker(): ChildProcess {
  return spawn(process.execPath, [join(root, 'dist', 'src', 'worker.js')], {
    cwd: '/tmp',
    env: { ...process.env, DB_NAME: workerDatabaseName(), QUEUE_PREFIX: PREFIX, LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
}

/**
 * A worker process killed in the middle of an escalation job: the job's transaction never commits, the
 * job is found stalled and run again by another worker, and the level fires once.
 */
describe('a worker killed mid-job', () => {
  let api: NestFastifyApplication;
  let second: INestApplicationContext | undefined;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    api = await startApi(testConfig({ QUEUE_PREFIX: PREFIX }));
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await api
      .get<Queue>(getQueueToken(QUEUES.escalation.name))
      .obliterate({ force: true })
      .catch(() => undefined);
    await second?.close();
    await api?.close();
  });

  it('retries the job elsewhere and the escalation happens once', async () => {
    const ds = api.get<DataSource>(getDataSourceToken());
    await truncateAll(ds);
    const f = new Fixtures(api);
    const agency = await f.unit('Sở Nội vụ', 'agency');
    const division = await f.unit('Phòng Công chức', 'division', agency.id);
    await f.user(division.id, ['unit_head']);
    const agencyHead = await f.user(agency.id, ['unit_head']);
    // Due on 2 November 2026 and long overdue by the real clock (the child process cannot be mocked):
    // the job will fire the top level.
    const d = await ds.transaction((m) =>
      api.get(CaseDeadlinesService).open(m, SYSTEM_ACTOR, {
        subjectType: 'complaint_case',
        subjectId: '00000000-0000-7000-9999-000000000001',
        unitId: division.id,
        purpose: 'resolution',
        ruleId: 'KN-3',
        trigger: '2026-10-01',
      }),
    );

    // Hold the deadline row: the worker's job will stop inside its transaction, waiting for it.
    const holder = ds.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT id FROM case_deadlines WHERE id = ? FOR UPDATE', [d.id]);

    child = spawnWorker();
    const queue = api.get<Queue>(getQueueToken(QUEUES.escalation.name));
    const job = { deadlineId: d.id, version: 1, level: 1 };
    await queue.add(QUEUES.escalation.jobs.escalate, job, { jobId: escalationJobId(job), attempts: 5 });
    await until(async () => (await queue.getActiveCount()) === 1, 30000, 100);

    // Kill it mid-job, then let go of the row: nothing of the killed attempt was committed.
    child.kill('SIGKILL');
    await new Promise((resolve) => (child!.exitCode !== null ? resolve(null) : child!.once('exit', resolve)));
    await holder.rollbackTransaction();
    await holder.release();
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM escalations'))[0].n)).toBe(0);

    // Another worker finds the job stalled (its 30 s lock expired; stalled jobs are checked every 30 s)
    // and runs it: about a minute.
    second = await startWorker({ QUEUE_PREFIX: PREFIX });
    await until(
      async () =>
        Number((await ds.query("SELECT COUNT(*) AS n FROM escalations WHERE status = 'fired'"))[0].n) === 1,
      150_000,
      500,
    );
    await new Promise((r) => setTimeout(r, 2000));
    // Overdue by more than 5 working days: level 4 alone goes out (1–3 recorded as skipped), to the
    // head of the agency above — once.
    const rows = await ds.query(
      'SELECT level, status FROM escalations WHERE deadline_id = ? ORDER BY level',
      [d.id],
    );
    expect(rows).toEqual([
      { level: 1, status: 'skipped' },
      { level: 2, status: 'skipped' },
      { level: 3, status: 'skipped' },
      { level: 4, status: 'fired' },
    ]);
    const notes = await ds.query("SELECT user_id AS userId FROM notifications WHERE kind = 'escalation'");
    expect(notes).toEqual([{ userId: agencyHead.id }]);
  }, 240_000);
});
