import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';
import { ComplaintCaseEntity } from '../complaints/entities/complaint-case.entity.js';
import { IdentityAccess } from '../identity/identity-access.js';
import { recordInScope, whereInScope } from '../units/unit-scope.js';
import { DUPLICATE_SIMILARITY, type LetterClassification } from './domain/letter-rules.js';
import { similarityTo } from '../common/domain/vietnamese-text.js';
import type { DuplicateSuggestionView, LetterView } from './dto/letter.dto.js';
import { LetterPetitionerEntity } from './entities/letter-petitioner.entity.js';
import { LetterEntity, type LetterFlag } from './entities/letter.entity.js';
import { LetterErrors } from './letters.errors.js';
import { DUPLICATE_CANDIDATES, localDateOfRaw } from './letter-views.js';

/** What the duplicate search reads of a letter (stored, or about to be). */
export type DuplicateProbe = Pick<
  LetterEntity,
  'id' | 'identityProtected' | 'registeredByUserId' | 'subject' | 'content' | 'classification'
>;

/**
 * Duplicate suggestions: the same petitioner (blind index of the căn cước number, or of name and
 * address when one side has none) with similar content; a protected letter is suggested only to its
 * receiver and custodians, and never sets flags on others' letters.
 */
@Injectable()
export class LetterDuplicatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IdentityAccess,
  ) {}

  async duplicates(actor: Actor, id: string): Promise<DuplicateSuggestionView[]> {
    const manager = this.dataSource.manager;
    const letter = await recordInScope(manager, LetterEntity, actor, id, LetterErrors.notFound);
    return (await this.findDuplicates(manager, actor, letter)).map(({ protectedCandidate: _p, ...d }) => d);
  }

  /**
   * Letters of the same petitioner (the same căn cước number, or the same folded name and address —
   * looked up by blind index, nothing decrypted) whose content is similar, diacritics ignored. Only letters
   * the actor may see are suggested.
   */
  async findDuplicates(
    manager: EntityManager,
    actor: Actor,
    letter: LetterEntity,
  ): Promise<Array<DuplicateSuggestionView & { protectedCandidate?: true }>> {
    // Who may not see a denouncer may not learn which other letters are theirs either.
    if (letter.identityProtected && !(await this.access.basis(manager, actor, letter))) return [];
    const mine = await manager.find(LetterPetitionerEntity, { where: { letterId: letter.id } });
    return this.search(manager, actor, letter, mine);
  }

  /**
   * The same search for a letter about to be written (intake runs it before its transaction opens: the
   * result is a suggestion and the flags it sets, read from committed letters either way): the letter's
   * fields as they will be stored and its petitioners' blind indexes. `letter.id` is the id it will get.
   */
  async findDuplicatesOfNew(
    manager: EntityManager,
    actor: Actor,
    letter: DuplicateProbe,
    petitioners: ReadonlyArray<Pick<LetterPetitionerEntity, 'idNumberIndex' | 'nameAddressIndex'>>,
  ): Promise<Array<DuplicateSuggestionView & { protectedCandidate?: true }>> {
    if (letter.identityProtected && !(await this.access.basis(manager, actor, letter))) {
      return [];
    }
    return this.search(manager, actor, letter, petitioners);
  }

  private async search(
    manager: EntityManager,
    actor: Actor,
    letter: DuplicateProbe,
    mine: ReadonlyArray<Pick<LetterPetitionerEntity, 'idNumberIndex' | 'nameAddressIndex'>>,
  ): Promise<Array<DuplicateSuggestionView & { protectedCandidate?: true }>> {
    const ids = mine.map((p) => p.idNumberIndex).filter((v): v is string => v !== null);
    const keys = mine.map((p) => p.nameAddressIndex).filter((v): v is string => v !== null);
    if (ids.length === 0 && keys.length === 0) return [];
    // Name and address identify a person only when one side has no căn cước number: two different
    // numbers are two people, whatever their names (samePetitioner in domain/petitioner-match.ts).
    const keysWithoutId = mine
      .filter((p) => p.nameAddressIndex && !p.idNumberIndex)
      .map((p) => p.nameAddressIndex!);
    const keysWithId = mine
      .filter((p) => p.nameAddressIndex && p.idNumberIndex)
      .map((p) => p.nameAddressIndex!);
    const qb = manager
      .getRepository(LetterEntity)
      .createQueryBuilder('l')
      .innerJoin(LetterPetitionerEntity, 'p', 'p.letter_id = l.id')
      .select([
        'l.id AS id',
        'l.unit_id AS unitId',
        'l.received_on AS receivedOn',
        'l.classification AS classification',
        'l.subject AS subject',
        'l.content AS content',
        'l.decision AS decision',
        'l.case_id AS caseId',
        'l.identity_protected AS protectedCandidate',
        'MAX(CASE WHEN p.id_number_index IN (:...ids) THEN 1 ELSE 0 END) AS byId',
      ])
      .where('l.id <> :self', { self: letter.id })
      // A protected letter is suggested only to its receiver and to custodians (the narrowest bases).
      .andWhere('(l.identity_protected = 0 OR l.registered_by_user_id = :me OR :custodian = 1)', {
        me: actor.userId ?? '',
        custodian: actor.permissions.has('identity:custody') ? 1 : 0,
      })
      .andWhere("l.status <> 'split'")
      .andWhere(
        `(p.id_number_index IN (:...ids) OR p.name_address_index IN (:...keysWithoutId)
          OR (p.name_address_index IN (:...keysWithId) AND p.id_number_index IS NULL))`,
        {
          ids: ids.length ? ids : ['-'],
          keysWithoutId: keysWithoutId.length ? keysWithoutId : ['-'],
          keysWithId: keysWithId.length ? keysWithId : ['-'],
        },
      )
      .groupBy('l.id')
      .orderBy('l.received_on', 'DESC')
      .limit(DUPLICATE_CANDIDATES);
    whereInScope(qb, 'l.unit_id', actor);
    const rows: Array<Record<string, unknown>> = await qb.getRawMany();
    const out: DuplicateSuggestionView[] = [];
    // The letter's own text folded once, not once per candidate.
    const toLetter = rows.length > 0 ? similarityTo(`${letter.subject} ${letter.content}`) : null;
    for (const r of rows) {
      const similarity = toLetter!(`${String(r.subject)} ${String(r.content)}`);
      if (similarity < DUPLICATE_SIMILARITY) continue;
      out.push({
        letterId: String(r.id),
        unitId: String(r.unitId),
        receivedOn: localDateOfRaw(r.receivedOn),
        classification: r.classification as LetterClassification,
        subject: String(r.subject),
        matchedOn: Number(r.byId) === 1 ? 'id_number' : 'name_and_address',
        similarity: Math.round(similarity * 1000) / 1000,
        decision: (r.decision as LetterView['decision']) ?? null,
        caseId: (r.caseId as string | null) ?? null,
        ...(Number(r.protectedCandidate) === 1 ? { protectedCandidate: true as const } : {}),
      });
    }
    return out.sort((a, b) => b.similarity - a.similarity);
  }

  /** What the suggestions tell about the new letter: a repeat, a transfer already made, a finished second level. */
  async flagsFromDuplicates(
    manager: EntityManager,
    letter: Pick<LetterEntity, 'classification'>,
    duplicates: DuplicateSuggestionView[],
  ): Promise<LetterFlag[]> {
    if (duplicates.length === 0) return [];
    const flags: LetterFlag[] = ['possible_duplicate'];
    if (duplicates.some((d) => d.decision === 'transfer')) flags.push('already_transferred');
    if (letter.classification === 'complaint') {
      const caseIds = duplicates.map((d) => d.caseId).filter((v): v is string => v !== null);
      if (caseIds.length > 0) {
        const secondLevel = await manager.count(ComplaintCaseEntity, {
          where: {
            id: In(caseIds),
            track: In(['second_time', 'disciplinary_second']),
            state: In(['decided', 'awaiting_legal_effect', 'legally_effective', 'enforcement']),
          },
        });
        // LKN art. 11(7): a complaint already resolved at second level is not accepted.
        if (secondLevel > 0) flags.push('resolved_second_level');
      }
    }
    return flags;
  }
}
