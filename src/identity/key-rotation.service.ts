import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../auth/domain/actor.js';
import { IdentityVault } from './identity-vault.js';
import { VisitorVault } from './visitor-vault.js';

/** Every place a sealed record lives: its table, primary key, and whether the ciphertext is in the row. */
const SEALED_TABLES = [
  { table: 'letter_petitioners', key: 'id', ciphertextInRow: true },
  // The persons complainants authorised (issue 20).
  { table: 'letter_authorisations', key: 'id', ciphertextInRow: true },
  { table: 'protected_letter_texts', key: 'letter_id', ciphertextInRow: true },
  // Reception visitors who are denouncers (only their sealed rows have a key_id).
  { table: 'reception_visit_citizens', key: 'id', ciphertextInRow: true },
  // Identifying attachments: the ciphertext is on disk; only the wrapped data key is re-wrapped.
  { table: 'letter_attachments', key: 'id', ciphertextInRow: false },
  // E-mail addresses of citizens who asked for news of a letter filed online.
  { table: 'letter_subscriptions', key: 'id', ciphertextInRow: true },
] as const;

export type RotationReport = {
  currentKeyId: string;
  /** Rows sealed for the first time: visitors of protected visits still in plain columns (migration). */
  sealed: Record<string, number>;
  rewrapped: Record<string, number>;
};

/**
 * Master-key rotation: every data key wrapped by an older master key is unwrapped and wrapped again with
 * the current one (the first in IDENTITY_MASTER_KEYS). The data itself is not re-encrypted. Batches of
 * rows, each in its own transaction with its audit entry; a crash leaves the remaining rows under their old
 * key, still readable while that key stays configured, and a rerun continues where it stopped.
 */
@Injectable()
export class IdentityKeyRotation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vault: IdentityVault,
    private readonly audit: AuditService,
    private readonly visitors: VisitorVault,
  ) {}

  async rotate(batchSize = 500): Promise<RotationReport> {
    const current = this.vault.currentKeyId;
    // First the visitors the migration marked protected but could not seal (it has no key).
    const sealed = {
      reception_visit_citizens: await this.visitors.sealPending(async (work) =>
        this.dataSource.transaction(async (manager) => {
          const result = await work(manager);
          const { rows } = result as { rows: number };
          if (rows > 0) {
            await this.audit.record(manager, SYSTEM_ACTOR, {
              action: 'identity.seal',
              entityType: 'identity_keyring',
              entityId: current,
              changes: { reception_visit_citizens: { before: null, after: rows } },
            });
          }
          return result;
        }),
      ),
    };
    const rewrapped: Record<string, number> = {};
    for (const { table, key, ciphertextInRow } of SEALED_TABLES) {
      rewrapped[table] = 0;
      for (;;) {
        const done = await this.dataSource.transaction(async (manager) => {
          const rows: Array<{ pk: string; key_id: string; wrapped_key: Buffer; ciphertext?: Buffer }> =
            await manager.query(
              `SELECT ${key} AS pk, key_id, wrapped_key${ciphertextInRow ? ', ciphertext' : ''} FROM ${table}
               WHERE key_id IS NOT NULL AND key_id <> ? ORDER BY ${key} LIMIT ? FOR UPDATE`,
              [current, batchSize],
            );
          for (const row of rows) {
            const next = this.vault.rewrap(row.pk, {
              keyId: row.key_id,
              wrappedKey: row.wrapped_key,
              ciphertext: row.ciphertext ?? Buffer.alloc(0),
            });
            await manager.query(`UPDATE ${table} SET key_id = ?, wrapped_key = ? WHERE ${key} = ?`, [
              next.keyId,
              next.wrappedKey,
              row.pk,
            ]);
          }
          if (rows.length > 0) {
            await this.audit.record(manager, SYSTEM_ACTOR, {
              action: 'identity.rotate',
              entityType: 'identity_keyring',
              entityId: current,
              changes: { [table]: { before: null, after: rows.length } },
            });
          }
          return rows.length;
        });
        rewrapped[table] += done;
        if (done < batchSize) break;
      }
    }
    return { currentKeyId: current, sealed, rewrapped };
  }
}
