import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/domain/actor.js';
import { Clock } from '../common/clock.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import type { Page } from '../common/http/page.dto.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { LetterEntity } from '../letters/entities/letter.entity.js';
import { LetterErrors } from '../letters/letters.errors.js';
import { recordInScope, whereInScope } from '../units/unit-scope.js';
import { UserEntity } from '../users/user.entity.js';
import type {
  CreateRevealRequestDto,
  DecideRevealRequestDto,
  ListRevealRequestsQueryDto,
  RevealRequestView,
} from './dto/reveal-request.dto.js';
import { IdentityRevealRequestEntity } from './entities/identity-reveal-request.entity.js';
import { IdentityErrors } from './identity.errors.js';

const HOUR_MS = 3_600_000;

/**
 * Reveal requests: someone who may not see a denouncer asks, with a reason; a custodian of the unit
 * approves (for a limited time) or refuses. Every step is audited; the access ends by itself.
 */
@Injectable()
export class RevealRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async request(actor: Actor, letterId: string, dto: CreateRevealRequestDto): Promise<RevealRequestView> {
    // A request is a person's: the system itself never asks to see a denouncer.
    if (!actor.userId) throw IdentityErrors.protected();
    const requester = actor.userId;
    return transactionWithRetry(this.dataSource, async (manager) => {
      const letter = await recordInScope(manager, LetterEntity, actor, letterId, LetterErrors.notFound);
      if (!letter.identityProtected) throw IdentityErrors.notProtected();
      const id = uuid7();
      await manager.insert(IdentityRevealRequestEntity, {
        id,
        letterId: letter.id,
        unitId: letter.unitId,
        requestedByUserId: requester,
        reason: dto.reason,
        hours: dto.hours ?? 24,
        status: 'pending',
        decidedByUserId: null,
        decidedAt: null,
        decisionNote: null,
        expiresAt: null,
        version: 1,
      });
      await this.audit.record(manager, actor, {
        action: 'identity.request',
        entityType: 'identity_reveal_request',
        entityId: id,
        unitId: letter.unitId,
        changes: {
          letterId: { before: null, after: letter.id },
          hours: { before: null, after: dto.hours ?? 24 },
        },
      });
      return (
        await this.views(manager, [await manager.findOneByOrFail(IdentityRevealRequestEntity, { id })])
      )[0];
    });
  }

  /** Custodians see the requests of their units; everyone else their own. */
  async list(actor: Actor, query: ListRevealRequestsQueryDto): Promise<Page<RevealRequestView>> {
    const qb = this.dataSource.getRepository(IdentityRevealRequestEntity).createQueryBuilder('r');
    whereInScope(qb, 'r.unit_id', actor);
    if (!actor.permissions.has('identity:custody') || query.requester === 'mine') {
      qb.andWhere('r.requested_by_user_id = :me', { me: actor.userId });
    }
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.letterId) qb.andWhere('r.letter_id = :letterId', { letterId: query.letterId });
    const [rows, total] = await qb
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const items = await this.views(this.dataSource.manager, rows);
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  async decide(actor: Actor, id: string, dto: DecideRevealRequestDto): Promise<RevealRequestView> {
    return transactionWithRetry(this.dataSource, async (manager) => {
      const r = await recordInScope(
        manager,
        IdentityRevealRequestEntity,
        actor,
        id,
        IdentityErrors.requestNotFound,
        true,
      );
      if (r.version !== dto.version) throw IdentityErrors.versionConflict(r.version);
      if (r.status !== 'pending') throw IdentityErrors.alreadyDecided();
      if (r.requestedByUserId === actor.userId) throw IdentityErrors.ownRequest();
      const now = this.clock.now();
      const hours = Math.min(dto.hours ?? r.hours, r.hours);
      const next = {
        status: dto.approve ? ('approved' as const) : ('refused' as const),
        decidedByUserId: actor.userId,
        decidedAt: now,
        decisionNote: dto.note ?? null,
        hours,
        expiresAt: dto.approve ? new Date(now.getTime() + hours * HOUR_MS) : null,
        version: r.version + 1,
      };
      await manager.update(IdentityRevealRequestEntity, { id: r.id }, next);
      Object.assign(r, next);
      const [view] = await this.views(manager, [r]);
      await this.audit.record(manager, actor, {
        action: dto.approve ? 'identity.approve' : 'identity.refuse',
        entityType: 'identity_reveal_request',
        entityId: r.id,
        unitId: r.unitId,
        changes: {
          status: { before: 'pending', after: r.status },
          expiresAt: { before: null, after: r.expiresAt?.toISOString() ?? null },
        },
      });
      return view;
    });
  }

  /** The requests as shown: with the letter's receipt code and the officers' names (two reads). */
  private async views(
    manager: EntityManager,
    rows: IdentityRevealRequestEntity[],
  ): Promise<RevealRequestView[]> {
    if (rows.length === 0) return [];
    const letterIds = [...new Set(rows.map((r) => r.letterId))];
    const userIds = [
      ...new Set(
        rows.flatMap((r) => [r.requestedByUserId, ...(r.decidedByUserId ? [r.decidedByUserId] : [])]),
      ),
    ];
    const letters = await manager.find(LetterEntity, {
      where: { id: In(letterIds) },
      select: { id: true, receiptCode: true },
    });
    const users = await manager.find(UserEntity, {
      where: { id: In(userIds) },
      select: { id: true, fullName: true },
    });
    const codes = new Map(letters.map((l) => [l.id, l.receiptCode]));
    const names = new Map(users.map((u) => [u.id, u.fullName]));
    return rows.map((r) => this.view(r, codes, names));
  }

  private view(
    r: IdentityRevealRequestEntity,
    codes: Map<string, string>,
    names: Map<string, string>,
  ): RevealRequestView {
    return {
      id: r.id,
      letterId: r.letterId,
      unitId: r.unitId,
      requestedByUserId: r.requestedByUserId,
      letterReceiptCode: codes.get(r.letterId) ?? '',
      requestedByName: names.get(r.requestedByUserId) ?? '',
      reason: r.reason,
      hours: r.hours,
      status: r.status,
      decidedByUserId: r.decidedByUserId,
      decidedByName: r.decidedByUserId ? (names.get(r.decidedByUserId) ?? null) : null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      decisionNote: r.decisionNote,
      expiresAt: r.expiresAt?.toISOString() ?? null,
      active: r.status === 'approved' && r.expiresAt !== null && r.expiresAt > this.clock.now(),
      version: r.version,
      createdAt: r.createdAt.toISOString(),
    };
  }
}
