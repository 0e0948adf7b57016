import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditError } from './audit-error.js';
import type { AuditEntryContent } from './domain/chain.js';
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
  /** `read`: the personal-data read log. */
  action?: string;
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
  /** The position in the chain; null until the sequencer has chained the entry (seconds after commit). */
  chainSeq: string | null;
  prevHash: string | null;
  hash: string | null;
}

export interface AuditEntryPage {
  items: AuditEntryView[];
  page: number;
  pageSize: number;
  total: number;
}

export const AUDIT_PAGE_SIZE_MAX = 200;

/** Units in the subtrees of the actor's scope roots (units/: closure table, a unit is its own depth-0 row). */
const UNITS_IN_SCOPE =
  'SELECT uc.descendant_id FROM unit_closure uc WHERE uc.ancestor_id IN (:...scopeRoots)';

/**
 * Writes and reads the audit trail (docs/audit.md).
 *
 * Writers call `record` / `recordRead` with the manager of the transaction that makes the change: the
 * entry commits or rolls back with the change. Appending takes no shared lock; the hash chain is extended
 * after commit by the sequencer (audit-sequencer.ts, docs/adr/0007-audit-chain-sequencer.md).
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
    if (filter.action !== undefined) qb.andWhere('a.action = :action', { action: filter.action });
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

    // A plain insert: no shared row is read or locked, so audited commands do not wait for each other.
    // The id comes from AUTO_INCREMENT; the chain fields stay null until the sequencer chains the entry
    // after commit (audit-sequencer.ts), which hashes the row as stored.
    await manager.query(
      `INSERT INTO audit_log (occurred_at, actor_user_id, actor_unit_id, unit_id, action, entity_type,
         entity_id, changes, request_id, client_ip)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        new Date(),
        fields.actorUserId,
        fields.actorUnitId,
        fields.unitId,
        fields.action,
        fields.entityType,
        fields.entityId,
        entry.changes === null ? null : JSON.stringify(toJsonValue(entry.changes)),
        fields.requestId,
        fields.clientIp,
      ],
    );
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
    chainSeq: row.chainSeq,
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
