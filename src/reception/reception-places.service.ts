import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffChanges } from '../audit/domain/changes.js';
import type { Actor } from '../auth/domain/actor.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { recordInScope, unitInScope, whereInScope } from '../units/unit-scope.js';
import type { CreatePlaceDto, PlaceView, UnitFilterQueryDto, UpdatePlaceDto } from './dto/place.dto.js';
import { ReceptionPlaceEntity } from './entities/reception-place.entity.js';
import { PublicCalendarCache } from './public/public-calendar.cache.js';
import { ReceptionErrors } from './reception.errors.js';
import { LIST_LIMIT } from '../common/http/page.dto.js';

export function toPlaceView(p: ReceptionPlaceEntity): PlaceView {
  return {
    id: p.id,
    unitId: p.unitId,
    name: p.name,
    address: p.address,
    room: p.room,
    hours: p.hours,
    active: p.active,
    version: p.version,
  };
}

function audited(p: ReceptionPlaceEntity) {
  const { createdAt: _c, updatedAt: _u, version: _v, unit: _unit, ...fields } = p;
  return fields;
}

/** Reception places of a unit (address, room, hours), posted on the public calendar. */
@Injectable()
export class ReceptionPlacesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly publicCache: PublicCalendarCache,
  ) {}

  async list(actor: Actor, query: UnitFilterQueryDto): Promise<PlaceView[]> {
    const qb = this.dataSource.getRepository(ReceptionPlaceEntity).createQueryBuilder('p');
    whereInScope(qb, 'p.unit_id', actor);
    if (query.unitId) {
      // A unit outside the caller's scope is not found (404), like any out-of-scope id.
      await unitInScope(this.dataSource.manager, actor, query.unitId, ReceptionErrors.unitNotFound);
      qb.andWhere('p.unit_id = :unitId', { unitId: query.unitId });
    }
    const places = await qb.orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').limit(LIST_LIMIT).getMany();
    return places.map(toPlaceView);
  }

  async create(actor: Actor, dto: CreatePlaceDto): Promise<PlaceView> {
    const view = await this.dataSource.transaction(async (manager) => {
      const unit = await unitInScope(manager, actor, dto.unitId, ReceptionErrors.unitNotFound);
      const id = uuid7();
      await manager.insert(ReceptionPlaceEntity, {
        id,
        unitId: unit.id,
        name: dto.name,
        address: dto.address,
        room: dto.room ?? null,
        hours: dto.hours ?? null,
        active: true,
      });
      const created = await manager.findOneByOrFail(ReceptionPlaceEntity, { id });
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'reception_place',
        entityId: id,
        unitId: unit.id,
        changes: diffChanges(null, audited(created)),
      });
      return toPlaceView(created);
    });
    this.publicCache.invalidate();
    return view;
  }

  async update(actor: Actor, id: string, dto: UpdatePlaceDto): Promise<PlaceView> {
    const view = await this.dataSource.transaction(async (manager) => {
      const place = await recordInScope(
        manager,
        ReceptionPlaceEntity,
        actor,
        id,
        () => ReceptionErrors.placeNotFound(),
        true,
      );
      if (place.version !== dto.version) throw ReceptionErrors.versionConflict('place', place.version);
      const before = audited({ ...place });
      await manager.update(
        ReceptionPlaceEntity,
        { id },
        {
          name: dto.name ?? place.name,
          address: dto.address ?? place.address,
          room: dto.room !== undefined ? dto.room : place.room,
          hours: dto.hours !== undefined ? dto.hours : place.hours,
          active: dto.active ?? place.active,
          version: place.version + 1,
        },
      );
      const updated = await manager.findOneByOrFail(ReceptionPlaceEntity, { id });
      await this.audit.record(manager, actor, {
        action: 'update',
        entityType: 'reception_place',
        entityId: id,
        unitId: place.unitId,
        changes: diffChanges(before, audited(updated)),
      });
      return toPlaceView(updated);
    });
    this.publicCache.invalidate();
    return view;
  }
}
