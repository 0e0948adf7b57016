import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { sha256Hex } from '../../src/audit/audit-hash.js';
import { AuditModule } from '../../src/audit/audit.module.js';
import { chainPendingEntries, runAuditSequencer } from '../../src/audit/audit-sequencer.js';
import { AuditService, type AuditRecordInput } from '../../src/audit/audit.service.js';
import { chainHash, GENESIS_HASH } from '../../src/audit/domain/chain.js';
import { diffChanges, REDACTED } from '../../src/audit/domain/changes.js';
import { contentOfRow, verifyChain, type AuditLogRow } from '../../src/audit/verify-chain.js';
import type { Actor } from '../../src/auth/domain/actor.js';
import type { Permission } from '../../src/auth/domain/roles.js';
import { uuid7 } from '../../src/common/ids/uuid7.js';
import { ConfigModule } from '../../src/config/config.module.js';
import { DatabaseModule } from '../../src/database/database.module.js';
import { truncateAll } from '../support/database.js';
import { testConfig, workerDatabaseName } from '../support/env.js';

const root = join(__dirname, '..', '..');

function actorOf(overrides: Partial<Actor> = {}): Actor {
  return {
    userId: uuid7(),
    unitId: null,
    roles: ['admin'],
    permissions: new Set<Permission>(['audit:read']),
    scopeRootUnitIds: null,
    requestId: 'req-0123456789',
    clientIp: '203.0.113.7',
    ...overrides,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Driver errors carry the SQLSTATE and the trigger's message. */
function sqlError(error: unknown): { sqlState?: string; message: string } {
  const e = error as { sqlState?: string; driverError?: { sqlState?: string }; message: string };
  return { sqlState: e.sqlState ?? e.driverError?.sqlState, message: e.message };
}

describe('the audit trail', () => {
  let context: INestApplicationContext;
  let dataSource: DataSource;
  let audit: AuditService;

  beforeAll(async () => {
    // More connections than the default test pool, so concurrent transactions really contend.
    const config = testConfig({ DB_POOL_SIZE: '20' });
    @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, AuditModule] })
    class AuditTestModule {}
    context = await NestFactory.createApplicationContext(AuditTestModule, { logger: false });
    await context.init();
    dataSource = context.get<DataSource>(getDataSourceToken());
    audit = context.get(AuditService);
  });
  beforeEach(() => truncateAll(dataSource));
  afterAll(async () => {
    await context?.close();
  });

  const entry = (n: number, extra: Partial<AuditRecordInput> = {}): AuditRecordInput => ({
    action: 'update',
    entityType: 'unit',
    entityId: `unit-${n}`,
    changes: diffChanges({ name: `before ${n}` }, { name: `after ${n}` }),
    ...extra,
  });

  /** Records each entry in its own transaction, one after another. */
  async function writeSequentially(count: number, actor = actorOf()): Promise<void> {
    for (let n = 1; n <= count; n++) {
      await dataSource.transaction((manager) => audit.record(manager, actor, entry(n)));
    }
  }

  async function rows(): Promise<AuditLogRow[]> {
    return dataSource.query('SELECT * FROM audit_log ORDER BY id');
  }

  /** The rows in chain order (chained ones only). */
  async function chained(): Promise<AuditLogRow[]> {
    return dataSource.query('SELECT * FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq');
  }

  /** Runs the sequencer as the worker's job does, without its sweep lock. */
  const chain = (batchSize = 1000) => chainPendingEntries(dataSource, { batchSize });

  /** Each entry in its own transaction, then chained. */
  async function writeAndChain(count: number): Promise<void> {
    await writeSequentially(count);
    await chain();
  }

  /**
   * Runs `tamper` as a DBA would: with the append-only trigger dropped. MariaDB and MySQL have no
   * session switch that skips triggers, so the trigger is dropped and then recreated from its own
   * `SHOW CREATE TRIGGER` text, in `finally`, so the next tests get it back whatever happens.
   */
  async function asDbaWithoutTrigger(trigger: string, tamper: () => Promise<unknown>): Promise<void> {
    const [definition]: { 'SQL Original Statement': string }[] = await dataSource.query(
      `SHOW CREATE TRIGGER \`${trigger}\``,
    );
    await dataSource.query(`DROP TRIGGER \`${trigger}\``);
    try {
      await tamper();
    } finally {
      await dataSource.query(definition['SQL Original Statement']);
    }
  }

  describe('writing', () => {
    it('commits an entry with the change, unchained, carrying the actor and the request', async () => {
      const unitId = uuid7();
      const actor = actorOf({ unitId: uuid7() });
      await dataSource.transaction((manager) =>
        audit.record(manager, actor, {
          action: 'create',
          entityType: 'user',
          entityId: 'user-1',
          unitId,
          changes: diffChanges(null, {
            email: 'a@b.gov.vn',
            passwordHash: '$argon2id$v=19$secret',
            lockedUntil: new Date(Date.UTC(2026, 0, 16, 1, 2, 3, 4)),
          }),
        }),
      );
      const [row] = await rows();
      expect(row).toMatchObject({
        id: '1',
        actor_user_id: actor.userId,
        actor_unit_id: actor.unitId,
        unit_id: unitId,
        action: 'create',
        entity_type: 'user',
        entity_id: 'user-1',
        request_id: 'req-0123456789',
        client_ip: '203.0.113.7',
        // Chained later, by the sequencer.
        chain_seq: null,
        prev_hash: null,
        hash: null,
      });
      expect(contentOfRow(row).changes).toEqual({
        email: { before: null, after: 'a@b.gov.vn' },
        passwordHash: { before: null, after: REDACTED },
        lockedUntil: { before: null, after: '2026-01-16T01:02:03.004Z' },
      });
      expect(JSON.stringify(row)).not.toContain('argon2');
    });

    it('rolls an entry back with the transaction that failed; the id gap is not a chain gap', async () => {
      await writeSequentially(2);
      await expect(
        dataSource.transaction(async (manager) => {
          await audit.record(manager, actorOf(), entry(3));
          throw new Error('the change itself failed');
        }),
      ).rejects.toThrow('the change itself failed');
      expect((await rows()).map((r) => r.id)).toEqual(['1', '2']);

      await writeSequentially(1);
      await chain();
      // AUTO_INCREMENT skipped the rolled-back id; the chain positions have no gap.
      expect((await rows()).map((r) => [r.id, r.chain_seq])).toEqual([
        ['1', '1'],
        ['2', '2'],
        ['4', '3'],
      ]);
      expect(await verifyChain(dataSource, { batchSize: 10 })).toEqual({
        ok: true,
        entries: 3,
        unchained: 0,
      });
    });

    it('lets a second writer commit while a first one holding its entry is still open', async () => {
      // Transaction A writes its entry and stays open (a long command); B, on another connection, writes
      // and commits. Before the sequencer, B waited on A's chain-head lock until A committed.
      const runnerA = dataSource.createQueryRunner();
      await runnerA.connect();
      await runnerA.startTransaction();
      try {
        await audit.record(runnerA.manager, actorOf(), entry(1));
        const b = dataSource
          .transaction((manager) => audit.record(manager, actorOf(), entry(2)))
          .then(() => 'committed');
        const waited = sleep(3000).then(() => 'still waiting after 3 s');
        expect(await Promise.race([b, waited])).toBe('committed');
        // B is chained while A is still open; A's entry is not there to be found yet.
        expect(await chain()).toEqual({ chained: 1, lastSeq: '1' });
        await runnerA.commitTransaction();
      } finally {
        if (runnerA.isTransactionActive) await runnerA.rollbackTransaction();
        await runnerA.release();
      }
      expect(await chain()).toEqual({ chained: 1, lastSeq: '2' });
      // Chained in the order found committed: B (id 2) first, then A (id 1).
      expect((await chained()).map((r) => [r.chain_seq, r.entity_id])).toEqual([
        ['1', 'unit-2'],
        ['2', 'unit-1'],
      ]);
      expect(await verifyChain(dataSource, { batchSize: 10 })).toEqual({
        ok: true,
        entries: 2,
        unchained: 0,
      });
    });

    it('refuses to record outside a transaction, where the entry would outlive a failed change', async () => {
      await expect(audit.record(dataSource.manager, actorOf(), entry(1))).rejects.toThrow(
        "record inside the caller's transaction",
      );
      expect(await rows()).toEqual([]);
    });

    it('refuses an action outside the allowed alphabet without echoing it', async () => {
      const attempt = dataSource.transaction((manager) =>
        audit.record(manager, actorOf(), entry(1, { action: 'Delete Everything' })),
      );
      await expect(attempt).rejects.toThrow(/action must match/);
      await expect(attempt).rejects.not.toThrow(/Delete Everything/);
    });

    it('records a read of a sensitive record with the fields shown, names only', async () => {
      const actor = actorOf();
      await dataSource.transaction((manager: EntityManager) =>
        audit.recordRead(manager, actor, {
          entityType: 'denouncer',
          entityId: 'den-7',
          fields: ['fullName', 'address', 'fullName'],
        }),
      );
      const [row] = await rows();
      expect(row).toMatchObject({ action: 'read', entity_type: 'denouncer', entity_id: 'den-7' });
      expect(contentOfRow(row).changes).toEqual({ fields: ['address', 'fullName'] });
    });

    it('masks the fields a caller lists as sensitive', async () => {
      await dataSource.transaction((manager) =>
        audit.record(manager, actorOf(), {
          action: 'update',
          entityType: 'letter',
          entityId: 'letter-1',
          changes: { senderName: { before: 'Nguyễn Văn A', after: 'Nguyễn Văn B' } },
          sensitiveFields: ['senderName'],
        }),
      );
      const [row] = await rows();
      expect(contentOfRow(row).changes).toEqual({ senderName: { before: REDACTED, after: REDACTED } });
      expect(JSON.stringify(row)).not.toContain('Nguyễn');
    });
  });

  describe('the sequencer', () => {
    it('chains an entry: position, the previous hash, its hash over the stored content, the head', async () => {
      await writeSequentially(2);
      expect(await chain()).toEqual({ chained: 2, lastSeq: '2' });
      const [first, second] = await rows();
      expect(first).toMatchObject({ chain_seq: '1', prev_hash: GENESIS_HASH });
      expect(first.hash).toBe(chainHash(GENESIS_HASH, contentOfRow(first), sha256Hex));
      expect(second).toMatchObject({ chain_seq: '2', prev_hash: first.hash });
      expect(second.hash).toBe(chainHash(first.hash!, contentOfRow(second), sha256Hex));
      expect(await dataSource.query('SELECT last_seq, last_hash FROM audit_chain_head')).toEqual([
        { last_seq: '2', last_hash: second.hash },
      ]);
      // Nothing left: a second run chains nothing and changes nothing.
      expect(await chain()).toEqual({ chained: 0, lastSeq: '2' });
    });

    it('makes one gap-free chain of every entry from more concurrent writers than the pool has', async () => {
      await writeAndChain(5);
      // 60 commands on a pool of 20, overlapping, with sequencer runs in the middle of them.
      const actors = Array.from({ length: 60 }, () => actorOf());
      const results = await Promise.all([
        ...actors.map((actor, i) =>
          dataSource.transaction(async (manager) => {
            await manager.query('SELECT SLEEP(0.01)');
            await audit.record(manager, actor, entry(100 + i));
            // Work after the entry, which the head lock used to make everyone wait for.
            await manager.query('SELECT SLEEP(0.01)');
          }),
        ),
        sleep(20).then(() => chain(7)),
        sleep(60).then(() => chain(7)),
      ]);
      expect(results.length).toBe(62);
      await chain(7);
      const all = await chained();
      expect(all.map((r) => r.chain_seq)).toEqual(Array.from({ length: 65 }, (_, i) => String(i + 1)));
      all.forEach((row, i) => expect(row.prev_hash).toBe(i === 0 ? GENESIS_HASH : all[i - 1].hash));
      expect(new Set(all.map((r) => r.hash)).size).toBe(65);
      expect(new Set(all.map((r) => r.id)).size).toBe(65);
      expect(new Set(all.slice(5).map((r) => r.actor_user_id))).toEqual(new Set(actors.map((a) => a.userId)));
      // A batch size that does not divide the count exercises the batch boundaries.
      expect(await verifyChain(dataSource, { batchSize: 7 })).toEqual({
        ok: true,
        entries: 65,
        unchained: 0,
      });
      expect(await audit.verifyChain(dataSource, { batchSize: 1000 })).toEqual({
        ok: true,
        entries: 65,
        unchained: 0,
      });
    });

    it('chains each entry once when sequencers run at the same time', async () => {
      await writeSequentially(240);
      const runs = await Promise.all([
        // Two without the sweep lock: the head row lock serialises their batches.
        chainPendingEntries(dataSource, { batchSize: 50 }),
        chainPendingEntries(dataSource, { batchSize: 50 }),
        // Two as the worker runs it: one of them finds the lock taken and does nothing.
        runAuditSequencer(dataSource, { batchSize: 50 }),
        runAuditSequencer(dataSource, { batchSize: 50 }),
      ]);
      expect(runs.reduce((sum, run) => sum + (run?.chained ?? 0), 0)).toBe(240);
      expect(runs.slice(2).some((run) => run === null)).toBe(true);
      expect(await verifyChain(dataSource, { batchSize: 100 })).toEqual({
        ok: true,
        entries: 240,
        unchained: 0,
      });
    });

    it('leaves a batch that fails half-way unchained, and the next run continues the chain', async () => {
      await writeSequentially(30);
      let updates = 0;
      const crash = chainPendingEntries(dataSource, {
        batchSize: 10,
        afterUpdate: () => {
          // The second batch's rows are updated, then the process "dies" before the head moves.
          if (++updates === 2) throw new Error('crashed mid-batch');
        },
      });
      await expect(crash).rejects.toThrow('crashed mid-batch');
      expect((await chained()).map((r) => r.chain_seq)).toEqual(
        Array.from({ length: 10 }, (_, i) => String(i + 1)),
      );
      expect(await verifyChain(dataSource, { batchSize: 4 })).toEqual({
        ok: true,
        entries: 10,
        unchained: 20,
      });

      expect(await chain(10)).toEqual({ chained: 20, lastSeq: '30' });
      expect(await verifyChain(dataSource, { batchSize: 4 })).toEqual({
        ok: true,
        entries: 30,
        unchained: 0,
      });
    });

    it('stops chaining, not writing, when the head row is deleted while chained entries exist', async () => {
      await writeAndChain(2);
      await dataSource.query('DELETE FROM audit_chain_head');
      // Commands go on: their entries wait unchained.
      await writeSequentially(1);
      await expect(chain()).rejects.toMatchObject({ code: 'AUDIT_CHAIN_HEAD_MISSING', kind: 'unavailable' });
      expect(await rows()).toHaveLength(3);
      expect(await chained()).toHaveLength(2);
      expect(await verifyChain(dataSource, { batchSize: 10 })).toEqual({
        ok: false,
        entries: 2,
        unchained: 1,
        firstBrokenSeq: '3',
        reason: 'the chain head row is missing',
      });
    });
  });

  describe('verifying', () => {
    it('verifies an empty trail, and one whose head row a test truncation removed', async () => {
      expect(await verifyChain(dataSource, { batchSize: 10 })).toEqual({
        ok: true,
        entries: 0,
        unchained: 0,
      });
      await dataSource.query('DELETE FROM audit_chain_head');
      expect(await verifyChain(dataSource, { batchSize: 10 })).toEqual({
        ok: true,
        entries: 0,
        unchained: 0,
      });
    });

    it('pinpoints the row whose content was changed behind the triggers', async () => {
      await writeAndChain(10);
      await asDbaWithoutTrigger('trg_audit_log_no_update', () =>
        dataSource.query(
          `UPDATE audit_log SET changes = '{"name":{"before":"before 4","after":"forged"}}' WHERE id = 4`,
        ),
      );
      expect(await verifyChain(dataSource, { batchSize: 3 })).toEqual({
        ok: false,
        entries: 3,
        unchained: 0,
        firstBrokenSeq: '4',
        firstBrokenId: '4',
        reason: 'hash does not match the entry content',
      });
    });

    it('detects a forged row whose hash was recomputed, at the link from the next row', async () => {
      await writeAndChain(6);
      const [row]: AuditLogRow[] = await dataSource.query('SELECT * FROM audit_log WHERE id = 3');
      const forged = { ...contentOfRow(row), entityId: 'unit-forged' };
      await asDbaWithoutTrigger('trg_audit_log_no_update', () =>
        dataSource.query('UPDATE audit_log SET entity_id = ?, hash = ? WHERE id = 3', [
          forged.entityId,
          chainHash(row.prev_hash!, forged, sha256Hex),
        ]),
      );
      expect(await verifyChain(dataSource, { batchSize: 100 })).toMatchObject({
        ok: false,
        entries: 3,
        firstBrokenSeq: '4',
        reason: 'prev_hash does not match the hash of the previous entry',
      });
    });

    it('detects two entries whose chain positions were swapped', async () => {
      await writeAndChain(6);
      await asDbaWithoutTrigger('trg_audit_log_no_update', async () => {
        await dataSource.query('UPDATE audit_log SET chain_seq = 1000 WHERE chain_seq = 3');
        await dataSource.query('UPDATE audit_log SET chain_seq = 3 WHERE chain_seq = 4');
        await dataSource.query('UPDATE audit_log SET chain_seq = 4 WHERE chain_seq = 1000');
      });
      expect(await verifyChain(dataSource, { batchSize: 100 })).toMatchObject({
        ok: false,
        entries: 2,
        firstBrokenSeq: '3',
        firstBrokenId: '4',
        reason: 'prev_hash does not match the hash of the previous entry',
      });
    });

    it('detects a row deleted from the middle', async () => {
      await writeAndChain(8);
      await asDbaWithoutTrigger('trg_audit_log_no_delete', () =>
        dataSource.query('DELETE FROM audit_log WHERE id = 5'),
      );
      expect(await verifyChain(dataSource, { batchSize: 4 })).toEqual({
        ok: false,
        entries: 4,
        unchained: 0,
        firstBrokenSeq: '5',
        reason: 'entry 5 is missing',
      });
    });

    it('detects entries cut off the end through the chain head', async () => {
      await writeAndChain(4);
      await asDbaWithoutTrigger('trg_audit_log_no_delete', () =>
        dataSource.query('DELETE FROM audit_log WHERE id = 4'),
      );
      expect(await verifyChain(dataSource, { batchSize: 10 })).toEqual({
        ok: false,
        entries: 3,
        unchained: 0,
        firstBrokenSeq: '4',
        reason: 'the head records entry 4 but the trail ends at 3',
      });
    });

    it('reports entries left unchained longer than the threshold, the oldest first', async () => {
      await writeAndChain(3);
      await writeSequentially(2);
      const [oldest] = await dataSource.query('SELECT id FROM audit_log WHERE chain_seq IS NULL ORDER BY id');
      // Fresh: waiting for the sequencer is normal.
      expect(await verifyChain(dataSource, { batchSize: 10 })).toEqual({
        ok: true,
        entries: 3,
        unchained: 2,
      });
      // Ten minutes on, with nothing chained meanwhile: the sequencer is not doing its job.
      const later = new Date(Date.now() + 10 * 60_000);
      expect(await verifyChain(dataSource, { batchSize: 10, now: later })).toEqual({
        ok: false,
        entries: 3,
        unchained: 2,
        unchainedId: oldest.id,
        reason: "2 entries unchained for more than 300 s (is the worker's audit sequencer running?)",
      });
      // The threshold is a setting.
      expect(
        await verifyChain(dataSource, { batchSize: 10, now: later, maxUnchainedSeconds: 3600 }),
      ).toMatchObject({ ok: true, unchained: 2 });
      await chain();
      expect(await verifyChain(dataSource, { batchSize: 10, now: later })).toEqual({
        ok: true,
        entries: 5,
        unchained: 0,
      });
    });

    it('reports an unchained row that carries chain fields (inserted behind the sequencer)', async () => {
      await writeAndChain(2);
      await dataSource.query(
        `INSERT INTO audit_log (occurred_at, action, entity_type, entity_id, prev_hash, hash)
         VALUES (UTC_TIMESTAMP(3), 'update', 'unit', 'unit-x', ?, ?)`,
        [GENESIS_HASH, GENESIS_HASH],
      );
      expect(await verifyChain(dataSource, { batchSize: 10 })).toEqual({
        ok: false,
        entries: 2,
        unchained: 1,
        unchainedId: '3',
        reason: 'an unchained entry carries chain fields (written behind the sequencer)',
      });
    });
  });

  describe('the triggers', () => {
    const refused = { sqlState: '45000', message: expect.stringContaining('audit_log is append-only') };

    it('refuses UPDATE and DELETE on audit_log through the application connection', async () => {
      await writeAndChain(2);
      const update = dataSource.query("UPDATE audit_log SET action = 'create' WHERE id = 1").catch(sqlError);
      expect(await update).toEqual({
        sqlState: '45000',
        message: expect.stringContaining('audit_log is append-only: UPDATE is not allowed'),
      });
      const remove = dataSource.query('DELETE FROM audit_log WHERE id = 2').catch(sqlError);
      expect(await remove).toEqual({
        sqlState: '45000',
        message: expect.stringContaining('audit_log is append-only: DELETE is not allowed'),
      });
      expect((await rows()).map((r) => r.action)).toEqual(['update', 'update']);
      expect(await verifyChain(dataSource, { batchSize: 10 })).toEqual({
        ok: true,
        entries: 2,
        unchained: 0,
      });
    });

    it('allows only the one-time chaining of an unchained row, with nothing else changed', async () => {
      await writeAndChain(1);
      await writeSequentially(1);
      const [first, second] = await rows();
      const hash = chainHash(first.hash!, contentOfRow(second), sha256Hex);
      const attempts: [string, unknown[]][] = [
        // Content of an unchained row, with or without chaining it at once.
        ["UPDATE audit_log SET action = 'create' WHERE id = 2", []],
        [
          "UPDATE audit_log SET chain_seq = 2, prev_hash = ?, hash = ?, entity_id = 'unit-x' WHERE id = 2",
          [first.hash, hash],
        ],
        // A case- or pad-only change is a change.
        [
          "UPDATE audit_log SET chain_seq = 2, prev_hash = ?, hash = ?, entity_id = CONCAT(entity_id, ' ') WHERE id = 2",
          [first.hash, hash],
        ],
        [
          'UPDATE audit_log SET chain_seq = 2, prev_hash = ?, hash = ?, request_id = ? WHERE id = 2',
          [first.hash, hash, 'REQ-0123456789'],
        ],
        [
          `UPDATE audit_log SET chain_seq = 2, prev_hash = ?, hash = ?, changes = '{"name":{"before":"x","after":"y"}}' WHERE id = 2`,
          [first.hash, hash],
        ],
        // Half a chaining.
        ['UPDATE audit_log SET chain_seq = 2 WHERE id = 2', []],
        ['UPDATE audit_log SET chain_seq = 2, hash = ? WHERE id = 2', [hash]],
        // Re-chaining a chained row.
        ['UPDATE audit_log SET chain_seq = 9, prev_hash = ?, hash = ? WHERE id = 1', [hash, hash]],
        ['UPDATE audit_log SET chain_seq = NULL, prev_hash = NULL, hash = NULL WHERE id = 1', []],
      ];
      for (const [sql, params] of attempts) {
        expect([sql, await dataSource.query(sql, params).then(() => 'allowed', sqlError)]).toEqual([
          sql,
          refused,
        ]);
      }
      // The chaining itself goes through (the sequencer does exactly this).
      await dataSource.query('UPDATE audit_log SET chain_seq = 2, prev_hash = ?, hash = ? WHERE id = 2', [
        first.hash,
        hash,
      ]);
      await dataSource.query('UPDATE audit_chain_head SET last_seq = 2, last_hash = ? WHERE id = 1', [hash]);
      expect(await verifyChain(dataSource, { batchSize: 10 })).toEqual({
        ok: true,
        entries: 2,
        unchained: 0,
      });
    });
  });

  describe('the audit:verify command', () => {
    const cli = join(root, 'dist/src/audit/cli/verify-audit.cli.js');
    const run = (args: string[] = ['--batch-size', '3'], env: Record<string, string> = {}, script = cli) => {
      const result = spawnSync(process.execPath, [script, ...args], {
        cwd: root,
        env: { ...process.env, DB_NAME: workerDatabaseName(), LOG_LEVEL: 'silent', ...env },
        encoding: 'utf8',
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    };

    beforeAll(() => {
      const build = spawnSync(process.execPath, [join(root, 'scripts/run-built.cjs'), 'build'], {
        cwd: root,
        encoding: 'utf8',
      });
      if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
    }, 180_000);

    it('prints ok and exits 0 on an intact chain, prints the break and exits 1 on a tampered one', async () => {
      await writeAndChain(7);
      const intact = run();
      expect(intact.stdout).toBe('{"ok":true,"entries":7,"unchained":0}\n');
      expect(intact.status).toBe(0);

      await asDbaWithoutTrigger('trg_audit_log_no_update', () =>
        dataSource.query("UPDATE audit_log SET entity_type = 'user' WHERE id = 6"),
      );
      const broken = run();
      expect(JSON.parse(broken.stdout)).toEqual({
        ok: false,
        entries: 5,
        unchained: 0,
        firstBrokenSeq: '6',
        firstBrokenId: '6',
        reason: 'hash does not match the entry content',
      });
      expect(broken.stdout.trim().split('\n')).toHaveLength(1);
      expect(broken.status).toBe(1);
    });

    it('exits 1 on entries unchained longer than --max-unchained-seconds', async () => {
      await writeAndChain(2);
      await writeSequentially(1);
      await sleep(1100);
      expect(run(['--max-unchained-seconds', '300'])).toMatchObject({
        status: 0,
        stdout: '{"ok":true,"entries":2,"unchained":1}\n',
      });
      const stale = run(['--max-unchained-seconds=1']);
      expect(JSON.parse(stale.stdout)).toMatchObject({ ok: false, unchained: 1, unchainedId: '3' });
      expect(stale.status).toBe(1);
      expect(run(['--max-unchained-seconds', '-1'])).toMatchObject({ status: 2, stdout: '' });
      expect(run(['--what'])).toMatchObject({ status: 2, stdout: '' });
    });

    it('audit:chain chains what is pending and prints how much', async () => {
      const chainCli = join(root, 'dist/src/audit/cli/chain-audit.cli.js');
      await writeSequentially(4);
      expect(run(['--batch-size', '3'], {}, chainCli)).toEqual({
        status: 0,
        stdout: '{"chained":4,"lastSeq":"4"}\n',
        stderr: '',
      });
      expect(await verifyChain(dataSource, { batchSize: 10 })).toEqual({
        ok: true,
        entries: 4,
        unchained: 0,
      });
      expect(run(['--batch-size', '0'], {}, chainCli)).toMatchObject({ status: 2, stdout: '' });
    });

    it('exits 2 without a verdict when the database cannot be reached', () => {
      const unreachable = run(undefined, { DB_PORT: '1' });
      expect(unreachable.stdout).toBe('');
      expect(unreachable.stderr).toContain('could not check the chain');
      expect(unreachable.status).toBe(2);
    });
  });

  describe('querying', () => {
    const userA = uuid7();
    const userB = uuid7();
    const unitId = uuid7();

    /** Entries 1..6 by A (even: on unit-1), 7..9 by B on user-9; distinct milliseconds apart. */
    async function seed(): Promise<void> {
      for (let n = 1; n <= 9; n++) {
        const actor = actorOf({ userId: n <= 6 ? userA : userB });
        const target =
          n <= 6
            ? { entityType: 'unit', entityId: n % 2 === 0 ? 'unit-1' : `unit-odd-${n}`, unitId }
            : { entityType: 'user', entityId: 'user-9' };
        await dataSource.transaction((manager) =>
          audit.record(manager, actor, { action: 'update', ...target }),
        );
        await sleep(3);
      }
    }

    it('filters by entity and by actor, newest first', async () => {
      await seed();
      const byEntity = await audit.query(actorOf(), {
        entityType: 'unit',
        entityId: 'unit-1',
        page: 1,
        pageSize: 50,
      });
      expect(byEntity.items.map((e) => e.id)).toEqual(['6', '4', '2']);
      expect(byEntity.total).toBe(3);
      expect(byEntity.items[0]).toMatchObject({ actorUserId: userA, unitId, action: 'update' });
      // Not chained yet: no position, no hash.
      expect(byEntity.items[0]).toMatchObject({ chainSeq: null, prevHash: null, hash: null });
      await chain();
      const [latest] = (await audit.query(actorOf(), { entityId: 'unit-1', page: 1, pageSize: 1 })).items;
      expect(latest).toMatchObject({ id: '6', chainSeq: '6', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

      const byActor = await audit.query(actorOf(), { actorUserId: userB, page: 1, pageSize: 50 });
      expect(byActor.items.map((e) => e.id)).toEqual(['9', '8', '7']);
    });

    it('filters by a time range, from inclusive and to exclusive', async () => {
      await seed();
      const at = async (id: string) =>
        new Date(
          (await dataSource.query('SELECT occurred_at FROM audit_log WHERE id = ?', [id]))[0].occurred_at,
        );
      const page = await audit.query(actorOf(), {
        from: await at('3'),
        to: await at('6'),
        page: 1,
        pageSize: 50,
      });
      expect(page.items.map((e) => e.id)).toEqual(['5', '4', '3']);
      expect(page.items[0].occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it('pages with the total of all matches', async () => {
      await seed();
      const pages = await Promise.all(
        [1, 2, 3, 4].map((page) => audit.query(actorOf(), { page, pageSize: 4 })),
      );
      expect(pages.map((p) => p.items.map((e) => e.id))).toEqual([
        ['9', '8', '7', '6'],
        ['5', '4', '3', '2'],
        ['1'],
        [],
      ]);
      expect(pages.map((p) => [p.page, p.pageSize, p.total])).toEqual([
        [1, 4, 9],
        [2, 4, 9],
        [3, 4, 9],
        [4, 4, 9],
      ]);
    });

    it('refuses an actor without audit:read, and bad pages or ranges', async () => {
      await expect(
        audit.query(actorOf({ permissions: new Set() }), { page: 1, pageSize: 10 }),
      ).rejects.toMatchObject({ code: 'AUDIT_READ_FORBIDDEN', kind: 'forbidden' });
      for (const filter of [
        { page: 0, pageSize: 10 },
        { page: 1, pageSize: 201 },
        {
          page: 1,
          pageSize: 10,
          from: new Date('2026-02-01T00:00:00Z'),
          to: new Date('2026-01-01T00:00:00Z'),
        },
      ]) {
        await expect(audit.query(actorOf(), filter)).rejects.toMatchObject({ code: 'AUDIT_QUERY_INVALID' });
      }
    });

    it('shows an actor scoped to no unit nothing', async () => {
      await seed();
      expect(await audit.query(actorOf({ scopeRootUnitIds: [] }), { page: 1, pageSize: 10 })).toEqual({
        items: [],
        page: 1,
        pageSize: 10,
        total: 0,
      });
    });

    it('limits a scoped actor to entries on, or made from, units in their subtrees', async () => {
      // province ─┬─ agency ── division
      //           └─ other
      const [province, agency, division, other] = [uuid7(), uuid7(), uuid7(), uuid7()];
      const tree: [string, string | null, string][] = [
        [province, null, 'province'],
        [agency, province, 'agency'],
        [division, agency, 'division'],
        [other, province, 'agency'],
      ];
      for (const [id, parentId, kind] of tree) {
        await dataSource.query('INSERT INTO units (id, code, name, kind, parent_id) VALUES (?, ?, ?, ?, ?)', [
          id,
          `U-${id.slice(-6).toUpperCase()}`,
          `Unit ${kind}`,
          kind,
          parentId,
        ]);
      }
      const closure: [string, string, number][] = [
        [province, province, 0],
        [province, agency, 1],
        [province, division, 2],
        [province, other, 1],
        [agency, agency, 0],
        [agency, division, 1],
        [division, division, 0],
        [other, other, 0],
      ];
      for (const row of closure) {
        await dataSource.query(
          'INSERT INTO unit_closure (ancestor_id, descendant_id, depth) VALUES (?, ?, ?)',
          row,
        );
      }
      const write = (entityId: string, unit: string | null, actorUnit: string | null) =>
        dataSource.transaction((manager) =>
          audit.record(manager, actorOf({ unitId: actorUnit }), {
            action: 'update',
            entityType: 'case',
            entityId,
            unitId: unit,
          }),
        );
      await write('on-division', division, other); // 1: record in the agency's subtree
      await write('on-other-by-agency', other, agency); // 2: made from inside the subtree, about elsewhere
      await write('on-other', other, other); // 3: neither
      await write('on-agency', agency, null); // 4: the root itself, by the system
      await write('no-unit', null, null); // 5: no unit at all

      const ids = async (scopeRootUnitIds: string[] | null) =>
        (await audit.query(actorOf({ scopeRootUnitIds }), { page: 1, pageSize: 50 })).items.map(
          (e) => e.entityId,
        );
      // An entry is seen by the readers of the record's unit, not of the actor's unit: what someone of the
      // agency did in another unit stays out of the agency's view.
      expect(await ids([agency])).toEqual(['on-agency', 'on-division']);
      expect(await ids([division])).toEqual(['on-division']);
      expect(await ids([division, other])).toEqual(['on-other', 'on-other-by-agency', 'on-division']);
      expect(await ids([province])).toEqual(['on-agency', 'on-other', 'on-other-by-agency', 'on-division']);
      expect(await ids(null)).toEqual([
        'no-unit',
        'on-agency',
        'on-other',
        'on-other-by-agency',
        'on-division',
      ]);
      const scoped = await audit.query(actorOf({ scopeRootUnitIds: [agency] }), { page: 1, pageSize: 2 });
      expect(scoped.total).toBe(2);
    });
  });
});
