import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { withSweepLock } from '../../src/common/database/sweep-lock.js';
import { CliModule } from '../../src/cli.module.js';
import { testConfig } from '../support/env.js';

/** Rejects when `promise` has not settled within `ms`: a deadlock fails the test instead of hanging it. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`not done within ${ms} ms`)), ms);
    }),
  ]);
}

describe('the sweeps’ overlap lock (withSweepLock)', () => {
  const POOL = 3;
  let app: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(
      {
        module: class SweepLockTest {},
        imports: [CliModule.forRoot(testConfig({ DB_POOL_SIZE: String(POOL) }))],
      },
      { logger: false },
    );
    dataSource = app.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lets more sweeps than the pool has connections hold their locks and still query (no pool deadlock)', async () => {
    const sweeps = POOL + 2;
    let holding = 0;
    let allHolding!: () => void;
    const everyoneHolds = new Promise<void>((resolve) => (allHolding = resolve));
    const runs = Array.from({ length: sweeps }, (_, i) =>
      withSweepLock(dataSource, `sweep-lock-test-${i}`, async () => {
        // Each waits until all hold their lock, then needs pooled connections, as a sweep's work does.
        if (++holding === sweeps) allHolding();
        await everyoneHolds;
        const [{ n }] = await dataSource.query('SELECT ? AS n', [i]);
        return dataSource.transaction(
          async (m) => Number(n) + Number((await m.query('SELECT 1 AS one'))[0].one),
        );
      }),
    );
    expect(await within(Promise.all(runs), 10_000)).toEqual(Array.from({ length: sweeps }, (_, i) => i + 1));
  });

  it('skips a run while another holds the same lock, and releases it after', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const first = withSweepLock(dataSource, 'sweep-lock-test-same', async () => {
      entered();
      await held;
      return 'first';
    });
    await inside;
    expect(await withSweepLock(dataSource, 'sweep-lock-test-same', async () => 'second')).toBeNull();
    release();
    expect(await first).toBe('first');
    expect(await withSweepLock(dataSource, 'sweep-lock-test-same', async () => 'third')).toBe('third');
  });

  it('survives its lock connection being killed while the work runs (a server restart, an idle kill)', async () => {
    const outcome = await withSweepLock(dataSource, 'sweep-lock-test-killed', async () => {
      const [{ holder }] = await dataSource.query(
        "SELECT IS_USED_LOCK(CONCAT(DATABASE(), '.sweep-lock-test-killed')) AS holder",
      );
      await dataSource.query(`KILL ${Number(holder)}`);
      await new Promise((r) => setTimeout(r, 200)); // the dropped connection's 'error' arrives meanwhile
      return 'done';
    });
    expect(outcome).toBe('done');
    // The lock went with its connection: the next run takes it.
    expect(await withSweepLock(dataSource, 'sweep-lock-test-killed', async () => 'again')).toBe('again');
  });
});
