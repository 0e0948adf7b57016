import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';
import { Clock } from '../common/clock.js';
import type { Page } from '../common/http/page.dto.js';
import { IdentityVault } from '../identity/identity-vault.js';
import { UnitEntity } from '../units/unit.entity.js';
import { unitInScope, whereInScope } from '../units/unit-scope.js';
import { daysSinceReceipt, queueSummary } from './domain/intake-queue.js';
import type { IntakeQueueItemView, IntakeQueueQueryDto } from './dto/letter.dto.js';
import { LetterPetitionerEntity } from './entities/letter-petitioner.entity.js';
import { LetterEntity } from './entities/letter.entity.js';
import type { PetitionerIdentityRecord } from './letter-views.js';
import { LetterErrors } from './letters.errors.js';

/**
 * The officers' intake queue (issue 21 point 5): letters citizens filed on the public form that are
 * still "chưa kiểm tra" and undecided, in the officer's unit scope, oldest first. A row carries what an
 * officer needs to pick the next one and nothing of the writer: the summary is the subject with the
 * writers' identity redacted (decrypted here only to be cut out, never returned, so not an audited read)
 * and shortened; the full letter is `GET /letters/:id`, whose rules decide who sees the writer.
 */
@Injectable()
export class LetterIntakeQueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vault: IdentityVault,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: IntakeQueueQueryDto): Promise<Page<IntakeQueueItemView>> {
    const manager = this.dataSource.manager;
    const qb = manager
      .getRepository(LetterEntity)
      .createQueryBuilder('l')
      // Not the content (mediumtext): a row needs the subject only.
      .select([
        'l.id',
        'l.receiptCode',
        'l.unitId',
        'l.receivedOn',
        'l.classification',
        'l.complaintTrack',
        'l.subject',
        'l.flags',
        'l.processingDue',
        'l.identityProtected',
        'l.version',
        'l.createdAt',
      ])
      .where("l.eligibility_checked = 0 AND l.status = 'registered'");
    whereInScope(qb, 'l.unit_id', actor);
    if (query.unitId) {
      await unitInScope(manager, actor, query.unitId, () => LetterErrors.unitNotFound());
      qb.andWhere('l.unit_id IN (SELECT c.descendant_id FROM unit_closure c WHERE c.ancestor_id = :unitId)', {
        unitId: query.unitId,
      });
    }
    const [rows, total] = await qb
      .orderBy('l.received_on', 'ASC')
      .addOrderBy('l.created_at', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    if (rows.length === 0) return { items: [], page: query.page, pageSize: query.pageSize, total };

    const ids = rows.map((r) => r.id);
    const writers = new Map<string, PetitionerIdentityRecord[]>();
    for (const p of await manager.find(LetterPetitionerEntity, { where: { letterId: In(ids) } })) {
      const list = writers.get(p.letterId) ?? [];
      list.push(this.vault.open<PetitionerIdentityRecord>(p.id, p));
      writers.set(p.letterId, list);
    }
    const unitIds = [...new Set(rows.map((r) => r.unitId))];
    const units = await manager.find(UnitEntity, {
      where: { id: In(unitIds) },
      select: { id: true, name: true },
    });
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const today = this.clock.today();
    return {
      items: rows.map((l) => ({
        id: l.id,
        receiptCode: l.receiptCode,
        unitId: l.unitId,
        unitName: unitName.get(l.unitId) ?? '',
        receivedOn: l.receivedOn,
        daysSinceReceipt: daysSinceReceipt(l.receivedOn, today),
        classification: l.classification,
        complaintTrack: l.complaintTrack,
        summary: queueSummary(l.subject, writers.get(l.id) ?? []),
        flags: l.flags,
        processingDue: l.processingDue,
        identityProtected: l.identityProtected,
        version: l.version,
      })),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }
}
