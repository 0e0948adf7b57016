import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { DomainError } from '../common/domain/domain-error.js';
import {
  fsyncDirectory,
  isErrno,
  sweepOldFiles,
  unlinkQuietly,
  writeAll,
} from '../common/fs/durable-files.js';
import { SNIFF_HEAD_BYTES, attachmentEmpty, attachmentTooLarge } from './domain/attachment-policy.js';
import type { FileStore, StoredFile } from './file-store.js';

/** Group-readable so a backup agent in the service's group can read blobs; nobody else can. */
const FILE_MODE = 0o640;
const DIR_MODE = 0o750;

/** The only keys this store issues; anything else (`..`, absolute paths, other shapes) is refused. */
const KEY_PATTERN = /^sha256\/([0-9a-f]{2})\/([0-9a-f]{2})\/\1\2[0-9a-f]{60}$/;

function keyFor(sha256: string): string {
  return `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/**
 * Attachment contents on a local (or mounted) file system, content-addressed:
 * `<root>/sha256/ab/cd/<sha256>`, with uploads in progress under `<root>/tmp/`.
 *
 * Crash safety — the invariant is "a row never names a missing file":
 * - `put` writes to `tmp/<uuid>`, fsyncs it, renames it to its key (atomic within one file system)
 *   and fsyncs the directory, in that order. A crash before the rename leaves only a temp file, which
 *   {@link sweepTemp} deletes once it is a day old; a key never holds a partial file.
 * - The caller writes the database row after `put` returns. A crash (or rollback) between the two
 *   leaves an orphan blob with no row: harmless, it is never served. Orphans are collected by listing
 *   the keys here that no attachment row references (older than a grace period, so uploads in flight
 *   are spared) and removing them.
 * - Because identical content shares a key, deleting one row must not remove the key while another row
 *   names it; leaving it to the same orphan collection is the simple safe way.
 */
export class DiskFileStore implements FileStore {
  private readonly root: string;
  private readonly tmpDir: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.tmpDir = join(this.root, 'tmp');
  }

  async put(
    stream: Readable,
    opts: { maxBytes: number; accept?: (head: Buffer) => void },
  ): Promise<StoredFile> {
    // The stream may fail (client gone) while the temp file is being opened, before the loop below
    // listens: without a listener that 'error' would crash the process. The loop still sees the error.
    const ignoreEarlyError = (): void => undefined;
    stream.on('error', ignoreEarlyError);
    try {
      return await this.write(stream, opts.maxBytes, opts.accept);
    } finally {
      stream.off('error', ignoreEarlyError);
    }
  }

  private async write(
    stream: Readable,
    maxBytes: number,
    accept?: (head: Buffer) => void,
  ): Promise<StoredFile> {
    await mkdir(this.tmpDir, { recursive: true, mode: DIR_MODE });
    const tmpPath = join(this.tmpDir, randomUUID());
    const hash = createHash('sha256');
    const headChunks: Buffer[] = [];
    let headLength = 0;
    let size = 0;
    // `wx`: a fresh file, never someone else's. The mode is narrowed further by the process umask.
    const handle = await open(tmpPath, 'wx', FILE_MODE);
    let closed = false;
    try {
      // Leaving this loop early (throw) destroys the source stream, so an oversized upload stops being
      // read at the limit instead of being drained to the end.
      for await (const chunk of stream as AsyncIterable<Buffer | string>) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        size += bytes.length;
        if (size > maxBytes) throw attachmentTooLarge(maxBytes);
        hash.update(bytes);
        if (headLength < SNIFF_HEAD_BYTES) {
          const part = bytes.subarray(0, SNIFF_HEAD_BYTES - headLength);
          headChunks.push(Buffer.from(part));
          headLength += part.length;
        }
        await writeAll(handle, bytes);
      }
      if (size === 0) throw attachmentEmpty();
      // Refused before it is stored under its key: only the temp file existed, and it goes below.
      accept?.(Buffer.concat(headChunks));
      await handle.sync();
      await handle.close();
      closed = true;

      const sha256 = hash.digest('hex');
      const key = keyFor(sha256);
      const finalPath = join(this.root, key);
      const finalDir = dirname(finalPath);
      const firstCreated = await mkdir(finalDir, { recursive: true, mode: DIR_MODE });
      const fresh = !(await this.exists(key));
      if (!fresh) {
        // Same content already stored: reuse it. Two concurrent puts of the same bytes may both get
        // here or both rename; either way the key ends up holding exactly these bytes.
        await unlinkQuietly(tmpPath);
      } else {
        await rename(tmpPath, finalPath);
      }
      // Durable before the caller commits a row naming the key: the file's own entry, and the entries
      // of any directories just created (up to the parent of the top-most new one).
      await fsyncDirectory(finalDir);
      if (firstCreated !== undefined) {
        for (let dir = dirname(finalDir); ; dir = dirname(dir)) {
          await fsyncDirectory(dir);
          if (dir === dirname(firstCreated) || dir === this.root || dir === dirname(dir)) break;
        }
      }
      return { key, size, sha256, head: Buffer.concat(headChunks), fresh };
    } catch (error) {
      if (!closed) await handle.close().catch(() => undefined);
      await unlinkQuietly(tmpPath);
      throw error;
    }
  }

  async open(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    // Opened here, not lazily by the stream, so a missing file is an error of this call, not a
    // stream error after the response headers were sent.
    const handle = await open(path, 'r').catch((error: unknown) => {
      if (isErrno(error, 'ENOENT')) throw notFound();
      throw error;
    });
    return handle.createReadStream();
  }

  async remove(key: string): Promise<void> {
    await unlinkQuietly(this.pathOf(key));
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return false;
      throw error;
    }
  }

  /**
   * Deletes temp files (uploads interrupted by a crash) last modified more than `olderThanMs` before
   * `now`; returns how many. Run it daily with a day's age so no upload still in progress is touched.
   */
  async sweepTemp(olderThanMs: number, now: Date): Promise<number> {
    return sweepOldFiles(this.tmpDir, olderThanMs, now);
  }

  private pathOf(key: string): string {
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      // The key is not echoed: it came from outside and may be anything.
      throw new DomainError('ATTACHMENT_KEY_INVALID', 'The storage key is malformed.', 'invalid');
    }
    return join(this.root, key);
  }
}

function notFound(): DomainError {
  return new DomainError('ATTACHMENT_NOT_FOUND', 'The file is not in storage.', 'not_found');
}
