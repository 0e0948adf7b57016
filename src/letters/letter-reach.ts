import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';
import type { IdentityAccess, IdentityBasis } from '../identity/identity-access.js';
import { whereInScope } from '../units/unit-scope.js';
import { LetterEntity } from './entities/letter.entity.js';
import { LetterErrors } from './letters.errors.js';

/**
 * How the actor reaches a letter they read: through their unit scope, or only as the assigned handler
 * of the complaint or denunciation case made from it (a verifier of a unit below, or of the unit the
 * case was moved to, works the case without the letter's unit in their scope).
 */
export type LetterReach = 'scope' | 'case_handler';

/**
 * The letter for reading its page and its files (docs/letters-and-cases.md, "Who reads a letter"): in
 * the actor's scope, or — only for these reads — the letter of a case whose `handler_user_id` is the
 * actor now. Not found (404) otherwise; once the case is reassigned the letter is out of reach again.
 * Lists, searches, duplicates, the identity route and every write keep to the unit scope.
 */
export async function letterForReading(
  manager: EntityManager,
  actor: Actor,
  id: string,
): Promise<{ letter: LetterEntity; reach: LetterReach }> {
  const inScope = await whereInScope(
    manager.getRepository(LetterEntity).createQueryBuilder('l').where('l.id = :id', { id }),
    'l.unit_id',
    actor,
  ).getOne();
  if (inScope) return { letter: inScope, reach: 'scope' };
  if (!actor.userId) throw LetterErrors.notFound();
  const handled = await manager
    .getRepository(LetterEntity)
    .createQueryBuilder('l')
    .where('l.id = :id', { id })
    .andWhere(
      `(EXISTS (SELECT 1 FROM complaint_cases hc WHERE hc.letter_id = l.id AND hc.handler_user_id = :me)
        OR EXISTS (SELECT 1 FROM denunciation_cases hd WHERE hd.letter_id = l.id AND hd.handler_user_id = :me))`,
      { me: actor.userId },
    )
    .getOne();
  if (!handled) throw LetterErrors.notFound();
  return { letter: handled, reach: 'case_handler' };
}

/**
 * Who wrote the letter, for a reader who reached it: a handler from outside the letter's scope works on
 * the redacted view only — no petitioners, no identifying file — whatever their roles
 * (src/identity/identity-access.ts is asked only about letters in scope, as it expects).
 */
export async function identityBasisOnReach(
  access: IdentityAccess,
  manager: EntityManager,
  actor: Actor,
  { letter, reach }: { letter: LetterEntity; reach: LetterReach },
): Promise<IdentityBasis | null> {
  return reach === 'scope' ? access.basis(manager, actor, letter) : null;
}
