import { lstat, open, readdir, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The file-system steps both file stores (attachments, report files) build on: write all, make a
 * directory's entries durable, remove quietly, sweep old temp files.
 */

export function isErrno(error: unknown, ...codes: string[]): boolean {
  return codes.includes((error as NodeJS.ErrnoException)?.code ?? '');
}

/** Removes a file; one already gone is fine. */
export async function unlinkQuietly(path: string): Promise<void> {
  await unlink(path).catch((error: unknown) => {
    if (!isErrno(error, 'ENOENT')) throw error;
  });
}

/** `write` may write less than asked (it rarely does on local disks); loop until all is written. */
export async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}

/** Makes a directory's entries (a rename, a new subdirectory) survive a power loss. */
export async function fsyncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems cannot fsync a directory; there the rename is as durable as they allow.
    if (!isErrno(error, 'EINVAL', 'EISDIR', 'EPERM', 'ENOTSUP')) throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Deletes the files of `dir` (temp files of writes a crash interrupted) last modified more than
 * `olderThanMs` before `now`; returns how many. A missing directory holds none.
 */
export async function sweepOldFiles(dir: string, olderThanMs: number, now: Date): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return 0;
    throw error;
  }
  const cutoff = now.getTime() - olderThanMs;
  let removed = 0;
  for (const name of names) {
    const path = join(dir, name);
    try {
      const info = await lstat(path);
      if (info.isFile() && info.mtimeMs < cutoff) {
        await unlink(path);
        removed += 1;
      }
    } catch (error) {
      // Finished (renamed) or swept by another process meanwhile.
      if (!isErrno(error, 'ENOENT')) throw error;
    }
  }
  return removed;
}
