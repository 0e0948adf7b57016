import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import {
  assertCanAddAttachment,
  type AttachmentMediaType,
  attachmentEmpty,
  attachmentTooLarge,
  MAX_ATTACHMENT_BYTES,
  MEDIA_TYPES,
  requireAllowedMediaType,
  SNIFF_HEAD_BYTES,
} from '../attachments/domain/attachment-policy.js';
import type { StoredFile } from '../attachments/file-store.js';
import { IdentityAccess } from '../identity/identity-access.js';
import { IdentityVault } from '../identity/identity-vault.js';
import type { EntityManager } from 'typeorm';
import { FILE_STORE, type FileStore } from '../attachments/file-store.js';
import { readSingleFile } from '../attachments/multipart.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/domain/actor.js';
import { DomainError } from '../common/domain/domain-error.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { recordInScope } from '../units/unit-scope.js';
import { LetterAttachmentEntity } from './entities/letter-attachment.entity.js';
import { AttachmentView } from './dto/attachment.dto.js';
import { ComplaintCaseEntity } from '../complaints/entities/complaint-case.entity.js';
import { DenunciationCaseEntity } from '../denunciations/entities/denunciation-case.entity.js';
import { caseInScope } from '../cases/case-records.js';
import { CaseErrors } from '../cases/cases.errors.js';
import { UserEntity } from '../users/user.entity.js';
import { In } from 'typeorm';
import { LetterEntity } from './entities/letter.entity.js';
import { identityBasisOnReach, letterForReading, type LetterReach } from './letter-reach.js';
import { whereInScope } from '../units/unit-scope.js';
import { LetterErrors } from './letters.errors.js';
import { ProtectedText } from '../identity/protected-text.js';

const EXTENSIONS: Record<string, string> = {
  [MEDIA_TYPES.pdf]: 'pdf',
  [MEDIA_TYPES.jpeg]: 'jpg',
  [MEDIA_TYPES.png]: 'png',
  [MEDIA_TYPES.tiff]: 'tif',
  [MEDIA_TYPES.webp]: 'webp',
  [MEDIA_TYPES.docx]: 'docx',
  [MEDIA_TYPES.xlsx]: 'xlsx',
  [MEDIA_TYPES.text]: 'txt',
};

/** A file in the store, its row not yet written ({@link LetterAttachmentsService.insert}). */
export interface StoredAttachment {
  id: string;
  /** The client's name, made safe; personal data, never log it. */
  fileName: string;
  identifying: boolean;
  stored: StoredFile;
  sealed: { keyId: string; wrappedKey: Buffer } | null;
  mediaType: AttachmentMediaType;
}

function toView(
  a: LetterAttachmentEntity,
  seesIdentity: boolean,
  names: ReadonlyMap<string, string>,
): AttachmentView {
  // A file that identifies its author is shown by name only to those who may see the petitioners.
  const hidden = a.identifying && !seesIdentity;
  return {
    id: a.id,
    fileName: hidden ? 'tep-nhan-dang' : a.fileName,
    mediaType: a.mediaType,
    sizeBytes: a.sizeBytes,
    sha256: hidden ? null : a.sha256,
    identifying: a.identifying,
    uploadedByUserId: a.uploadedByUserId,
    uploadedByName: a.uploadedByUserId ? (names.get(a.uploadedByUserId) ?? null) : null,
    createdAt: a.createdAt.toISOString(),
  };
}

/** A case whose files are its letter's (the case's dossier): `complaint` or `denunciation`. */
export type CaseKindOfFiles = 'complaint' | 'denunciation';

const CASE_ENTITIES = { complaint: ComplaintCaseEntity, denunciation: DenunciationCaseEntity } as const;

/** How a command finds the letter whose files it reads or adds to, and what its audit entry names. */
interface LetterOfFiles {
  find(manager: EntityManager, lock: boolean): Promise<{ letter: LetterEntity; reach: LetterReach }>;
  audited(letter: LetterEntity): { entityType: string; entityId: string; unitId: string };
}

/**
 * Files handed in with a letter. The bytes go to the file store first (streamed, size-limited, hashed,
 * content-addressed); then one transaction writes the row and its audit entry. A crash in between leaves
 * an unreferenced file, never a row without its file (docs/letters-and-cases.md).
 */
