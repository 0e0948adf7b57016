import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffChanges } from '../audit/domain/changes.js';
import type { Actor } from '../auth/domain/actor.js';
import { isDuplicateKey } from '../common/database/db-errors.js';
import { lockMutex, transactionWithRetry } from '../common/database/transactions.js';
import { uuid7 } from '../common/ids/uuid7.js';
import type {
  ChangeUnitStatusDto,
  CreateUnitDto,
  ListUnitsQueryDto,
  MoveUnitDto,
  UnitView,
  UpdateUnitDto,
} from './dto/unit.dto.js';
import { LIST_LIMIT } from '../common/http/page.dto.js';
import { UnitEntity } from './unit.entity.js';
import { whereInScope } from './unit-scope.js';
import { UnitErrors } from './units.errors.js';

export function toUnitView(unit: UnitEntity): UnitView {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    parentId: unit.parentId,
    remote: unit.remote,
    remoteReason: unit.remoteReason,
    receptionAddress: unit.receptionAddress,
    contactPhone: unit.contactPhone,
    contactEmail: unit.contactEmail,
    active: unit.active,
    agencyCode: unit.agencyCode,
    version: unit.version,
    createdAt: unit.createdAt.toISOString(),
    updatedAt: unit.updatedAt.toISOString(),
  };
}

/** The audited fields of a unit (timestamps and version change on every write and say nothing). */
function auditedFields(unit: UnitEntity) {
  const { createdAt: _c, updatedAt: _u, version: _v, parent: _p, ...fields } = unit;
  return fields;
}

