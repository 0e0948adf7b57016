import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  doubtfulIdentity,
  redact,
  revealsIdentity,
  type IdentityNeedles,
} from './domain/identity-matcher.js';
import { IdentityVault } from './identity-vault.js';
import { VisitorVault } from './visitor-vault.js';
import { identityInText } from './identity.errors.js';

/** Where a text lives: a letter, a case, an enforcement record or obligation (notifications' subjects). */
export type TextSubjectType =
  'letter' | 'denunciation_case' | 'complaint_case' | 'enforcement_record' | 'enforcement_obligation';

const SUBJECT_TYPES: readonly string[] = [
  'letter',
  'denunciation_case',
  'complaint_case',
  'enforcement_record',
  'enforcement_obligation',
];

interface SealedRow {
  id: string;
  key_id: string;
  wrapped_key: Buffer;
  ciphertext: Buffer;
}

/**
 * The identity matcher (domain/identity-matcher.ts) applied to the free texts of a protected letter and of
 * everything made from it (issue 14): the identities are those the letter protects — its petitioners and,
 * for a letter handed in at a reception visit, the visitors (both sealed) — opened here in the caller's
 * transaction and never returned. Officer-typed texts (step notes, reasons, enforcement updates) are
 * refused with a field error when they name or may name the denouncer; texts the system composes from
 * already redacted ones (titles, notification and e-mail bodies, file names) are redacted once more.
 */
@Injectable()
export class ProtectedText {
  constructor(
    private readonly vault: IdentityVault,
    private readonly visitors: VisitorVault,
  ) {}

  /** The identities a letter protects; none for a complaint or petition letter. */
  async identitiesOfLetter(manager: EntityManager, letterId: string | null): Promise<IdentityNeedles[]> {
    if (!letterId) return [];
    const [letter]: Array<{ protected: number | boolean; visit_id: string | null }> = await manager.query(
      'SELECT identity_protected AS protected, visit_id FROM letters WHERE id = ?',
      [letterId],
    );
    if (!letter || !Number(letter.protected)) return [];
    const rows: SealedRow[] = await manager.query(
      'SELECT id, key_id, wrapped_key, ciphertext FROM letter_petitioners WHERE letter_id = ?',
      [letterId],
    );
    const people = rows.map((r) => this.openPerson(r));
    if (letter.visit_id) people.push(...(await this.identitiesOfVisit(manager, letter.visit_id)));
    return people;
  }

  /** The visitors of a reception visit (a letter handed in at it names them too). */
  async identitiesOfVisit(manager: EntityManager, visitId: string): Promise<IdentityNeedles[]> {
    return this.visitors.visitors(manager, visitId);
  }

  /** The letter a subject of a text comes from (null: none, or not a subject that has one). */
  async letterOf(manager: EntityManager, subjectType: string, subjectId: string): Promise<string | null> {
    if (!SUBJECT_TYPES.includes(subjectType)) return null;
    if (subjectType === 'letter') return subjectId;
    if (subjectType === 'denunciation_case' || subjectType === 'complaint_case') {
      const [row] = await manager.query(`SELECT letter_id FROM ${subjectType}s WHERE id = ?`, [subjectId]);
      return row?.letter_id ?? null;
    }
    const recordId =
      subjectType === 'enforcement_record'
        ? subjectId
        : ((await manager.query('SELECT record_id FROM enforcement_obligations WHERE id = ?', [subjectId]))[0]
            ?.record_id ?? null);
    if (!recordId) return null;
    const [record] = await manager.query(
      'SELECT subject_type, subject_id FROM enforcement_records WHERE id = ?',
      [recordId],
    );
    return record ? this.letterOf(manager, record.subject_type, record.subject_id) : null;
  }

  async identitiesOf(manager: EntityManager, subjectType: string, subjectId: string) {
    return this.identitiesOfLetter(manager, await this.letterOf(manager, subjectType, subjectId));
  }

  /**
   * Refuses (400 IDENTITY_IN_TEXT, one detail per field) texts typed for a subject that name the
   * denouncer it protects, or may (part of a number, the name's words split apart).
   */
  async requireClean(
    manager: EntityManager,
    subjectType: TextSubjectType,
    subjectId: string,
    texts: Record<string, string | null | undefined>,
  ): Promise<void> {
    const present = Object.entries(texts).filter((e): e is [string, string] => Boolean(e[1]));
    if (present.length === 0) return;
    const people = await this.identitiesOf(manager, subjectType, subjectId);
    if (people.length === 0) return;
    const details = present.flatMap(([field, text]) =>
      revealsIdentity(text, people)
        ? [{ field, message: 'names or identifies the denouncer: write it without' }]
        : doubtfulIdentity(text, people)
          ? [
              {
                field,
                message: 'may identify the denouncer (part of a number, or the name split): write it without',
              },
            ]
          : [],
    );
    if (details.length > 0) throw identityInText(details);
  }

  /** A text composed by the system for a subject, with the denouncer it protects cut out. */
  async redactFor(
    manager: EntityManager,
    subjectType: string,
    subjectId: string,
    text: string,
  ): Promise<string> {
    const people = await this.identitiesOf(manager, subjectType, subjectId);
    return people.length > 0 ? redact(text, people) : text;
  }

  private openPerson(row: SealedRow): IdentityNeedles {
    const p = this.vault.open<IdentityNeedles>(row.id, {
      keyId: row.key_id,
      wrappedKey: row.wrapped_key,
      ciphertext: row.ciphertext,
    });
    return { fullName: p.fullName, idNumber: p.idNumber, phone: p.phone, email: p.email, address: p.address };
  }
}
