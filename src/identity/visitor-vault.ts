import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { redact, type IdentityNeedles } from './domain/identity-matcher.js';
import { IdentityVault } from './identity-vault.js';

/** A visitor's identity as sealed in reception_visit_citizens (the envelope's JSON). */
export interface VisitorIdentity {
  fullName: string;
  address: string;
  idNumber: string;
  phone: string | null;
}

interface CitizenRow {
  id: string;
  full_name: string | null;
  address: string | null;
  id_number: string | null;
  phone: string | null;
  key_id: string | null;
  wrapped_key: Buffer | null;
  ciphertext: Buffer | null;
}

/** The free texts of a visit a visitor may be named in. */
const VISIT_TEXTS = ['summary', 'earlier_handling', 'notes', 'follow_up'] as const;

/**
 * The identity of a reception visitor who is a denouncer (issue 14, finding 2): sealed in their
 * reception_visit_citizens row with the envelope of letter_petitioners (ADR 0006) — the plain columns
 * emptied, the căn cước number kept only as a blind index for the matter lookup. The callers decide who
 * may read it (ReceptionBookService, under the letter's rules) and audit each read.
 */
@Injectable()
export class VisitorVault {
  constructor(private readonly vault: IdentityVault) {}

  /** The columns of a new visitor row, sealed. */
  sealedColumns(rowId: string, visitor: VisitorIdentity) {
    return {
      fullName: null,
      address: null,
      idNumber: null,
      phone: null,
      ...this.vault.seal(rowId, visitor),
      idNumberIndex: this.vault.index('id_number', visitor.idNumber),
    };
  }

  /** The blind index the matter lookup searches sealed visitors by. */
  idNumberIndex(idNumber: string): string {
    return this.vault.index('id_number', idNumber);
  }

  /** The visitors of a visit, in order, opened where sealed (the caller audits the read). */
  async visitors(
    manager: EntityManager,
    visitId: string,
  ): Promise<Array<VisitorIdentity & { representative: boolean }>> {
    const rows: Array<CitizenRow & { representative: number | boolean }> = await manager.query(
      `SELECT id, full_name, address, id_number, phone, key_id, wrapped_key, ciphertext, representative
       FROM reception_visit_citizens WHERE visit_id = ? ORDER BY position`,
      [visitId],
    );
    return rows.map((r) => ({ ...this.identityOf(r), representative: Boolean(Number(r.representative)) }));
  }

  /**
   * Makes a visit's visitors protected, in the caller's transaction: each plain row sealed, the visit
   * flagged, and its free texts (and its matter's summary) cut of the visitors' and the letter's people.
   * Idempotent: rows already sealed stay as they are. Returns how many rows it sealed.
   */
  async protect(manager: EntityManager, visitId: string, alsoNamed: readonly IdentityNeedles[] = []) {
    const rows: CitizenRow[] = await manager.query(
      `SELECT id, full_name, address, id_number, phone, key_id, wrapped_key, ciphertext
       FROM reception_visit_citizens WHERE visit_id = ? ORDER BY position FOR UPDATE`,
      [visitId],
    );
    let sealed = 0;
    for (const r of rows) {
      if (r.key_id !== null) continue;
      const identity = this.identityOf(r);
      const s = this.sealedColumns(r.id, identity);
      await manager.query(
        `UPDATE reception_visit_citizens SET full_name = NULL, address = NULL, id_number = NULL, phone = NULL,
           key_id = ?, wrapped_key = ?, ciphertext = ?, id_number_index = ? WHERE id = ?`,
        [s.keyId, s.wrappedKey, s.ciphertext, s.idNumberIndex, r.id],
      );
      sealed++;
    }
    const people: IdentityNeedles[] = [...rows.map((r) => this.identityOf(r)), ...alsoNamed];
    const [visit] = await manager.query(
      `SELECT matter_id, ${VISIT_TEXTS.join(', ')} FROM reception_visits WHERE id = ? FOR UPDATE`,
      [visitId],
    );
    if (visit) {
      const texts = VISIT_TEXTS.map((c) => (visit[c] === null ? null : redact(String(visit[c]), people)));
      await manager.query(
        `UPDATE reception_visits SET identity_protected = TRUE, ${VISIT_TEXTS.map((c) => `${c} = ?`).join(', ')}
         WHERE id = ?`,
        [...texts.map((t, i) => (t === null ? null : t.slice(0, i === 0 ? 4000 : 2000))), visitId],
      );
      const [matter] = await manager.query('SELECT summary FROM reception_matters WHERE id = ? FOR UPDATE', [
        visit.matter_id,
      ]);
      if (matter) {
        await manager.query('UPDATE reception_matters SET summary = ? WHERE id = ?', [
          redact(String(matter.summary), people).slice(0, 4000),
          visit.matter_id,
        ]);
      }
    }
    return sealed;
  }

  /**
   * Seals the visitors of visits marked protected whose rows are still plain (the rows of before the
   * migration that marked them), a batch per transaction; returns how many rows it sealed. Resumable
   * and idempotent: a rerun seals what is left.
   */
  async sealPending(
    transaction: <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>,
    batchSize = 100,
  ): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await transaction(async (manager) => {
        const visits: Array<{ id: string }> = await manager.query(
          `SELECT DISTINCT v.id FROM reception_visits v JOIN reception_visit_citizens c ON c.visit_id = v.id
           WHERE v.identity_protected = TRUE AND c.key_id IS NULL ORDER BY v.id LIMIT ?`,
          [batchSize],
        );
        let rows = 0;
        for (const v of visits) rows += await this.protect(manager, v.id);
        return { visits: visits.length, rows };
      });
      total += done.rows;
      if (done.visits < batchSize) return total;
    }
  }

  private identityOf(r: CitizenRow): VisitorIdentity {
    if (r.key_id !== null && r.wrapped_key && r.ciphertext) {
      return this.vault.open<VisitorIdentity>(r.id, {
        keyId: r.key_id,
        wrappedKey: r.wrapped_key,
        ciphertext: r.ciphertext,
      });
    }
    return {
      fullName: r.full_name ?? '',
      address: r.address ?? '',
      idNumber: r.id_number ?? '',
      phone: r.phone,
    };
  }
}
