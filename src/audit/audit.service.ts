import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditError } from './audit-error.js';
import { sha256Hex } from './audit-hash.js';
import { chainHash, GENESIS_HASH, type AuditEntryContent } from './domain/chain.js';
import { redactChanges, type AuditChanges } from './domain/changes.js';
import {
  AUDIT_CLIENT_IP_MAX_LENGTH,
  AUDIT_REQUEST_ID_MAX_LENGTH,
  auditEntryProblems,
} from './domain/entry.js';
import { toJsonValue, type JsonValue } from './domain/json.js';
import { verifyChain, type ChainVerification, type VerifyChainOptions } from './verify-chain.js';

/** A change to record. `changes` is usually `diffChanges(before, after, sensitiveFields)`. */
export interface AuditRecordInput {
  /** `create`, `update`, `delete`, `login`, `case.accept`…: `^[a-z][a-z0-9_.-]*$`, at most 64. */
  action: string;
  /** `unit`, `user`, `case`…: same alphabet as action. */
  entityType: string;
  /** The record's id (an opaque key, never a name or a citizen's document number). */
  entityId: string;
  /** The unit the record belongs to; scoped audit queries filter on it. */
  unitId?: string | null;
  changes?: AuditChanges | null;
  /** Field names whose values are masked at any depth, on top of the always-secret names. */
  sensitiveFields?: readonly string[];
}

/** A read of a sensitive record (a denouncer's identity, say). */
export interface AuditReadInput {
  entityType: string;
  entityId: string;
  unitId?: string | null;
  /** The fields shown; names only, never values. */
  fields?: readonly string[];
}

export interface AuditQueryFilter {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** From 1. */
  page: number;
  /** 1 to AUDIT_PAGE_SIZE_MAX. */
  pageSize: number;
}

export interface AuditEntryView {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorUnitId: string | null;
  unitId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: JsonValue | null;
  requestId: string | null;
  clientIp: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditEntryPage {
  items: AuditEntryView[];
  page: number;
  pageSize: number;
  total: number;
}

export const AUDIT_PAGE_SIZE_MAX = 200;

interface ChainHeadRow {
  last_id: string | number;
  last_hash: string;
}

/** Units in the subtrees of the actor's scope roots (units/: closure table, a unit is its own depth-0 row). */
const UNITS_IN_SCOPE =
  'SELECT uc.descendant_id FROM unit_closure uc WHERE uc.ancestor_id IN (:...scopeRoots)';

/**
 * Writes and reads the audit trail (docs/audit.md).
 *
 * Writers call `record` / `recordRead` with the manager of the transaction that makes the change, as
 * that transaction's last statement: the entry commits or rolls back with the change, and the chain-head
 * row lock it takes (which serialises every audit write) is held only until that commit.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends an entry describing a change. Secrets in `changes` are masked here whoever computed them. */
  async record(manager: EntityManager, actor: Actor, entry: AuditRecordInput): Promise<void> {
    const changes = entry.changes ? redactChanges(entry.changes, entry.sensitiveFields) : null;
    await this.append(manager, actor, {
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      unitId: entry.unitId ?? null,
      changes: changes && Object.keys(changes).length > 0 ? changes : null,
    });
  }

  /** Appends a `read` entry: who looked at which fields of a sensitive record. */
  async recordRead(manager: EntityManager, actor: Actor, read: AuditReadInput): Promise<void> {
    const fields = [...new Set(read.fields ?? [])].sort();
    await this.append(manager, actor, {
      action: 'read',
      entityType: read.entityType,
      entityId: read.entityId,
      unitId: read.unitId ?? null,
      changes: fields.length > 0 ? { fields } : null,
    });
  }

  /** The entries the actor may see, newest first. */
  async query(actor: Actor, filter: AuditQueryFilter): Promise<AuditEntryPage> {
    if (!actor.permissions.has('audit:read')) {
      throw new AuditError(
        'AUDIT_READ_FORBIDDEN',
        'Reading the audit trail needs the audit:read permission.',
        'forbidden',
      );
    }
    const { page, pageSize } = filter;
    if (!Number.isSafeInteger(page) || page < 1) {
      throw new AuditError('AUDIT_QUERY_INVALID', 'page must be a whole number from 1.', 'invalid');
    }
    if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > AUDIT_PAGE_SIZE_MAX) {
      throw new AuditError(
        'AUDIT_QUERY_INVALID',
        `pageSize must be a whole number from 1 to ${AUDIT_PAGE_SIZE_MAX}.`,
        'invalid',
      );
    }
    for (const bound of [filter.from, filter.to]) {
      if (bound !== undefined && Number.isNaN(bound.getTime())) {
        throw new AuditError('AUDIT_QUERY_INVALID', 'from and to must be valid timestamps.', 'invalid');
      }
    }
    if (filter.from && filter.to && filter.from > filter.to) {
      throw new AuditError('AUDIT_QUERY_INVALID', 'from must not be after to.', 'invalid');
    }
    const roots = actor.scopeRootUnitIds;
    // An actor scoped to no unit sees nothing (and `IN ()` is not SQL).
    if (roots !== null && roots.length === 0) return { items: [], page, pageSize, total: 0 };