@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: ListUnitsQueryDto): Promise<UnitView[]> {
    const qb = this.dataSource.getRepository(UnitEntity).createQueryBuilder('u');
    whereInScope(qb, 'u.id', actor);
    if (query.parentId) qb.andWhere('u.parent_id = :parentId', { parentId: query.parentId });
    if (query.kind) qb.andWhere('u.kind = :kind', { kind: query.kind });
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    if (query.q) {
      // utf8mb4_unicode_ci compares without diacritics ("thanh tra" finds "Thanh tra").
      qb.andWhere('(u.name LIKE :q OR u.code LIKE :q)', { q: `%${query.q.replace(/[\\%_]/g, '\\$&')}%` });
    }
    const units = await qb.orderBy('u.name', 'ASC').addOrderBy('u.id', 'ASC').limit(LIST_LIMIT).getMany();
    return units.map(toUnitView);
  }

  async get(actor: Actor, id: string): Promise<UnitView> {
    return toUnitView(await this.findInScope(this.dataSource.manager, actor, id));
  }

  async create(actor: Actor, dto: CreateUnitDto): Promise<UnitView> {
    try {
      return await transactionWithRetry(this.dataSource, async (manager) => {
        await lockMutex(manager, 'unit_tree');
        if (dto.parentId) {
          const parent = await this.findInScope(manager, actor, dto.parentId, {
            lock: true,
            notFound: UnitErrors.parentNotFound,
          });
          if (!parent.active) throw UnitErrors.parentInactive();
        } else if (actor.scopeRootUnitIds !== null) {
          throw UnitErrors.rootNotAllowed();
        }
        const id = uuid7();
        await manager.insert(UnitEntity, {
          id,
          code: dto.code,
          name: dto.name,
          kind: dto.kind,
          parentId: dto.parentId ?? null,
          remote: dto.remote ?? false,
          remoteReason: dto.remote ? (dto.remoteReason ?? null) : null,
          receptionAddress: dto.receptionAddress ?? null,
          contactPhone: dto.contactPhone ?? null,
          contactEmail: dto.contactEmail ?? null,
          active: true,
        });
        await manager.query(
          `INSERT INTO unit_closure (ancestor_id, descendant_id, depth)
           SELECT ancestor_id, ?, depth + 1 FROM unit_closure WHERE descendant_id = ?
           UNION ALL SELECT ?, ?, 0`,
          [id, dto.parentId ?? '', id, id],
        );
        const created = await manager.findOneByOrFail(UnitEntity, { id });
        await this.audit.record(manager, actor, {
          action: 'create',
          entityType: 'unit',
          entityId: id,
          unitId: id,
          changes: diffChanges(null, auditedFields(created)),
        });
        return toUnitView(created);
      });
    } catch (error) {
      if (isDuplicateKey(error, 'uq_units_code')) throw UnitErrors.codeTaken(dto.code);
      throw error;
    }
  }

  async update(actor: Actor, id: string, dto: UpdateUnitDto): Promise<UnitView> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.findInScope(manager, actor, id, { lock: true });
      if (unit.version !== dto.version) throw UnitErrors.versionConflict(unit.version);
      const before = auditedFields({ ...unit });
      const remote = dto.remote ?? unit.remote;
      const changes: Partial<UnitEntity> = {
        name: dto.name ?? unit.name,
        kind: dto.kind ?? unit.kind,
        remote,
        remoteReason: remote ? (dto.remoteReason ?? unit.remoteReason) : null,
        receptionAddress:
          dto.receptionAddress !== undefined ? dto.receptionAddress || null : unit.receptionAddress,
        contactPhone: dto.contactPhone !== undefined ? dto.contactPhone || null : unit.contactPhone,
        contactEmail: dto.contactEmail !== undefined ? dto.contactEmail || null : unit.contactEmail,
        agencyCode: dto.agencyCode !== undefined ? dto.agencyCode || null : unit.agencyCode,
      };
      if (changes.agencyCode && changes.agencyCode !== unit.agencyCode) {
        const taken = await manager.query('SELECT 1 FROM units WHERE agency_code = ? AND id <> ? LIMIT 1', [
          changes.agencyCode,
          id,
        ]);
        if (taken.length > 0) throw UnitErrors.agencyCodeTaken();
      }
      if (remote && !changes.remoteReason) {
        throw UnitErrors.remoteReasonMissing();
      }
      await manager.update(UnitEntity, { id }, { ...changes, version: unit.version + 1 });
      const updated = await manager.findOneByOrFail(UnitEntity, { id });
      await this.audit.record(manager, actor, {
        action: 'update',
        entityType: 'unit',
        entityId: id,
        unitId: id,
        changes: diffChanges(before, auditedFields(updated)),
      });
      return toUnitView(updated);
    });
  }

  async move(actor: Actor, id: string, dto: MoveUnitDto): Promise<UnitView> {
    return transactionWithRetry(this.dataSource, async (manager) => {
      // Tree changes take the tree mutex first: they run one at a time, so the cycle check and the
      // closure rows below see every change committed before this one, and no two moves deadlock.
      await lockMutex(manager, 'unit_tree');
      const unit = await this.findInScope(manager, actor, id);
      const parent = await this.findInScope(manager, actor, dto.parentId, {
        notFound: UnitErrors.parentNotFound,
      });
      if (unit.version !== dto.version) throw UnitErrors.versionConflict(unit.version);
      if (unit.parentId === parent.id) return toUnitView(unit);
      const cycle: unknown[] = await manager.query(
        'SELECT 1 FROM unit_closure WHERE ancestor_id = ? AND descendant_id = ? LOCK IN SHARE MODE',
        [id, parent.id],
      );
      if (cycle.length > 0) throw UnitErrors.moveCycle();
      if (!parent.active) throw UnitErrors.parentInactive();

      const subtree: { id: string }[] = await manager.query(
        'SELECT descendant_id AS id FROM unit_closure WHERE ancestor_id = ?',
        [id],
      );
      const ids = subtree.map((r) => r.id);
      const marks = ids.map(() => '?').join(', ');
      // Cut the subtree loose from its old ancestors, then hang it under the new parent's ancestors.
      await manager.query(
        `DELETE FROM unit_closure WHERE descendant_id IN (${marks}) AND ancestor_id NOT IN (${marks})`,
        [...ids, ...ids],
      );
      await manager.query(
        `INSERT INTO unit_closure (ancestor_id, descendant_id, depth)
         SELECT above.ancestor_id, below.descendant_id, above.depth + below.depth + 1
         FROM unit_closure above CROSS JOIN unit_closure below
         WHERE above.descendant_id = ? AND below.ancestor_id = ?`,
        [parent.id, id],
      );
      await manager.update(UnitEntity, { id }, { parentId: parent.id, version: unit.version + 1 });
      const moved = await manager.findOneByOrFail(UnitEntity, { id });
      await this.audit.record(manager, actor, {
        action: 'move',
        entityType: 'unit',
        entityId: id,
        unitId: id,
        changes: diffChanges({ parentId: unit.parentId }, { parentId: moved.parentId }),
      });
      return toUnitView(moved);
    });
  }

  async setActive(actor: Actor, id: string, active: boolean, dto: ChangeUnitStatusDto): Promise<UnitView> {
    return transactionWithRetry(this.dataSource, async (manager) => {
      // Under the tree mutex, no child can be activated under a parent being deactivated meanwhile.
      await lockMutex(manager, 'unit_tree');
      const unit = await this.findInScope(manager, actor, id, { lock: true });
      if (unit.version !== dto.version) throw UnitErrors.versionConflict(unit.version);
      if (unit.active === active) return toUnitView(unit);
      if (active) {
        if (unit.parentId) {
          const [parent] = await manager.query('SELECT active FROM units WHERE id = ?', [unit.parentId]);
          if (!parent?.active) throw UnitErrors.parentInactive();
        }
      } else {
        const [children] = await manager.query(
          'SELECT COUNT(*) AS n FROM units WHERE parent_id = ? AND active = 1',
          [id],
        );
        if (Number(children.n) > 0) throw UnitErrors.hasActiveChildren();
        const [users] = await manager.query(
          'SELECT COUNT(*) AS n FROM users WHERE unit_id = ? AND active = 1',
          [id],
        );
        if (Number(users.n) > 0) throw UnitErrors.hasActiveUsers();
      }
      await manager.update(UnitEntity, { id }, { active, version: unit.version + 1 });
      const changed = await manager.findOneByOrFail(UnitEntity, { id });
      await this.audit.record(manager, actor, {
        action: active ? 'activate' : 'deactivate',
        entityType: 'unit',
        entityId: id,
        unitId: id,
        changes: diffChanges({ active: unit.active }, { active: changed.active }),
      });
      return toUnitView(changed);
    });
  }

  /** A unit the actor may see, or 404 — the scope is in the query, so existence never leaks. */
  private async findInScope(
    manager: EntityManager,
    actor: Actor,
    id: string,
    options: { lock?: boolean; notFound?: () => Error } = {},
  ): Promise<UnitEntity> {
    const qb = manager.getRepository(UnitEntity).createQueryBuilder('u').where('u.id = :id', { id });
    whereInScope(qb, 'u.id', actor);
    if (options.lock) qb.setLock('pessimistic_write');
    const unit = await qb.getOne();
    if (!unit) throw (options.notFound ?? UnitErrors.notFound)();
    return unit;
  }
}
