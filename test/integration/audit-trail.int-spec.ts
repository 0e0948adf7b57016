import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditError } from '../../src/audit/audit-error.js';
import { sha256Hex } from '../../src/audit/audit-hash.js';
import { AuditModule } from '../../src/audit/audit.module.js';
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
    it('commits an entry with the change, carrying the actor, the request and a chained hash', async () => {
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
        prev_hash: GENESIS_HASH,
      });
      expect(contentOfRow(row).changes).toEqual({
        email: { before: null, after: 'a@b.gov.vn' },
        passwordHash: { before: null, after: REDACTED },
        lockedUntil: { before: null, after: '2026-01-16T01:02:03.004Z' },
      });
      expect(JSON.stringify(row)).not.toContain('argon2');
      expect(row.hash).toBe(chainHash(GENESIS_HASH, contentOfRow(row), sha256Hex));
      expect(await dataSource.query('SELECT last_id, last_hash FROM audit_chain_head')).toEqual([
        { last_id: '1', last_hash: row.hash },
      ]);
    });

    it('rolls an entry back with the transaction that failed, leaving no gap in the chain', async () => {
      await writeSequentially(2);
      await expect(
        dataSource.transaction(async (manager) => {
          await audit.record(manager, actorOf(), entry(3));
          throw new Error('the change itself failed');
        }),
      ).rejects.toThrow('the change itself failed');
      expect((await rows()).map((r) => r.id)).toEqual(['1', '2']);

      await writeSequentially(1);
      expect((await rows()).map((r) => r.id)).toEqual(['1', '2', '3']);
      expect(await verifyChain(dataSource, { batchSize: 10 })).toEqual({ ok: true, entries: 3 });
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

  describe('the hash chain', () => {
    it('stays one unforked chain with contiguous ids under 50 concurrent transactions', async () => {
      await writeSequentially(5);
      const actors = Array.from({ length: 50 }, () => actorOf());
      await Promise.all(
        actors.map((actor, i) =>
          dataSource.transaction(async (manager) => {
            // Some work before the audit write, as a real command does, so the transactions overlap.
            await manager.query('SELECT SLEEP(0.01)');
            await audit.record(manager, actor, entry(100 + i));
          }),
        ),
      );
      const all = await rows();
      expect(all.map((r) => r.id)).toEqual(Array.from({ length: 55 }, (_, i) => String(i + 1)));
      all.forEach((row, i) => expect(row.prev_hash).toBe(i === 0 ? GENESIS_HASH : all[i - 1].hash));
      expect(new Set(all.map((r) => r.hash)).size).toBe(55);
      expect(new Set(all.slice(5).map((r) => r.actor_user_id))).toEqual(new Set(actors.map((a) => a.userId)));
      // A batch size that does not divide the count exercises the batch boundaries.
      expect(await verifyChain(dataSource, { batchSize: 7 })).toEqual({ ok: true, entries: 55 });
      expect(await audit.verifyChain(dataSource, { batchSize: 1000 })).toEqual({ ok: true, entries: 55 });
    });

    it('verifies an empty trail, and one whose head row a test truncation removed', async () => {
      expect(await verifyChain(dataSource, { batchSize: 10 })).toEqual({ ok: true, entries: 0 });
      await dataSource.query('DELETE FROM audit_chain_head');
      expect(await verifyChain(dataSource, { batchSize: 10 })).toEqual({ ok: true, entries: 0 });
    });

    it('pinpoints the row whose content was changed behind the triggers', async () => {
      await writeSequentially(10);
      await asDbaWithoutTrigger('trg_audit_log_no_update', () =>
        dataSource.query(
          `UPDATE audit_log SET changes = '{"name":{"before":"before 4","after":"forged"}}' WHERE id = 4`,
        ),
      );
      expect(await verifyChain(dataSource, { batchSize: 3 })).toEqual({
        ok: false,
        entries: 3,
        firstBrokenId: '4',
        reason: 'hash does not match the entry content',
      });
    });

    it('detects a forged row whose hash was recomputed, at the link from the next row', async () => {
      await writeSequentially(6);
      const [row]: AuditLogRow[] = await dataSource.query('SELECT * FROM audit_log WHERE id = 3');
      const forged = { ...contentOfRow(row), entityId: 'unit-forged' };
      await asDbaWithoutTrigger('trg_audit_log_no_update', () =>
        dataSource.query('UPDATE audit_log SET entity_id = ?, hash = ? WHERE id = 3', [
          forged.entityId,
          chainHash(row.prev_hash, forged, sha256Hex),
        ]),
      );
      expect(await verifyChain(dataSource, { batchSize: 100 })).toMatchObject({
        ok: false,
        entries: 3,
        firstBrokenId: '4',
        reason: 'prev_hash does not match the hash of the previous entry',
      });
    });

    it('detects a row deleted from the middle', async () => {
      await writeSequentially(8);
      await asDbaWithoutTrigger('trg_audit_log_no_delete', () =>
        dataSource.query('DELETE FROM audit_log WHERE id = 5'),
      );
      expect(await verifyChain(dataSource, { batchSize: 4 })).toEqual({
        ok: false,
        entries: 4,
        firstBrokenId: '5',
        reason: 'entry 5 is missing',
      });
    });

    it('detects entries cut off the end through the chain head', async () => {
      await writeSequentially(4);
      await asDbaWithoutTrigger('trg_audit_log_no_delete', () =>
        dataSource.query('DELETE FROM audit_log WHERE id = 4'),
      );
      expect(await verifyChain(dataSource, { batchSize: 10 })).toEqual({
        ok: false,
        entries: 3,
        firstBrokenId: '4',
        reason: 'the head records entry 4 but the trail ends at 3',
      });
    });

    it('stops audited writes when the head row is deleted while entries exist', async () => {
      await writeSequentially(2);
      await dataSource.query('DELETE FROM audit_chain_head');
      const attempt = dataSource.transaction((manager) => audit.record(manager, actorOf(), entry(3)));
      await expect(attempt).rejects.toBeInstanceOf(AuditError);
      await expect(attempt).rejects.toMatchObject({ code: 'AUDIT_CHAIN_HEAD_MISSING', kind: 'unavailable' });
      expect(await verifyChain(dataSource, { batchSize: 10 })).toMatchObject({
        ok: false,
        entries: 2,
        firstBrokenId: '3',
      });
    });

    it('refuses UPDATE and DELETE on audit_log through the application connection', async () => {
      await writeSequentially(2);
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
      expect(await verifyChain(dataSource, { batchSize: 10 })).toEqual({ ok: true, entries: 2 });
    });
  });

  describe('the audit:verify command', () => {
    const cli = join(root, 'dist/src/audit/cli/verify-audit.cli.js');
    const run = (env: Record<string, string> = {}) => {
      const result = spawnSync(process.execPath, [cli, '--batch-size', '3'], {
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
      await writeSequentially(7);
      const intact = run();
      expect(intact.stdout).toBe('{"ok":true,"entries":7}\n');
      expect(intact.status).toBe(0);

      await asDbaWithoutTrigger('trg_audit_log_no_update', () =>
        dataSource.query("UPDATE audit_log SET entity_type = 'user' WHERE id = 6"),
      );
      const broken = run();
      expect(JSON.parse(broken.stdout)).toEqual({
        ok: false,
        entries: 5,
        firstBrokenId: '6',
        reason: 'hash does not match the entry content',
      });
      expect(broken.stdout.trim().split('\n')).toHaveLength(1);
      expect(broken.status).toBe(1);
    });

    it('exits 2 without a verdict when the database cannot be reached', () => {
      const unreachable = run({ DB_PORT: '1' });
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
