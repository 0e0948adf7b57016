import { Queue, QueueEvents, UnrecoverableError, Worker, type Job } from 'bullmq';
import { redisConnection } from '../../src/queue/redis-connection.js';
import {
  ensureLiveJob,
  ensureLiveJobs,
  idOnlyPayload,
  payloadId,
  type LiveJob,
} from '../../src/queue/ensure-live-job.js';
import { testConfig } from '../support/env.js';

const ID = '01968f7e-8a3b-7c1d-9e2f-0123456789ab';

/**
 * The one "make sure a live job exists" step of the outbox-then-job-then-sweep paths, on a real Redis:
 * what it does with a job of the same id in each state.
 */
describe('ensureLiveJob', () => {
  const config = testConfig();
  const prefix = `${config.queue.prefix}-live-job`;
  const name = `ensure-live-job-${process.pid}`;
  let queue: Queue;
  let events: QueueEvents;
  let n = 0;
  const job = (opts = {}): LiveJob => ({
    name: 'work',
    jobId: `work-${++n}`,
    data: { workId: ID },
    opts: { removeOnComplete: false, ...opts },
  });
  /** Runs the queue's jobs with `handler` until `jobId` is settled. */
  const run = async (jobId: string, handler: (job: Job) => Promise<unknown>) => {
    const worker = new Worker(name, handler, { connection: redisConnection(config, 'worker'), prefix });
    try {
      await (await queue.getJob(jobId))!.waitUntilFinished(events, 10_000).catch(() => undefined);
    } finally {
      await worker.close();
    }
  };

  beforeAll(async () => {
    queue = new Queue(name, { connection: redisConnection(config, 'producer'), prefix });
    events = new QueueEvents(name, { connection: redisConnection(config, 'worker'), prefix });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await events?.close();
    await queue?.close();
  });

  it('adds a job that does not exist, and leaves a waiting one alone', async () => {
    const j = job();
    expect(await ensureLiveJob(queue, j)).toBe(true);
    const added = await queue.getJob(j.jobId);
    expect(added?.data).toEqual({ workId: ID });
    expect(await added?.getState()).toBe('waiting');
    expect(await ensureLiveJob(queue, j)).toBe(false);
    expect(await queue.getJobCountByTypes('waiting')).toBeGreaterThanOrEqual(1);
  });

  it('replaces a completed job (its work is due again)', async () => {
    const j = job();
    await ensureLiveJob(queue, j);
    await run(j.jobId, () => Promise.resolve('done'));
    expect(await (await queue.getJob(j.jobId))?.getState()).toBe('completed');
    expect(await ensureLiveJob(queue, j)).toBe(true);
    expect(await (await queue.getJob(j.jobId))?.getState()).toBe('waiting');
  });

  it.each([
    ['retry', 1],
    ['replace', 0],
  ] as const)('a failed job is handled by the policy "%s"', async (policy, attemptsMadeAfter) => {
    const j = job({ attempts: 1 });
    await ensureLiveJob(queue, j);
    await run(j.jobId, () => Promise.reject(new Error('fails')));
    const failed = await queue.getJob(j.jobId);
    expect(await failed?.getState()).toBe('failed');
    expect(await ensureLiveJob(queue, j, policy)).toBe(true);
    const live = await queue.getJob(j.jobId);
    expect(await live?.getState()).toBe('waiting');
    // A retried job keeps its history; a replaced one starts afresh.
    expect(live?.attemptsMade).toBe(attemptsMadeAfter);
  });
});

describe('ensureLiveJobs', () => {
  const config = testConfig();
  const prefix = `${config.queue.prefix}-live-jobs`;
  const name = `ensure-live-jobs-${process.pid}`;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    queue = new Queue(name, { connection: redisConnection(config, 'producer'), prefix });
    events = new QueueEvents(name, { connection: redisConnection(config, 'worker'), prefix });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await events?.close();
    await queue?.close();
  });

  it('adds the missing ones, retries the failed ones among them, and leaves other failed jobs alone', async () => {
    const jobs: LiveJob[] = ['a', 'b', 'c'].map((k) => ({
      name: 'work',
      jobId: `bulk-${k}`,
      data: { workId: ID },
      opts: { attempts: 1 },
    }));
    const other: LiveJob = { ...jobs[0], jobId: 'bulk-other' };
    await ensureLiveJobs(queue, [jobs[0], other]);
    const worker = new Worker(name, () => Promise.reject(new Error('fails')), {
      connection: redisConnection(config, 'worker'),
      prefix,
    });
    try {
      for (const id of ['bulk-a', 'bulk-other']) {
        await (await queue.getJob(id))!.waitUntilFinished(events, 10_000).catch(() => undefined);
      }
    } finally {
      await worker.close();
    }
    expect(await (await queue.getJob('bulk-a'))?.getState()).toBe('failed');

    expect(await ensureLiveJobs(queue, jobs)).toBe(4); // three given, one retried
    expect(await (await queue.getJob('bulk-a'))?.getState()).toBe('waiting');
    expect(await (await queue.getJob('bulk-b'))?.getState()).toBe('waiting');
    expect(await (await queue.getJob('bulk-other'))?.getState()).toBe('failed');
    expect(await ensureLiveJobs(queue, [])).toBe(0);
  });
});

describe('id-only payloads', () => {
  it('reads the id under its key, and nothing that is not a UUID', () => {
    expect(idOnlyPayload({ runId: ID }, 'runId')).toBe(ID);
    expect(idOnlyPayload({ runId: ID }, 'deliveryId')).toBeNull();
    expect(idOnlyPayload({ runId: 'not-an-id' }, 'runId')).toBeNull();
    expect(idOnlyPayload({ runId: ID.toUpperCase() }, 'runId')).toBeNull();
    expect(idOnlyPayload({ runId: 42 }, 'runId')).toBeNull();
    expect(idOnlyPayload(null, 'runId')).toBeNull();
    expect(idOnlyPayload(undefined, 'runId')).toBeNull();
  });

  it('fails a job without one at once, without retries', () => {
    expect(payloadId({ name: 'report-run', data: { runId: ID } }, 'runId')).toBe(ID);
    expect(() => payloadId({ name: 'report-run', data: {} }, 'runId')).toThrow(UnrecoverableError);
    expect(() => payloadId({ name: 'report-run', data: {} }, 'runId')).toThrow(
      'report-run: the payload has no runId',
    );
  });
});
