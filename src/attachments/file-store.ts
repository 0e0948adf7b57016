import type { Readable } from 'node:stream';

/** What `put` wrote: the database row stores `key`, `size` and `sha256`; `head` is for type sniffing. */
export interface StoredFile {
  /** Opaque to callers; today `sha256/ab/cd/<sha256>` (content-addressed, so identical files share it). */
  key: string;
  size: number;
  /** Lower-case hex SHA-256 of the whole content. */
  sha256: string;
  /** The first bytes (up to SNIFF_HEAD_BYTES, 4096) for `sniffMediaType`. */
  head: Buffer;
  /**
   * This put placed the content under its key (it was not there before). Only such a key may be removed
   * when the upload it belongs to is refused afterwards, and only while no row names it.
   */
  fresh: boolean;
}

/**
 * Where attachment contents live, outside the database. Disk today ({@link DiskFileStore}); an
 * S3-compatible store can implement the same contract.
 *
 * Keys are content-addressed, so two rows may name the same key: remove a key only when no row refers
 * to it any more (the orphan sweep does exactly that), never as part of deleting one row.
 */
export interface FileStore {
  /**
   * Stores the stream's bytes and returns once they are durable. Refuses (DomainError
   * ATTACHMENT_TOO_LARGE) as soon as more than `maxBytes` arrive and ATTACHMENT_EMPTY for no bytes;
   * a refused or failed put leaves nothing behind under a key. `accept`, when given, sees the first
   * bytes (the sniffing head) once all have arrived and before the content is stored under its key:
   * a throw refuses the file (say, a type not accepted) and nothing is left on disk.
   */
  put(stream: Readable, opts: { maxBytes: number; accept?: (head: Buffer) => void }): Promise<StoredFile>;
  /** The content; DomainError ATTACHMENT_KEY_INVALID for a malformed key, ATTACHMENT_NOT_FOUND if absent. */
  open(key: string): Promise<Readable>;
  /** Deletes the content; a missing one is fine (removal is idempotent). */
  remove(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** Nest injection token for the configured {@link FileStore}. */
export const FILE_STORE = Symbol('FILE_STORE');
