import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';
import { Clock } from '../common/clock.js';
import { DenunciationCaseEntity } from '../denunciations/entities/denunciation-case.entity.js';
import type { LetterEntity } from '../letters/entities/letter.entity.js';
import { IdentityRevealRequestEntity } from './entities/identity-reveal-request.entity.js';

/** Why an actor may see a petitioner's identity; null when they may not. */
export type IdentityBasis =
  | 'personal_data' // an unprotected letter (complaint, petition) and the letters:personal_data permission
  | 'custodian' // identity custodian of the unit
  | 'receiver' // the officer who received the letter (LTC art. 47(1))
  | 'accepting_head' // the head who accepted the denunciation
  | 'reveal_grant'; // an approved, unexpired reveal request

/**
 * Who may see who wrote a letter. A denouncer's identity (LTC arts. 8(3), 9, 47, 56) is seen only by the
 * officer who received the letter, the head who accepted the case, the unit's identity custodians, and
 * those a custodian let see it for a limited time; everyone else works on the redacted copy. The caller
 * has already checked that the letter is in the actor's scope.
 */
@Injectable()
export class IdentityAccess {
  constructor(private readonly clock: Clock) {}

  async basis(
    manager: EntityManager,
    actor: Actor,
    letter: Pick<LetterEntity, 'id' | 'identityProtected' | 'registeredByUserId'>,
  ): Promise<IdentityBasis | null> {
    if (!letter.identityProtected)
      return actor.permissions.has('letters:personal_data') ? 'personal_data' : null;
    if (actor.permissions.has('identity:custody')) return 'custodian';
    if (!actor.userId) return null;
    if (letter.registeredByUserId === actor.userId) return 'receiver';
    const head = await manager.countBy(DenunciationCaseEntity, {
      letterId: letter.id,
      acceptedByUserId: actor.userId,
    });
    if (head > 0) return 'accepting_head';
    // A complaint made from a protected (mixed) letter: the head who accepted that complaint case.
    const complaintHead = await manager.query(
      `SELECT 1 FROM complaint_cases c JOIN complaint_case_events e ON e.case_id = c.id
       WHERE c.letter_id = ? AND e.event = 'accept' AND e.actor_user_id = ? LIMIT 1`,
      [letter.id, actor.userId],
    );
    if (complaintHead.length > 0) return 'accepting_head';
    const grants = await manager
      .getRepository(IdentityRevealRequestEntity)
      .createQueryBuilder('r')
      .where('r.letter_id = :letterId AND r.requested_by_user_id = :userId', {
        letterId: letter.id,
        userId: actor.userId,
      })
      .andWhere("r.status = 'approved' AND r.expires_at > :now", { now: this.clock.now() })
      .getCount();
    return grants > 0 ? 'reveal_grant' : null;
  }
}