    const qb = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (filter.entityType !== undefined)
      qb.andWhere('a.entityType = :entityType', { entityType: filter.entityType });
    if (filter.entityId !== undefined) qb.andWhere('a.entityId = :entityId', { entityId: filter.entityId });
    if (filter.actorUserId !== undefined)
      qb.andWhere('a.actorUserId = :actorUserId', { actorUserId: filter.actorUserId });
    if (filter.from !== undefined) qb.andWhere('a.occurredAt >= :from', { from: filter.from });
    if (filter.to !== undefined) qb.andWhere('a.occurredAt < :to', { to: filter.to });
    if (roots !== null) {
      // Only entries about records in the reader's units: what someone of theirs did elsewhere is
      // elsewhere's business (its `changes` may hold data the reader may not see).
      qb.andWhere(`a.unitId IN (${UNITS_IN_SCOPE})`, { scopeRoots: [...roots] });
    }
    const [rows, total] = await qb
      .orderBy('a.occurredAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    return { items: rows.map(toView), page, pageSize, total };
  }

  /** Checks the whole chain; see verify-chain.ts. The CLI calls the function directly, without Nest. */
  verifyChain(
    dataSource: DataSource = this.dataSource,
    options: VerifyChainOptions = { batchSize: 1000 },
  ): Promise<ChainVerification> {
    return verifyChain(dataSource, options);
  }

  private async append(
    manager: EntityManager,
    actor: Actor,
    entry: Pick<AuditEntryContent, 'action' | 'entityType' | 'entityId' | 'unitId' | 'changes'>,
  ): Promise<void> {
    // Outside a transaction the entry would commit on its own, even when the change it describes fails.
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error("AuditService: record inside the caller's transaction (dataSource.transaction)");
    }
    const fields = {
      ...entry,
      actorUserId: actor.userId,
      actorUnitId: actor.unitId,
      // Both come from the request; cut rather than refuse, so an odd header cannot block a change.
      requestId: actor.requestId?.slice(0, AUDIT_REQUEST_ID_MAX_LENGTH) ?? null,
      clientIp: actor.clientIp?.slice(0, AUDIT_CLIENT_IP_MAX_LENGTH) ?? null,
    };
    const problems = auditEntryProblems(fields);
    if (problems.length > 0) throw new TypeError(`AuditService: entry rejected: ${problems.join('; ')}`);

    const head = await this.lockChainHead(manager);
    const content: AuditEntryContent = {
      ...fields,
      // The id is assigned here, under the lock, rather than by AUTO_INCREMENT: it is part of the hashed
      // content, rows cannot be updated after insert (the triggers), and a rolled-back append must not
      // leave a gap that would look like a deleted entry.
      id: (BigInt(head.last_id) + 1n).toString(),
      // Taken under the lock so that time order follows chain order within a process.
      occurredAt: new Date().toISOString(),
      changes: entry.changes === null ? null : toJsonValue(entry.changes),
    };
    const hash = chainHash(head.last_hash, content, sha256Hex);
    await manager.query(
      `INSERT INTO audit_log (id, occurred_at, actor_user_id, actor_unit_id, unit_id, action, entity_type,
         entity_id, changes, request_id, client_ip, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        content.id,
        new Date(content.occurredAt),
        content.actorUserId,
        content.actorUnitId,
        content.unitId,
        content.action,
        content.entityType,
        content.entityId,
        content.changes === null ? null : JSON.stringify(content.changes),
        content.requestId,
        content.clientIp,
        head.last_hash,
        hash,
      ],
    );
    await manager.query('UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1', [
      content.id,
      hash,
    ]);
  }

  /**
   * Locks the chain head for the rest of the caller's transaction and returns it.
   *
   * The upsert comes first so the lock is always taken on an existing row: the migration seeds it, but
   * `truncateAll` in tests empties it, and two transactions that both found it missing with
   * `SELECT … FOR UPDATE` would hold gap locks and deadlock on re-inserting it. The upsert changes nothing
   * when the row exists; it only takes the same exclusive row lock the `FOR UPDATE` then re-reads.
   */
  private async lockChainHead(manager: EntityManager): Promise<ChainHeadRow> {
    await manager.query(
      'INSERT INTO audit_chain_head (id, last_id, last_hash) VALUES (1, 0, ?) ON DUPLICATE KEY UPDATE id = id',
      [GENESIS_HASH],
    );
    const [head]: ChainHeadRow[] = await manager.query(
      'SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE',
    );
    if (BigInt(head.last_id) === 0n) {
      // At genesis the trail must be empty. If it is not, the head row was deleted: restarting the chain
      // would collide with id 1 and hide the deletion, so refuse every audited change until someone looks.
      const existing: unknown[] = await manager.query('SELECT id FROM audit_log ORDER BY id DESC LIMIT 1');
      if (existing.length > 0) {
        throw new AuditError(
          'AUDIT_CHAIN_HEAD_MISSING',
          'The audit trail cannot be written: its chain head is missing. Run audit:verify.',
          'unavailable',
        );
      }
    }
    return head;
  }
}

function toView(row: AuditEntryEntity): AuditEntryView {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorUserId: row.actorUserId,
    actorUnitId: row.actorUnitId,
    unitId: row.unitId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    changes: withoutSealedDigest(row.action, row.changes),
    requestId: row.requestId,
    clientIp: row.clientIp,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/**
 * Entries written before sealed files' digests were left out (issue 14) still hold one: the chain keeps
 * the stored row as it was, and the view shows the digest of an identifying file as null.
 */
function withoutSealedDigest(action: string, changes: JsonValue | null): JsonValue | null {
  if (action !== 'attach' || !changes || typeof changes !== 'object' || Array.isArray(changes))
    return changes;
  const attachment = changes.attachment;
  if (!attachment || typeof attachment !== 'object' || Array.isArray(attachment)) return changes;
  const after = attachment.after;
  if (!after || typeof after !== 'object' || Array.isArray(after) || after.identifying !== true)
    return changes;
  return { ...changes, attachment: { ...attachment, after: { ...after, sha256: null } } };
}
