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
import { LetterEntity } from './entities/letter.entity.js';
import { identityBasisOnReach, letterForReading } from './letter-reach.js';
import { LetterErrors } from './letters.errors.js';
import { ProtectedText } from '../identity/protected-text.js';

export interface AttachmentView {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  /** Hidden (null) with the file's name when the file identifies its author and the caller may not see it. */
  sha256: string | null;
  identifying: boolean;
  uploadedByUserId: string | null;
  createdAt: string;
}

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

function toView(a: LetterAttachmentEntity, seesIdentity: boolean): AttachmentView {
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
    createdAt: a.createdAt.toISOString(),
  };
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
    const letter = await recordInScope(
      this.dataSource.manager,
      LetterEntity,
      actor,
      letterId,
      LetterErrors.notFound,
    );
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
        const locked = await recordInScope(
          manager,
          LetterEntity,
          actor,
          letter.id,
          LetterErrors.notFound,
          true,
        );
        assertCanAddAttachment(await manager.countBy(LetterAttachmentEntity, { letterId: locked.id }));
        await this.insert(manager, actor, locked, file);
        return toView(
          await manager.findOneByOrFail(LetterAttachmentEntity, { id: file.id }),
          await this.seesIdentity(manager, actor, locked),
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
      entityType: 'letter',
      entityId: letter.id,
      unitId: letter.unitId,
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
    const reached = await letterForReading(manager, actor, letterId);
    const rows = await manager.find(LetterAttachmentEntity, {
      where: { letterId: reached.letter.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const sees = (await identityBasisOnReach(this.access, manager, actor, reached)) !== null;
    return rows.map((a) => toView(a, sees));
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
    return this.dataSource.transaction(async (manager) => {
      const reached = await letterForReading(manager, actor, letterId);
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

  private async seesIdentity(manager: EntityManager, actor: Actor, letter: LetterEntity): Promise<boolean> {
    return (await this.access.basis(manager, actor, letter)) !== null;
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