@Injectable()
export class LetterAttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(FILE_STORE) private readonly fileStore: FileStore,
    private readonly vault: IdentityVault,
    private readonly access: IdentityAccess,
    private readonly protectedText: ProtectedText,
  ) {}

  async upload(actor: Actor, letterId: string, request: FastifyRequest): Promise<AttachmentView> {
    return this.uploadTo(actor, request, {
      find: async (manager, lock) => ({
        letter: await recordInScope(manager, LetterEntity, actor, letterId, LetterErrors.notFound, lock),
        reach: 'scope',
      }),
      audited: (letter) => ({ entityType: 'letter', entityId: letter.id, unitId: letter.unitId }),
    });
  }

  /**
   * A file added to a case's dossier (its letter's files) by those who work the case (`cases:handle`,
   * the case in their scope or assigned to them). The audit entry is the case's.
   */
  async uploadToCase(
    actor: Actor,
    kind: CaseKindOfFiles,
    caseId: string,
    request: FastifyRequest,
  ): Promise<AttachmentView> {
    let audited = { entityType: `${kind}_case`, entityId: caseId, unitId: '' };
    return this.uploadTo(actor, request, {
      find: async (manager, lock) => {
        const c = await caseInScope(manager, CASE_ENTITIES[kind], actor, caseId, CaseErrors.notFound);
        audited = { ...audited, unitId: c.unitId };
        return this.letterOfCase(manager, actor, c.letterId, lock);
      },
      audited: () => audited,
    });
  }

  /** The files of a case's dossier, as its reader may see them (identifying ones by name only to those who may). */
  async listForCase(actor: Actor, kind: CaseKindOfFiles, caseId: string): Promise<AttachmentView[]> {
    const manager = this.dataSource.manager;
    const c = await caseInScope(manager, CASE_ENTITIES[kind], actor, caseId, CaseErrors.notFound);
    return this.views(manager, actor, await this.letterOfCase(manager, actor, c.letterId, false));
  }

  /** One file of a case's dossier: the same rules as the letter's (`open`). */
  async openForCase(actor: Actor, kind: CaseKindOfFiles, caseId: string, attachmentId: string) {
    return this.openFrom(
      attachmentId,
      async (manager) => {
        const c = await caseInScope(manager, CASE_ENTITIES[kind], actor, caseId, CaseErrors.notFound);
        return this.letterOfCase(manager, actor, c.letterId, false);
      },
      actor,
    );
  }

  /**
   * The letter of a case the actor reaches: `scope` when the letter's unit is in their scope, otherwise
   * as its case's worker only (a case moved to a unit below), who sees no identifying file.
   */
  private async letterOfCase(
    manager: EntityManager,
    actor: Actor,
    letterId: string,
    lock: boolean,
  ): Promise<{ letter: LetterEntity; reach: LetterReach }> {
    const qb = manager
      .getRepository(LetterEntity)
      .createQueryBuilder('l')
      .where('l.id = :id', { id: letterId });
    if (lock) qb.setLock('pessimistic_write');
    const inScope = await whereInScope(qb.clone(), 'l.unit_id', actor).getOne();
    if (inScope) return { letter: inScope, reach: 'scope' };
    return { letter: await qb.getOneOrFail(), reach: 'case_handler' };
  }

  private async uploadTo(
    actor: Actor,
    request: FastifyRequest,
    target: LetterOfFiles,
  ): Promise<AttachmentView> {
    const { letter } = await target.find(this.dataSource.manager, false);
    assertCanAddAttachment(
      await this.dataSource.manager.countBy(LetterAttachmentEntity, { letterId: letter.id }),
    );
    const upload = await readSingleFile(request);
    // On a letter whose writer is protected, a file is taken to identify them unless said otherwise.
    const identifying =
      upload.fields.identifying === undefined
        ? letter.identityProtected
        : upload.fields.identifying === 'true';
    if (upload.fields.identifying !== undefined && !['true', 'false'].includes(upload.fields.identifying)) {
      upload.stream.resume();
      throw new DomainError('ATTACHMENT_INVALID', 'The form is invalid: identifying.', 'invalid', [
        { field: 'identifying', message: 'must be true or false' },
      ]);
    }
    const file = await this.store(upload.stream, upload.fileName, identifying);
    try {
      return await transactionWithRetry(this.dataSource, async (manager) => {
        const reached = await target.find(manager, true);
        const locked = reached.letter;
        assertCanAddAttachment(await manager.countBy(LetterAttachmentEntity, { letterId: locked.id }));
        await this.insert(manager, actor, locked, file, target.audited(locked));
        return toView(
          await manager.findOneByOrFail(LetterAttachmentEntity, { id: file.id }),
          (await identityBasisOnReach(this.access, manager, actor, reached)) !== null,
          await this.names(manager, [actor.userId]),
        );
      });
    } catch (error) {
      await this.discard(this.dataSource.manager, [file]);
      throw error;
    }
  }

  /**
   * Streams one file to the store, before any transaction: refused (nothing left on disk) when it is
   * larger than `maxBytes` (at most the attachment limit) or not of an accepted type; sealed first when it
   * identifies its author. The row is written later by {@link insert}.
   */
  async store(
    stream: Readable,
    fileName: string,
    identifying: boolean,
    maxBytes = MAX_ATTACHMENT_BYTES,
  ): Promise<StoredAttachment> {
    const id = uuid7();
    const limit = Math.min(maxBytes, MAX_ATTACHMENT_BYTES);
    // A file that identifies its author is sealed before it reaches the disk (src/identity).
    // A type not accepted is refused before anything is stored (415, no file left on disk).
    const accept = (head: Buffer) => void requireAllowedMediaType(head, fileName);
    const { stored, sealed } = identifying
      ? await this.putSealed(id, stream, accept, limit)
      : { stored: await this.fileStore.put(stream, { maxBytes: limit, accept }), sealed: null };
    const mediaType = requireAllowedMediaType(stored.head, fileName);
    return { id, fileName, identifying, stored, sealed, mediaType };
  }

  /**
   * The row of a stored file and its audit entry, in the caller's transaction (`letter` locked by it).
   * Returns the name kept on the row.
   */
  async insert(
    manager: EntityManager,
    actor: Actor,
    letter: LetterEntity,
    file: StoredAttachment,
    audited: { entityType: string; entityId: string; unitId: string } = {
      entityType: 'letter',
      entityId: letter.id,
      unitId: letter.unitId,
    },
  ): Promise<string> {
    const { id, stored, sealed, mediaType, identifying } = file;
    // A sealed file's name may name its author: it is replaced by a neutral one.
    const fileName = sealed
      ? `tai-lieu-niem-phong-${id.slice(-8)}.${EXTENSIONS[mediaType] ?? 'bin'}`
      : // Even a file not taken to identify its author keeps no name of the denouncer (issue 14).
        (await this.protectedText.redactFor(manager, 'letter', letter.id, file.fileName)).slice(0, 255);
    await manager.insert(LetterAttachmentEntity, {
      keyId: sealed?.keyId ?? null,
      wrappedKey: sealed?.wrappedKey ?? null,
      id,
      letterId: letter.id,
      storageKey: stored.key,
      fileName,
      mediaType,
      sizeBytes: stored.size,
      sha256: stored.sha256,
      identifying,
      uploadedByUserId: actor.userId,
    });
    await this.audit.record(manager, actor, {
      action: 'attach',
      ...audited,
      changes: {
        attachment: {
          before: null,
          // A sealed file's digest would let a reader confirm a guess of its content: not recorded.
          after: {
            id,
            mediaType,
            sizeBytes: stored.size,
            sha256: identifying ? null : stored.sha256,
            identifying,
          },
        },
      },
    });
    return fileName;
  }

  /**
   * Removes the contents of stored files whose upload was refused after they were stored (a later file
   * refused, the transaction failed): only those this upload placed in the store (`fresh`) and that no
   * row names — content-addressed keys may be shared with another letter's or case's file.
   */
  async discard(manager: EntityManager, files: readonly StoredAttachment[]): Promise<void> {
    for (const { stored } of files) {
      if (!stored.fresh) continue;
      const [{ n }] = (await manager.query(
        `SELECT (SELECT COUNT(*) FROM letter_attachments WHERE storage_key = ?)
              + (SELECT COUNT(*) FROM enforcement_evidence WHERE storage_key = ?) AS n`,
        [stored.key, stored.key],
      )) as { n: number | string }[];
      if (Number(n) === 0) await this.fileStore.remove(stored.key);
    }
  }

  /** The files of a letter in scope, or of the letter of a case the actor handles (letter-reach.ts). */
  async list(actor: Actor, letterId: string): Promise<AttachmentView[]> {
    const manager = this.dataSource.manager;
    return this.views(manager, actor, await letterForReading(manager, actor, letterId));
  }

  private async views(
    manager: EntityManager,
    actor: Actor,
    reached: { letter: LetterEntity; reach: LetterReach },
  ): Promise<AttachmentView[]> {
    const rows = await manager.find(LetterAttachmentEntity, {
      where: { letterId: reached.letter.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const sees = (await identityBasisOnReach(this.access, manager, actor, reached)) !== null;
    const names = await this.names(
      manager,
      rows.map((a) => a.uploadedByUserId),
    );
    return rows.map((a) => toView(a, sees, names));
  }

  /** The officers' names (who uploaded a file: an officer, never a citizen). */
  private async names(manager: EntityManager, ids: Array<string | null>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (wanted.length === 0) return new Map();
    const users = await manager.find(UserEntity, {
      where: { id: In(wanted) },
      select: { id: true, fullName: true },
    });
    return new Map(users.map((u) => [u.id, u.fullName]));
  }

  /**
   * The file; one that identifies its author only to those who may see the petitioners (never to a
   * handler who reached the letter through its case only), and that read is audited.
   */
  async open(
    actor: Actor,
    letterId: string,
    attachmentId: string,
  ): Promise<{ attachment: LetterAttachmentEntity; stream: Readable }> {
    return this.openFrom(attachmentId, (manager) => letterForReading(manager, actor, letterId), actor);
  }

  private async openFrom(
    attachmentId: string,
    find: (manager: EntityManager) => Promise<{ letter: LetterEntity; reach: LetterReach }>,
    actor: Actor,
  ): Promise<{ attachment: LetterAttachmentEntity; stream: Readable }> {
    return this.dataSource.transaction(async (manager) => {
      const reached = await find(manager);
      const { letter } = reached;
      const attachment = await manager.findOneBy(LetterAttachmentEntity, {
        id: attachmentId,
        letterId: letter.id,
      });
      if (!attachment) throw LetterErrors.attachmentNotFound();
      if (attachment.identifying) {
        if ((await identityBasisOnReach(this.access, manager, actor, reached)) === null)
          throw LetterErrors.attachmentNotFound();
        await this.audit.recordRead(manager, actor, {
          entityType: 'letter_attachment',
          entityId: attachment.id,
          unitId: letter.unitId,
          fields: ['file'],
        });
      }
      const stream = await this.fileStore.open(attachment.storageKey);
      if (!attachment.keyId || !attachment.wrappedKey) return { attachment, stream };
      const ciphertext = await readAll(stream, Number.MAX_SAFE_INTEGER);
      const plain = this.vault.openBytes(attachment.id, {
        keyId: attachment.keyId,
        wrappedKey: attachment.wrappedKey,
        ciphertext,
      });
      return { attachment, stream: Readable.from([plain]) };
    });
  }

  /** Reads the whole file (at most the attachment limit), seals it, and stores the ciphertext. */
  private async putSealed(
    id: string,
    stream: Readable,
    accept: (head: Buffer) => void,
    maxBytes: number,
  ): Promise<{ stored: StoredFile; sealed: { keyId: string; wrappedKey: Buffer } }> {
    const plain = await readAll(stream, maxBytes);
    if (plain.length === 0) throw attachmentEmpty();
    accept(plain.subarray(0, SNIFF_HEAD_BYTES));
    const sealed = this.vault.sealBytes(id, plain);
    const onDisk = await this.fileStore.put(Readable.from([sealed.ciphertext]), {
      maxBytes: sealed.ciphertext.length,
    });
    return {
      // What the row describes is the original file; the store holds its ciphertext.
      stored: {
        key: onDisk.key,
        size: plain.length,
        sha256: createHash('sha256').update(plain).digest('hex'),
        head: plain.subarray(0, SNIFF_HEAD_BYTES),
        fresh: onDisk.fresh,
      },
      sealed: { keyId: sealed.keyId, wrappedKey: sealed.wrappedKey },
    };
  }
}

/** The stream's bytes, refusing more than `maxBytes` (413) without reading on. */
async function readAll(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      stream.destroy();
      throw attachmentTooLarge(maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
