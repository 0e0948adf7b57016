import { getQueueToken } from '@nestjs/bullmq';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { SequenceAuditChain1796610625559 as Migration } from '../../migrations/1796610625559-SequenceAuditChain.js';
import { sha256Hex } from '../../src/audit/audit-hash.js';
import { chainPendingEntries } from '../../src/audit/audit-sequencer.js';
import { AuditModule } from '../../src/audit/audit.module.js';
import { AuditService } from '../../src/audit/audit.service.js';
import { chainHash, GENESIS_HASH, type AuditEntryContent } from '../../src/audit/domain/chain.js';
import { verifyChain, type AuditLogRow } from '../../src/audit/verify-chain.js';
import type { Actor } from '../../src/auth/domain/actor.js';
import { uuid7 } from '../../src/common/ids/uuid7.js';
import { ConfigModule } from '../../src/config/config.module.js';
import { DatabaseModule } from '../../src/database/database.module.js';
import { QUEUES } from '../../src/queue/queues.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { until } from '../support/wait.js';
import { startWorker } from '../support/worker.js';

const actor = (): Actor => ({
  userId: uuid7(),
  unitId: null,
  roles: ['admin'],
  permissions: new Set(),
  scopeRootUnitIds: null,
  requestId: 'req-1',
  clientIp: null,
});

const record = (audit: AuditService, dataSource: DataSource, n: number) =>
  dataSource.transaction((manager) =>
    audit.record(manager, actor(), { action: 'update', entityType: 'unit', entityId: `unit-${n}` }),
  );

