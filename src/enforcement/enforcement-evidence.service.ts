import { ProtectedText } from '../identity/protected-text.js';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import { MAX_ATTACHMENT_BYTES, requireAllowedMediaType } from '../attachments/domain/attachment-policy.js';
import { FILE_STORE, type FileStore } from '../attachments/file-store.js';
import { readSingleFile } from '../attachments/multipart.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/domain/actor.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import { uuid7 } from '../common/ids/uuid7.js';
import type { EvidenceView } from './dto/enforcement.dto.js';
import { obligationAccess, recordAccess } from './enforcement-queries.js';
import { toEvidenceView } from './enforcement.service.js';
import { EnforcementErrors } from './enforcement.errors.js';
import { EnforcementEvidenceEntity } from './entities/enforcement-evidence.entity.js';
import { EnforcementObligationEntity } from './entities/enforcement-obligation.entity.js';
import { EnforcementRecordEntity } from './entities/enforcement-record.entity.js';
import { EnforcementUpdateEntity } from './entities/enforcement-update.entity.js';

/** Files per progress report: a decision, a receipt, a few photos — more is a sign of a wrong upload. */
export const MAX_EVIDENCE_PER_UPDATE = 20;

/**
 * Evidence of a progress report, kept like a letter's attachments: the bytes go to the file store first
 * (streamed, size-limited, hashed, type sniffed from the bytes); then one transaction writes the row and
 * its audit entry. A crash in between leaves an unreferenced file, never a row without its file.
 */
@Injectable()
export class EnforcementEvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(FILE_STORE) private readonly store: FileStore,
    private readonly protectedText: ProtectedText,
  ) {}

  async upload(actor: Actor, updateId: string, request: FastifyRequest): Promise<EvidenceView> {
    // Checked before the bytes are read, and again under lock with them.
    await this.reportable(this.dataSource.manager, actor, updateId);
    const upload = await readSingleFile(request);
    const unknown = Object.keys(upload.fields);
    if (unknown.length > 0) {
      upload.stream.resume();
      throw EnforcementErrors.invalid(unknown.map((field) => ({ field, message: 'is not expected' })));
    }
    const stored = await this.store.put(upload.stream, {
      maxBytes: MAX_ATTACHMENT_BYTES,
      accept: (head) => requireAllowedMediaType(head, upload.fileName), // 415 leaves no file behind
    });
    const mediaType = requireAllowedMediaType(stored.head, upload.fileName);
    return transactionWithRetry(this.dataSource, async (manager) => {
      const { update, obligation, record } = await this.reportable(manager, actor, updateId, true);
      const count = await manager.countBy(EnforcementEvidenceEntity, { updateId: update.id });
      if (count >= MAX_EVIDENCE_PER_UPDATE) throw EnforcementErrors.tooManyEvidence(MAX_EVIDENCE_PER_UPDATE);
      const id = uuid7();
      await manager.insert(EnforcementEvidenceEntity, {
        id,
        updateId: update.id,
        storageKey: stored.key,
        // A file's name may name the denouncer of the case: cut out like any text of it (issue 14).
        fileName: (
          await this.protectedText.redactFor(manager, 'enforcement_record', record.id, upload.fileName)
        ).slice(0, 255),
        mediaType,
        sizeBytes: stored.size,
        sha256: stored.sha256,
      });
      await this.audit.record(manager, actor, {
        action: 'enforcement.evidence',
        entityType: 'enforcement_record',
        entityId: record.id,
        unitId: record.unitId,
        changes: {
          [`obligations.${obligation.position}.evidence`]: {
            before: null,
            after: { id, updateId: update.id, mediaType, sizeBytes: stored.size, sha256: stored.sha256 },
          },
        },
      });
      return toEvidenceView(await manager.findOneByOrFail(EnforcementEvidenceEntity, { id }));
    });
  }

  /** The file, for whoever may see its record. */
  async open(
    actor: Actor,
    evidenceId: string,
  ): Promise<{ evidence: EnforcementEvidenceEntity; stream: Readable }> {
    const manager = this.dataSource.manager;
    const rows: { record_id: string }[] = await manager.query(
      `SELECT o.record_id FROM enforcement_evidence e
       JOIN enforcement_updates u ON u.id = e.update_id
       JOIN enforcement_obligations o ON o.id = u.obligation_id
       WHERE e.id = ?`,
      [evidenceId],
    );
    if (rows.length === 0 || !(await recordAccess(manager, actor, rows[0].record_id)).visible) {
      throw EnforcementErrors.evidenceNotFound();
    }
    const evidence = await manager.findOneByOrFail(EnforcementEvidenceEntity, { id: evidenceId });
    return { evidence, stream: await this.store.open(evidence.storageKey) };
  }

  /** The report, if the actor may report on its obligation (resolving side or owning unit). */
  private async reportable(manager: EntityManager, actor: Actor, updateId: string, lock = false) {
    const update = await manager.findOneBy(EnforcementUpdateEntity, { id: updateId });
    const access = update ? await obligationAccess(manager, actor, update.obligationId) : null;
    if (!update || !access) throw EnforcementErrors.updateNotFound();
    const mode = lock ? { lock: { mode: 'pessimistic_write' as const } } : {};
    // Record, then obligation: the lock order of every enforcement command.
    const record = await manager.findOneOrFail(EnforcementRecordEntity, {
      where: { id: access.recordId },
      ...mode,
    });
    const obligation = await manager.findOneOrFail(EnforcementObligationEntity, {
      where: { id: update.obligationId },
      ...mode,
    });
    return { update, obligation, record };
  }
}
