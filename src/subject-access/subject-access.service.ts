import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { JsonValue } from '../audit/domain/json.js';
import { actorWithPermission, type Actor } from '../auth/domain/actor.js';
import { Clock } from '../common/clock.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import { uuid7 } from '../common/ids/uuid7.js';
import {
  assessText,
  findIdentity,
  redact,
  type IdentityNeedles,
} from '../identity/domain/identity-matcher.js';
import { IdentityAccess } from '../identity/identity-access.js';
import { IdentityVault, type SealedColumns } from '../identity/identity-vault.js';
import { identityInText } from '../identity/identity.errors.js';
import { petitionerKey, samePetitioner } from '../letters/domain/petitioner-match.js';
import { applySearch, localDateOfRaw, type PetitionerIdentityRecord } from '../letters/letter-views.js';
import { LetterEntity } from '../letters/entities/letter.entity.js';
import { scopeSql, whereInScope } from '../units/unit-scope.js';
import { subjectDisclosure, type SubjectRole } from './domain/subject-disclosure.js';
import type {
  CorrectableKind,
  SubjectCorrectionDto,
  SubjectExportRecordView,
  SubjectExportView,
  SubjectQueryDto,
  SubjectRecordKind,
  SubjectRecordView,
  SubjectSearchView,
} from './dto/subject-access.dto.js';
import { SubjectAccessErrors } from './subject-access.errors.js';

/** Who the request is about, as the officer typed it (never stored, never logged). */
interface Criteria {
  idNumber: string | null;
  fullName: string | null;
  address: string | null;
}

/** The identity sealed in a letter_authorisations row. */
interface AuthorisedPersonRecord {
  fullName: string;
  address: string | null;
  idNumber: string | null;
  phone: string | null;
  relationship: string | null;
  practisingCardNumber: string | null;
}

interface VisitorRecord {
  fullName: string;
  address: string;
  idNumber: string;
  phone: string | null;
}

/** A record found, with its data opened (used only when the disclosure allows it). */
interface Found {
  view: SubjectRecordView;
  data: Record<string, unknown> | null;
  texts: Record<string, string> | null;
  /** The entity the audit read entry names. */
  audit: { entityType: string; entityId: string; unitId: string | null };
  /** The subject's identity in this record, to find their e-mail and name elsewhere. */
  identity: IdentityNeedles | null;
}

/** Letters named in texts that are examined at most (newest first). */
const MENTION_CANDIDATES = 200;

const sealed = (r: { key_id: string; wrapped_key: Buffer; ciphertext: Buffer }): SealedColumns => ({
  keyId: r.key_id,
  wrappedKey: r.wrapped_key,
  ciphertext: r.ciphertext,
});
const bool = (v: unknown) => Boolean(Number(v));
const present = (data: Record<string, unknown>, keys: readonly string[]) =>
  keys.filter((k) => data[k] !== null && data[k] !== undefined && data[k] !== '');

const PETITIONER_FIELDS = ['fullName', 'address', 'idNumber', 'phone', 'email'] as const;
const AUTHORISED_FIELDS = [
  'fullName',
  'address',
  'idNumber',
  'phone',
  'relationship',
  'practisingCardNumber',
];
const VISITOR_FIELDS = ['fullName', 'address', 'idNumber', 'phone'] as const;
const FIELDS_OF: Record<CorrectableKind, readonly string[]> = {
  letter_petitioner: PETITIONER_FIELDS,
  letter_authorisation: AUTHORISED_FIELDS,
  reception_visitor: VISITOR_FIELDS,
};

/**
 * A data subject's request (issue 20; Law 91/2025/QH15): find everything held about a person through the
 * blind indexes (nothing else decrypted), export it, correct it — each step audited in its transaction.
 * What each record discloses is decided by `domain/subject-disclosure.ts` (LTC art. 47–48).
 */