describe('the audit chain sequencer', () => {
  describe('the migration from the locked chain (SequenceAuditChain)', () => {
    let context: INestApplicationContext;
    let dataSource: DataSource;
    let audit: AuditService;

    beforeAll(async () => {
      @Module({ imports: [ConfigModule.forRoot(testConfig()), DatabaseModule, AuditModule] })
      class MigrationTestModule {}
      context = await NestFactory.createApplicationContext(MigrationTestModule, { logger: false });
      dataSource = context.get<DataSource>(getDataSourceToken());
      audit = context.get(AuditService);
    });
    beforeEach(() => truncateAll(dataSource));
    afterAll(async () => {
      await context?.close();
    });

    /** Appends as the code before the sequencer did: id = last id + 1 and the hash, under the head. */
    async function appendTheOldWay(count: number): Promise<string> {
      let prevHash = GENESIS_HASH;
      for (let id = 1; id <= count; id++) {
        const content: AuditEntryContent = {
          id: String(id),
          occurredAt: new Date(Date.UTC(2026, 10, 2, 3, 4, 5, id)).toISOString(),
          actorUserId: uuid7(),
          actorUnitId: null,
          unitId: null,
          action: 'update',
          entityType: 'unit',
          entityId: `old-${id}`,
          changes: { name: { before: `a${id}`, after: `b${id}` } },
          requestId: null,
          clientIp: '203.0.113.9',
        };
        const hash = chainHash(prevHash, content, sha256Hex);
        await dataSource.query(
          `INSERT INTO audit_log (id, occurred_at, actor_user_id, action, entity_type, entity_id, changes,
             client_ip, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            content.id,
            new Date(content.occurredAt),
            content.actorUserId,
            content.action,
            content.entityType,
            content.entityId,
            JSON.stringify(content.changes),
            content.clientIp,
            prevHash,
            hash,
          ],
        );
        prevHash = hash;
      }
      await dataSource.query(
        'INSERT INTO audit_chain_head (id, last_id, last_hash) VALUES (1, ?, ?) ON DUPLICATE KEY UPDATE last_id = VALUES(last_id), last_hash = VALUES(last_hash)',
        [count, prevHash],
      );
      return prevHash;
    }

    /** Runs `work` with the schema as it was before the migration, and puts the migration back after. */
    async function beforeTheMigration(
      work: (runner: ReturnType<DataSource['createQueryRunner']>) => Promise<void>,
    ): Promise<void> {
      const runner = dataSource.createQueryRunner();
      try {
        await new Migration().down(runner);
        try {
          await work(runner);
        } finally {
          // The suite's other tests need the migrated schema whatever happened above.
          const columns: unknown[] = await runner.query("SHOW COLUMNS FROM audit_log LIKE 'chain_seq'");
          if (columns.length === 0) await new Migration().up(runner);
        }
      } finally {
        await runner.release();
      }
    }

    it('keeps a chain written the old way valid, and the sequencer continues it', async () => {
      let oldLastHash = '';
      await beforeTheMigration(async (runner) => {
        oldLastHash = await appendTheOldWay(5);
        await new Migration().up(runner);
      });
      expect(await verifyChain(dataSource, { batchSize: 2 })).toEqual({ ok: true, entries: 5, unchained: 0 });
      expect(await dataSource.query('SELECT last_seq, last_hash FROM audit_chain_head')).toEqual([
        { last_seq: '5', last_hash: oldLastHash },
      ]);

      await record(audit, dataSource, 6);
      await record(audit, dataSource, 7);
      expect(await chainPendingEntries(dataSource, { batchSize: 1000 })).toEqual({
        chained: 2,
        lastSeq: '7',
      });
      const rows: AuditLogRow[] = await dataSource.query('SELECT * FROM audit_log ORDER BY chain_seq');
      expect(rows.map((r) => [r.id, r.chain_seq])).toEqual(
        Array.from({ length: 7 }, (_, i) => [String(i + 1), String(i + 1)]),
      );
      expect(rows[5].prev_hash).toBe(oldLastHash);
      expect(await verifyChain(dataSource, { batchSize: 3 })).toEqual({ ok: true, entries: 7, unchained: 0 });
    });

    it('refuses to be reverted while an entry is unchained', async () => {
      await record(audit, dataSource, 1);
      const runner = dataSource.createQueryRunner();
      try {
        await expect(new Migration().down(runner)).rejects.toThrow(
          'SequenceAuditChain cannot be reverted: 1 audit entries are unchained',
        );
      } finally {
        await runner.release();
      }
      expect(await dataSource.query("SHOW COLUMNS FROM audit_log LIKE 'chain_seq'")).toHaveLength(1);
    });
  });

  describe('in the worker', () => {
    let worker: INestApplicationContext;
    let dataSource: DataSource;
    let queue: Queue;

    beforeAll(async () => {
      worker = await startWorker({ AUDIT_CHAIN_SECONDS: '1' });
      dataSource = worker.get<DataSource>(getDataSourceToken());
      queue = worker.get<Queue>(getQueueToken(QUEUES.audit.name));
      await truncateAll(dataSource);
    });
    afterAll(async () => {
      await queue?.obliterate({ force: true }).catch(() => undefined);
      await worker?.close();
    });

    it('chains the entries commands commit, on its schedule', async () => {
      const audit = new AuditService(dataSource);
      for (let n = 1; n <= 5; n++) await record(audit, dataSource, n);
      const unchained = async () =>
        Number((await dataSource.query('SELECT COUNT(*) AS n FROM audit_log WHERE chain_seq IS NULL'))[0].n);
      await until(async () => (await unchained()) === 0, 10_000);
      expect(await verifyChain(dataSource, { batchSize: 10 })).toEqual({
        ok: true,
        entries: 5,
        unchained: 0,
      });
      expect((await queue.getJobSchedulers()).map((s) => s.key)).toContain(QUEUES.audit.jobs.chain);

      // And what comes later too.
      for (let n = 6; n <= 8; n++) await record(audit, dataSource, n);
      await until(async () => (await unchained()) === 0, 10_000);
      expect(await verifyChain(dataSource, { batchSize: 10 })).toEqual({
        ok: true,
        entries: 8,
        unchained: 0,
      });
    });
  });
});
