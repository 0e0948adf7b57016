import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import {
  fsyncDirectory,
  isErrno,
  sweepOldFiles,
  unlinkQuietly,
  writeAll,
} from '../common/fs/durable-files.js';

const FILE_MODE = 0o640;
const DIR_MODE = 0o750;

/** The only names this store issues: `<run id>-a<attempt>.<csv|xlsx|json>`. */
const NAME_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-a\d{1,5}\.(csv|xlsx|json)$/;

export interface StoredReportFile {
  /** Relative to the store's root; what the run row keeps. */
  name: string;
  size: number;
  sha256: string;
}

/**
 * The files of background report runs (REPORTS_DIR), as the attachment store writes its blobs: a temp
 * file under `tmp/`, fsynced, renamed into place, the directory fsynced — a name never holds a partial
 * file. The run row names the file only after `put` returns, so a crash leaves at most an orphan temp
 * file ({@link sweepTemp}) or a file no row names (removed by the run that lost its claim, or left to an
 * operator: it holds only aggregates). Each delivery of a run writes its own name (`-a<attempt>`), so a
 * stale delivery can never overwrite the file of the one that won.
 */
export class ReportFileStore {
  private readonly root: string;
  private readonly tmpDir: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.tmpDir = join(this.root, 'tmp');
  }

  static nameFor(runId: string, attempt: number, extension: 'csv' | 'xlsx' | 'json'): string {
    return `${runId}-a${attempt}.${extension}`;
  }

  async put(name: string, body: Buffer): Promise<StoredReportFile> {
    const finalPath = this.pathOf(name);
    await mkdir(this.tmpDir, { recursive: true, mode: DIR_MODE });
    const tmpPath = join(this.tmpDir, randomUUID());
    const handle = await open(tmpPath, 'wx', FILE_MODE);
    try {
      await writeAll(handle, body);
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(tmpPath).catch(() => undefined);
      throw error;
    }
    await handle.close();
    await rename(tmpPath, finalPath);
    await fsyncDirectory(this.root);
    return { name, size: body.length, sha256: createHash('sha256').update(body).digest('hex') };
  }

  /** The file as a stream, or null when it is not there (removed, expired). */
  async open(name: string): Promise<Readable | null> {
    const handle = await open(this.pathOf(name), 'r').catch((error: unknown) => {
      if (isErrno(error, 'ENOENT')) return null;
      throw error;
    });
    return handle ? handle.createReadStream() : null;
  }

  async remove(name: string): Promise<void> {
    await unlinkQuietly(this.pathOf(name));
  }

  /** Deletes temp files (writes interrupted by a crash) older than `olderThanMs`; returns how many. */
  async sweepTemp(olderThanMs: number, now: Date): Promise<number> {
    return sweepOldFiles(this.tmpDir, olderThanMs, now);
  }

  private pathOf(name: string): string {
    if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
      throw new Error('report file name is malformed');
    }
    return join(this.root, name);
  }
}