@Injectable()
export class SubjectAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly vault: IdentityVault,
    private readonly access: IdentityAccess,
    private readonly clock: Clock,
  ) {}

  /** The records held about the person, with the names of the fields each holds. */
  async search(caller: Actor, dto: SubjectQueryDto): Promise<SubjectSearchView> {
    // Scope through the roles that grant the permission only (docs/security.md, "Authority").
    const actor = actorWithPermission(caller, 'personal_data:subject_access');
    const criteria = criteriaOf(dto);
    return this.dataSource.transaction(async (manager) => {
      const found = await this.find(manager, actor, criteria);
      await this.audit.record(manager, actor, {
        action: 'subject_access.search',
        entityType: 'subject_access_request',
        entityId: uuid7(),
        unitId: actor.unitId,
        changes: auditChanges(dto.requestRef, criteria, found),
      });
      return {
        requestRef: dto.requestRef,
        searchedBy: criteria.idNumber ? 'id_number' : 'name_and_address',
        records: found.map((f) => f.view),
      };
    });
  }

  /** Every datum held about the person, decrypted for this purpose; each record's read audited. */
  async export(caller: Actor, dto: SubjectQueryDto): Promise<SubjectExportView> {
    // Scope through the roles that grant the permission only (docs/security.md, "Authority").
    const actor = actorWithPermission(caller, 'personal_data:subject_access');
    const criteria = criteriaOf(dto);
    return this.dataSource.transaction(async (manager) => {
      const found = await this.find(manager, actor, criteria);
      await this.audit.record(manager, actor, {
        action: 'subject_access.export',
        entityType: 'subject_access_request',
        entityId: uuid7(),
        unitId: actor.unitId,
        changes: auditChanges(dto.requestRef, criteria, found),
      });
      for (const f of found) {
        if (!f.data) continue;
        await this.audit.recordRead(manager, actor, {
          ...f.audit,
          fields: [...f.view.fields.map((k) => `${f.view.kind}.${k}`), 'basis:subject_access'],
        });
      }
      const records: SubjectExportRecordView[] = found.map((f) => ({
        ...f.view,
        data: f.data,
        texts: f.texts,
      }));
      return {
        requestRef: dto.requestRef,
        generatedAt: this.clock.now().toISOString(),
        searchedBy: criteria.idNumber ? 'id_number' : 'name_and_address',
        records,
      };
    });
  }

  /**
   * Corrects the subject's data on one record: one transaction, the record's version checked (409 when
   * stale) and bumped, the envelope re-sealed and the blind indexes re-computed, audited with the
   * request's reference and reason (the values masked).
   */
  async correct(caller: Actor, dto: SubjectCorrectionDto): Promise<SubjectRecordView> {
    // Scope through the roles that grant the permission only (docs/security.md, "Authority").
    const actor = actorWithPermission(caller, 'personal_data:subject_access');
    const criteria = criteriaOf(dto);
    const values = dto.values ?? {};
    const changed = Object.keys(values).filter((k) => (values as Record<string, unknown>)[k] !== undefined);
    if (changed.length === 0) {
      throw SubjectAccessErrors.invalid([{ field: 'values', message: 'must change at least one field' }]);
    }
    if (values.fullName === null) {
      throw SubjectAccessErrors.invalid([{ field: 'values.fullName', message: 'cannot be cleared' }]);
    }
    if (dto.kind === 'letter_authorisation' && values.email !== undefined) {
      throw SubjectAccessErrors.invalid([
        { field: 'values.email', message: 'an authorisation holds no e-mail' },
      ]);
    }
    if (dto.kind === 'reception_visitor') {
      // A visitor's address and number are required in the book (CitizenDto); the book holds no e-mail.
      const missing: string[] = (['address', 'idNumber'] as const).filter((k) => values[k] === null);
      if (values.email !== undefined) missing.push('email');
      if (missing.length > 0) {
        throw SubjectAccessErrors.invalid(
          missing.map((k) => ({ field: `values.${k}`, message: 'cannot be set or cleared on a visitor' })),
        );
      }
    }
    return transactionWithRetry(this.dataSource, async (manager) => {
      const found = (await this.find(manager, actor, criteria)).find(
        (f) => f.view.kind === dto.kind && f.view.rowId === dto.rowId,
      );
      if (!found) throw SubjectAccessErrors.recordNotFound();
      if (!found.data) throw SubjectAccessErrors.protectedRecord();
      const before = found.data;
      const after: Record<string, unknown> = { ...before, ...stripUndefined(values) };
      // The reason is kept in the audit trail as written: it must not carry the data it corrects.
      const people = [before as IdentityNeedles, after as IdentityNeedles];
      const assessed = assessText(dto.reason, people);
      if (assessed.named || assessed.doubtful) {
        throw identityInText([{ field: 'reason', message: 'must not contain the personal data corrected' }]);
      }
      const version = await this.writeCorrection(manager, dto.kind, found, after, dto.version);
      await this.audit.record(manager, actor, {
        action: 'subject_access.correct',
        entityType: found.audit.entityType,
        entityId: found.audit.entityId,
        unitId: found.audit.unitId,
        changes: {
          requestRef: { before: null, after: dto.requestRef },
          reason: { before: null, after: dto.reason },
          record: { before: null, after: `${dto.kind}:${dto.rowId}` },
          ...Object.fromEntries(
            changed.map((k) => [
              `${dto.kind}.${k}`,
              { before: (before[k] ?? null) as JsonValue, after: (after[k] ?? null) as JsonValue },
            ]),
          ),
        },
        sensitiveFields: changed.map((k) => `${dto.kind}.${k}`),
      });
      return { ...found.view, version, fields: present(after, FIELDS_OF[dto.kind]) };
    });
  }

  private async writeCorrection(
    manager: EntityManager,
    kind: CorrectableKind,
    found: Found,
    after: Record<string, unknown>,
    version: number,
  ): Promise<number> {
    const rowId = found.view.rowId;
    if (kind === 'reception_visitor') {
      const [visit] = await manager.query('SELECT version FROM reception_visits WHERE id = ? FOR UPDATE', [
        found.view.recordId,
      ]);
      if (Number(visit.version) !== version) throw SubjectAccessErrors.versionConflict(Number(visit.version));
      const identity: VisitorRecord = {
        fullName: String(after.fullName),
        address: String(after.address),
        idNumber: String(after.idNumber),
        phone: (after.phone as string | null) ?? null,
      };
      // A locking read: the latest row, even if identity:rotate sealed it since this transaction's snapshot.
      const [row] = await manager.query(
        'SELECT key_id FROM reception_visit_citizens WHERE id = ? FOR UPDATE',
        [rowId],
      );
      if (row.key_id !== null) {
        const s = this.vault.seal(rowId, identity);
        await manager.query(
          `UPDATE reception_visit_citizens SET key_id = ?, wrapped_key = ?, ciphertext = ?, id_number_index = ?
           WHERE id = ?`,
          [s.keyId, s.wrappedKey, s.ciphertext, this.vault.index('id_number', identity.idNumber), rowId],
        );
      } else {
        await manager.query(
          'UPDATE reception_visit_citizens SET full_name = ?, address = ?, id_number = ?, phone = ? WHERE id = ?',
          [identity.fullName, identity.address, identity.idNumber, identity.phone, rowId],
        );
      }
      await manager.query('UPDATE reception_visits SET version = ? WHERE id = ?', [
        version + 1,
        found.view.recordId,
      ]);
      return version + 1;
    }
    const [letter] = await manager.query('SELECT version FROM letters WHERE id = ? FOR UPDATE', [
      found.view.recordId,
    ]);
    if (Number(letter.version) !== version) throw SubjectAccessErrors.versionConflict(Number(letter.version));
    if (kind === 'letter_petitioner') {
      const identity: PetitionerIdentityRecord = {
        fullName: String(after.fullName),
        address: (after.address as string | null) ?? null,
        idNumber: (after.idNumber as string | null) ?? null,
        phone: (after.phone as string | null) ?? null,
        email: (after.email as string | null) ?? null,
      };
      const s = this.vault.seal(rowId, identity);
      await manager.query(
        `UPDATE letter_petitioners SET key_id = ?, wrapped_key = ?, ciphertext = ?, id_number_index = ?,
           name_address_index = ? WHERE id = ?`,
        [
          s.keyId,
          s.wrappedKey,
          s.ciphertext,
          identity.idNumber ? this.vault.index('id_number', identity.idNumber) : null,
          identity.address ? this.vault.index('name_address', petitionerKey(identity)) : null,
          rowId,
        ],
      );
    } else {
      const person: AuthorisedPersonRecord = {
        fullName: String(after.fullName),
        address: (after.address as string | null) ?? null,
        idNumber: (after.idNumber as string | null) ?? null,
        phone: (after.phone as string | null) ?? null,
        relationship: (after.relationship as string | null) ?? null,
        practisingCardNumber: (after.practisingCardNumber as string | null) ?? null,
      };
      const s = this.vault.seal(rowId, person);
      await manager.query(
        `UPDATE letter_authorisations SET key_id = ?, wrapped_key = ?, ciphertext = ?, id_number_index = ?,
           updated_at = ? WHERE id = ?`,
        [
          s.keyId,
          s.wrappedKey,
          s.ciphertext,
          person.idNumber ? this.vault.index('id_number', person.idNumber) : null,
          this.clock.now(),
          rowId,
        ],
      );
    }
    await manager.query('UPDATE letters SET version = ? WHERE id = ?', [version + 1, found.view.recordId]);
    return version + 1;
  }

  /** Everything held about the person in the actor's units, in a stable order. */
  private async find(manager: EntityManager, actor: Actor, criteria: Criteria): Promise<Found[]> {
    const petitioners = await this.petitionerRecords(manager, actor, criteria);
    const authorisations = await this.authorisationRecords(manager, actor, criteria);
    const visitors = await this.visitorRecords(manager, actor, criteria);
    const subscriptions = await this.subscriptionRecords(manager, actor, petitioners);
    const identities = [...petitioners, ...authorisations, ...visitors, ...subscriptions]
      .map((f) => f.identity)
      .filter((i): i is IdentityNeedles => i !== null);
    const accounts = await this.accountRecords(manager, actor, identities);
    const own = new Set([...petitioners, ...authorisations].map((f) => f.view.recordId));
    const ownVisits = new Set(visitors.map((f) => f.view.recordId));
    const name = criteria.fullName ?? identities.find((i) => i.fullName)?.fullName ?? null;
    const mentions = name ? await this.mentionRecords(manager, actor, name, own) : [];
    const visitMentions = name ? await this.visitMentionRecords(manager, actor, name, ownVisits) : [];
    return [
      ...petitioners,
      ...authorisations,
      ...visitors,
      ...subscriptions,
      ...accounts,
      ...mentions,
      ...visitMentions,
    ];
  }

  private async petitionerRecords(manager: EntityManager, actor: Actor, c: Criteria): Promise<Found[]> {
    const idIndex = c.idNumber ? this.vault.index('id_number', c.idNumber) : '-';
    const nameIndex =
      c.fullName && c.address
        ? this.vault.index('name_address', petitionerKey({ fullName: c.fullName, address: c.address }))
        : '-';
    const scope = scopeSql('l.unit_id', actor);
    // A name and address identify a person only where the row has no căn cước number, or when no number
    // was given (samePetitioner in letters/domain/petitioner-match.ts).
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT p.id, p.letter_id, p.representative, p.key_id, p.wrapped_key, p.ciphertext,
              p.id_number_index = ? AS by_id, l.unit_id, l.received_on, l.classification,
              l.identity_protected, l.registered_by_user_id, l.version
       FROM letter_petitioners p JOIN letters l ON l.id = p.letter_id
       WHERE (p.id_number_index = ? OR (p.name_address_index = ? AND (? = 0 OR p.id_number_index IS NULL)))
         AND ${scope.sql}
       ORDER BY l.received_on, p.letter_id, p.position`,
      [idIndex, idIndex, nameIndex, c.idNumber ? 1 : 0, ...scope.params],
    );
    const out: Found[] = [];
    for (const r of rows) {
      const letter = letterFacts(r);
      const disclosure = subjectDisclosure({
        role: 'petitioner',
        protectedRecord: letter.identityProtected,
        actorMaySeeProtected: await this.maySeeLetter(manager, actor, letter),
        matchedByNumber: bool(r.by_id),
      });
      const identity = this.vault.open<PetitionerIdentityRecord>(String(r.id), sealed(r as never));
      const data = { ...identity, representative: bool(r.representative) };
      let texts: Record<string, string> | null = null;
      if (disclosure.ownTexts) {
        const others = await this.otherPetitioners(manager, letter.id, String(r.id));
        const original = await this.letterText(manager, letter);
        texts = { subject: redact(original.subject, others), content: redact(original.content, others) };
      }
      out.push({
        view: {
          kind: 'letter_petitioner',
          role: 'petitioner',
          matchedOn: bool(r.by_id) ? 'id_number' : 'name_and_address',
          rowId: String(r.id),
          recordId: letter.id,
          unitId: letter.unitId,
          date: localDateOfRaw(r.received_on),
          category: String(r.classification),
          protectedRecord: letter.identityProtected,
          fields: present(identity as unknown as Record<string, unknown>, PETITIONER_FIELDS),
          correctable: disclosure.ownData,
          version: Number(r.version),
          withheld: disclosure.withheld,
        },
        data: disclosure.ownData ? data : null,
        texts,
        audit: { entityType: 'letter', entityId: letter.id, unitId: letter.unitId },
        identity,
      });
    }
    return out;
  }

  private async authorisationRecords(manager: EntityManager, actor: Actor, c: Criteria): Promise<Found[]> {
    // Only the căn cước number is indexed for an authorised person (docs/personal-data.md).
    if (!c.idNumber) return [];
    const scope = scopeSql('l.unit_id', actor);
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT a.id, a.letter_id, a.kind, a.document_ref, a.document_date, a.key_id, a.wrapped_key, a.ciphertext,
              l.unit_id, l.received_on, l.classification, l.identity_protected, l.registered_by_user_id, l.version
       FROM letter_authorisations a JOIN letters l ON l.id = a.letter_id
       WHERE a.id_number_index = ? AND ${scope.sql}
       ORDER BY l.received_on, a.letter_id`,
      [this.vault.index('id_number', c.idNumber), ...scope.params],
    );
    const out: Found[] = [];
    for (const r of rows) {
      const letter = letterFacts(r);
      const disclosure = subjectDisclosure({
        role: 'authorised_person',
        protectedRecord: letter.identityProtected,
        actorMaySeeProtected: await this.maySeeLetter(manager, actor, letter),
        matchedByNumber: true,
      });
      const person = this.vault.open<AuthorisedPersonRecord>(String(r.id), sealed(r as never));
      out.push({
        view: {
          kind: 'letter_authorisation',
          role: 'authorised_person',
          matchedOn: 'id_number',
          rowId: String(r.id),
          recordId: letter.id,
          unitId: letter.unitId,
          date: localDateOfRaw(r.received_on),
          category: String(r.classification),
          protectedRecord: letter.identityProtected,
          fields: present(person as unknown as Record<string, unknown>, AUTHORISED_FIELDS),
          correctable: disclosure.ownData,
          version: Number(r.version),
          withheld: disclosure.withheld,
        },
        data: disclosure.ownData
          ? {
              ...person,
              authorisationKind: String(r.kind),
              documentRef: String(r.document_ref),
              documentDate: localDateOfRaw(r.document_date),
            }
          : null,
        texts: null,
        audit: { entityType: 'letter', entityId: letter.id, unitId: letter.unitId },
        identity: person,
      });
    }
    return out;
  }

  private async visitorRecords(manager: EntityManager, actor: Actor, c: Criteria): Promise<Found[]> {
    const scope = scopeSql('v.unit_id', actor);
    // Plain rows by their number (or name and address, compared folded below); sealed ones (a denouncer's
    // visit) by the blind index of the number only.
    const where = c.idNumber
      ? '(c.id_number = ? OR c.id_number_index = ?)'
      : '(c.key_id IS NULL AND c.full_name = ?)';
    const params = c.idNumber ? [c.idNumber, this.vault.index('id_number', c.idNumber)] : [c.fullName];
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT c.id, c.visit_id, c.full_name, c.address, c.id_number, c.phone, c.representative, c.key_id,
              c.wrapped_key, c.ciphertext, v.unit_id, v.visit_date, v.content_kind, v.identity_protected,
              v.recorded_by_user_id, v.version, v.summary
       FROM reception_visit_citizens c JOIN reception_visits v ON v.id = c.visit_id
       WHERE ${where} AND ${scope.sql}
       ORDER BY v.visit_date, c.visit_id, c.position`,
      [...params, ...scope.params],
    );
    const out: Found[] = [];
    for (const r of rows) {
      const identity = this.visitorOf(r);
      if (!c.idNumber && samePetitioner(identity, { fullName: c.fullName!, address: c.address }) === null)
        continue;
      const protectedRecord = bool(r.identity_protected);
      const disclosure = subjectDisclosure({
        role: 'visitor',
        protectedRecord,
        actorMaySeeProtected: await this.maySeeVisit(manager, actor, r),
        matchedByNumber: c.idNumber !== null,
      });
      let texts: Record<string, string> | null = null;
      if (disclosure.ownTexts) {
        const others: Array<Record<string, unknown>> = await manager.query(
          `SELECT id, full_name, address, id_number, phone, key_id, wrapped_key, ciphertext
           FROM reception_visit_citizens WHERE visit_id = ? AND id <> ?`,
          [r.visit_id, r.id],
        );
        texts = {
          summary: redact(
            String(r.summary),
            others.map((o) => this.visitorOf(o)),
          ),
        };
      }
      out.push({
        view: {
          kind: 'reception_visitor',
          role: 'visitor',
          matchedOn: c.idNumber ? 'id_number' : 'name_and_address',
          rowId: String(r.id),
          recordId: String(r.visit_id),
          unitId: String(r.unit_id),
          date: localDateOfRaw(r.visit_date),
          category: String(r.content_kind),
          protectedRecord,
          fields: present(identity as unknown as Record<string, unknown>, VISITOR_FIELDS),
          correctable: disclosure.ownData,
          version: Number(r.version),
          withheld: disclosure.withheld,
        },
        data: disclosure.ownData ? { ...identity, representative: bool(r.representative) } : null,
        texts,
        audit: { entityType: 'reception_visit', entityId: String(r.visit_id), unitId: String(r.unit_id) },
        identity,
      });
    }
    return out;
  }

  /**
   * The e-mail subscriptions of the subject's letters (the online form, issue 21): the address is the
   * subject's when they are the letter's only petitioner, or when it is one of their own addresses.
   */
  private async subscriptionRecords(
    manager: EntityManager,
    actor: Actor,
    petitioners: Found[],
  ): Promise<Found[]> {
    const out: Found[] = [];
    for (const p of petitioners) {
      const [sub] = await manager.query(
        `SELECT s.id, s.key_id, s.wrapped_key, s.ciphertext, s.created_at, s.unsubscribed_at,
                (SELECT COUNT(*) FROM letter_petitioners x WHERE x.letter_id = s.letter_id) AS petitioners
         FROM letter_subscriptions s WHERE s.letter_id = ?`,
        [p.view.recordId],
      );
      if (!sub) continue;
      const { email } = this.vault.open<{ email: string }>(String(sub.id), sealed(sub));
      const theirs =
        Number(sub.petitioners) === 1 ||
        email.toLowerCase() === String(p.identity?.email ?? '').toLowerCase();
      if (!theirs) continue;
      const disclosure = subjectDisclosure({
        role: 'subscriber',
        protectedRecord: p.view.protectedRecord,
        // The subscription follows its letter: disclosed when the petitioner's own data is.
        actorMaySeeProtected: p.data !== null,
        matchedByNumber: p.data !== null,
      });
      const messages: Array<{ event_date: unknown; text: string }> = await manager.query(
        'SELECT event_date, text FROM letter_subscription_messages WHERE subscription_id = ? ORDER BY event_date, id',
        [sub.id],
      );
      out.push({
        view: {
          ...p.view,
          kind: 'letter_subscription',
          role: 'subscriber',
          matchedOn: 'record',
          rowId: String(sub.id),
          fields: ['email'],
          correctable: false,
          version: null,
          withheld: disclosure.withheld,
        },
        data: disclosure.ownData
          ? {
              email,
              subscribedAt: new Date(sub.created_at).toISOString(),
              unsubscribedAt: sub.unsubscribed_at ? new Date(sub.unsubscribed_at).toISOString() : null,
              messages: messages.map((m) => ({ date: localDateOfRaw(m.event_date), text: m.text })),
            }
          : null,
        texts: null,
        audit: { entityType: 'letter_subscription', entityId: String(sub.id), unitId: p.view.unitId },
        identity: { email },
      });
    }
    return out;
  }

  /** Accounts whose e-mail is one of the subject's addresses (an officer who is also a citizen). */
  private async accountRecords(
    manager: EntityManager,
    actor: Actor,
    identities: IdentityNeedles[],
  ): Promise<Found[]> {
    const emails = [
      ...new Set(identities.map((i) => i.email?.toLowerCase()).filter((e): e is string => !!e)),
    ];
    if (emails.length === 0) return [];
    const scope = scopeSql('u.unit_id', actor);
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT u.id, u.unit_id, u.email, u.full_name, u.title, u.version FROM users u
       WHERE LOWER(u.email) IN (${emails.map(() => '?').join(', ')}) AND ${scope.sql} ORDER BY u.id`,
      [...emails, ...scope.params],
    );
    return rows.map((r) => {
      const data = {
        fullName: String(r.full_name),
        email: String(r.email),
        title: (r.title as string | null) ?? null,
      };
      return {
        view: {
          kind: 'account' as SubjectRecordKind,
          role: 'account_holder' as SubjectRole,
          matchedOn: 'email' as const,
          rowId: String(r.id),
          recordId: String(r.id),
          unitId: String(r.unit_id),
          date: null,
          category: null,
          protectedRecord: false,
          fields: present(data, ['fullName', 'email', 'title']),
          correctable: false,
          version: null,
          withheld: null,
        },
        data,
        texts: null,
        audit: { entityType: 'user', entityId: String(r.id), unitId: String(r.unit_id) },
        identity: null,
      };
    });
  }

  /**
   * Letters of others that name the subject in their text (the denounced person, a complaint about
   * their decision): candidates by the folded words of the name in `search_text`, confirmed by the one
   * identity matcher (ADR 0009) on the stored copy. Listed only; nothing of them is disclosed.
   */
  private async mentionRecords(
    manager: EntityManager,
    actor: Actor,
    fullName: string,
    own: ReadonlySet<string>,
  ): Promise<Found[]> {
    const qb = manager
      .getRepository(LetterEntity)
      .createQueryBuilder('l')
      .select([
        'l.id',
        'l.unitId',
        'l.receivedOn',
        'l.classification',
        'l.identityProtected',
        'l.subject',
        'l.content',
      ])
      .orderBy('l.receivedOn', 'DESC')
      .limit(MENTION_CANDIDATES);
    applySearch(qb, 'l.search_text', fullName);
    whereInScope(qb, 'l.unit_id', actor);
    if (own.size > 0) qb.andWhere('l.id NOT IN (:...own)', { own: [...own] });
    const letters = await qb.getMany();
    const out: Found[] = [];
    for (const l of letters) {
      if (findIdentity(`${l.subject}\n${l.content}`, [{ fullName }]).length === 0) continue;
      const disclosure = subjectDisclosure({
        role: 'named_in_text',
        protectedRecord: l.identityProtected,
        actorMaySeeProtected: false,
        matchedByNumber: false,
      });
      out.push({
        view: {
          kind: 'letter_mention',
          role: 'named_in_text',
          matchedOn: 'name_in_text',
          rowId: l.id,
          recordId: l.id,
          unitId: l.unitId,
          date: l.receivedOn,
          category: l.classification,
          protectedRecord: l.identityProtected,
          fields: ['fullName'],
          correctable: false,
          version: null,
          withheld: disclosure.withheld,
        },
        data: null,
        texts: null,
        audit: { entityType: 'letter', entityId: l.id, unitId: l.unitId },
        identity: null,
      });
    }
    return out.sort((a, b) => String(a.view.date).localeCompare(String(b.view.date)));
  }

  /**
   * Visits of others whose summary names the subject (a denunciation made in person, say): candidates by
   * each word of the name with LIKE under the column's accent-insensitive collation (`đ` as any letter,
   * which that collation keeps apart from `d`), confirmed by the identity matcher. Listed only.
   */
  private async visitMentionRecords(
    manager: EntityManager,
    actor: Actor,
    fullName: string,
    own: ReadonlySet<string>,
  ): Promise<Found[]> {
    const words = fullName
      .split(/\s+/)
      .filter((w) => w.length > 0)
      .slice(0, 8);
    if (words.length === 0) return [];
    const scope = scopeSql('v.unit_id', actor);
    const like = words.map(() => 'v.summary LIKE ?').join(' AND ');
    const notOwn = own.size > 0 ? `AND v.id NOT IN (${[...own].map(() => '?').join(', ')})` : '';
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT v.id, v.unit_id, v.visit_date, v.content_kind, v.identity_protected, v.summary
       FROM reception_visits v WHERE ${like} AND ${scope.sql} ${notOwn}
       ORDER BY v.visit_date DESC LIMIT ${MENTION_CANDIDATES}`,
      [
        ...words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/[đĐ]/g, '_')}%`),
        ...scope.params,
        ...own,
      ],
    );
    const out: Found[] = [];
    for (const r of rows) {
      if (findIdentity(String(r.summary), [{ fullName }]).length === 0) continue;
      const protectedRecord = bool(r.identity_protected);
      const disclosure = subjectDisclosure({
        role: 'named_in_text',
        protectedRecord,
        actorMaySeeProtected: false,
        matchedByNumber: false,
      });
      out.push({
        view: {
          kind: 'visit_mention',
          role: 'named_in_text',
          matchedOn: 'name_in_text',
          rowId: String(r.id),
          recordId: String(r.id),
          unitId: String(r.unit_id),
          date: localDateOfRaw(r.visit_date),
          category: String(r.content_kind),
          protectedRecord,
          fields: ['fullName'],
          correctable: false,
          version: null,
          withheld: disclosure.withheld,
        },
        data: null,
        texts: null,
        audit: { entityType: 'reception_visit', entityId: String(r.id), unitId: String(r.unit_id) },
        identity: null,
      });
    }
    return out.sort((a, b) => String(a.view.date).localeCompare(String(b.view.date)));
  }

  private async maySeeLetter(manager: EntityManager, actor: Actor, letter: LetterFacts): Promise<boolean> {
    if (!letter.identityProtected) return true;
    // Only the protected rules answer here: the subject_access permission is the basis otherwise.
    return (await this.access.basis(manager, actor, letter)) !== null;
  }

  /** A protected visit: a custodian, its receiver, or whoever may see a protected letter handed in at it. */
  private async maySeeVisit(
    manager: EntityManager,
    actor: Actor,
    r: Record<string, unknown>,
  ): Promise<boolean> {
    if (!bool(r.identity_protected)) return true;
    if (actor.permissions.has('identity:custody')) return true;
    if (actor.userId && r.recorded_by_user_id === actor.userId) return true;
    const letters: Array<{ id: string; registered_by_user_id: string | null }> = await manager.query(
      'SELECT id, registered_by_user_id FROM letters WHERE visit_id = ? AND identity_protected = TRUE',
      [r.visit_id],
    );
    for (const l of letters) {
      const facts = { id: l.id, identityProtected: true, registeredByUserId: l.registered_by_user_id };
      if (await this.access.basis(manager, actor, facts)) return true;
    }
    return false;
  }

  private async otherPetitioners(manager: EntityManager, letterId: string, rowId: string) {
    const rows: Array<Record<string, unknown>> = await manager.query(
      'SELECT id, key_id, wrapped_key, ciphertext FROM letter_petitioners WHERE letter_id = ? AND id <> ?',
      [letterId, rowId],
    );
    return rows.map((o) => this.vault.open<PetitionerIdentityRecord>(String(o.id), sealed(o as never)));
  }

  /** What the petitioner wrote: the sealed original of a protected letter, the letter's text otherwise. */
  private async letterText(manager: EntityManager, letter: LetterFacts) {
    const [row] = await manager.query(
      'SELECT l.subject, l.content, t.key_id, t.wrapped_key, t.ciphertext FROM letters l ' +
        'LEFT JOIN protected_letter_texts t ON t.letter_id = l.id WHERE l.id = ?',
      [letter.id],
    );
    if (letter.identityProtected && row.key_id) {
      return this.vault.open<{ subject: string; content: string }>(letter.id, sealed(row));
    }
    return { subject: String(row.subject), content: String(row.content) };
  }

  private visitorOf(r: Record<string, unknown>): VisitorRecord {
    if (r.key_id !== null && r.wrapped_key && r.ciphertext) {
      return this.vault.open<VisitorRecord>(String(r.id), sealed(r as never));
    }
    return {
      fullName: String(r.full_name ?? ''),
      address: String(r.address ?? ''),
      idNumber: String(r.id_number ?? ''),
      phone: (r.phone as string | null) ?? null,
    };
  }
}

