import { ReceptionMatterEntity } from './entities/reception-matter.entity.js';
import { ReceptionPendingIntakeEntity } from './entities/reception-pending-intake.entity.js';
import { ReceptionPlaceEntity } from './entities/reception-place.entity.js';
import { ReceptionScheduleEntity } from './entities/reception-schedule.entity.js';
import { ReceptionSessionEntity } from './entities/reception-session.entity.js';
import { ReceptionVisitCitizenEntity } from './entities/reception-visit-citizen.entity.js';
import { ReceptionVisitEntity } from './entities/reception-visit.entity.js';

/**
 * The reception book's entities, related to one another: a module that registers one of them — or an
 * entity with a relation to them, such as a letter's visit — registers them all, or TypeORM cannot build
 * the relation's metadata (`forFeature` registers entities when its module's file is loaded, for every
 * context that loads it).
 */
export const RECEPTION_ENTITIES = [
  ReceptionPlaceEntity,
  ReceptionScheduleEntity,
  ReceptionSessionEntity,
  ReceptionMatterEntity,
  ReceptionVisitEntity,
  ReceptionVisitCitizenEntity,
  ReceptionPendingIntakeEntity,
];