interface LetterFacts {
  id: string;
  unitId: string;
  identityProtected: boolean;
  registeredByUserId: string | null;
}

function letterFacts(r: Record<string, unknown>): LetterFacts {
  return {
    id: String(r.letter_id),
    unitId: String(r.unit_id),
    identityProtected: bool(r.identity_protected),
    registeredByUserId: (r.registered_by_user_id as string | null) ?? null,
  };
}

/** A căn cước number, or a name with an address (400 otherwise). */
function criteriaOf(dto: SubjectQueryDto): Criteria {
  const c: Criteria = {
    idNumber: dto.idNumber ?? null,
    fullName: dto.fullName ?? null,
    address: dto.address ?? null,
  };
  if (!c.idNumber && !(c.fullName && c.address)) {
    throw SubjectAccessErrors.invalid(
      c.fullName
        ? [{ field: 'address', message: 'is needed with a name (or give the căn cước number)' }]
        : [{ field: 'idNumber', message: 'give the căn cước number, or a name and an address' }],
    );
  }
  return c;
}

/** The audit entry of a search or an export: the reference and which records, never who was searched for. */
function auditChanges(requestRef: string, criteria: Criteria, found: Found[]) {
  return {
    requestRef: { before: null, after: requestRef },
    searchedBy: { before: null, after: criteria.idNumber ? 'id_number' : 'name_and_address' },
    records: { before: null, after: found.map((f) => `${f.view.kind}:${f.view.rowId}`) },
  };
}

function stripUndefined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
