import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { DomainError } from '../common/domain/domain-error.js';
import { DiskFileStore } from './disk-file-store.js';
import { SNIFF_HEAD_BYTES } from './domain/attachment-policy.js';

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** A stream in several chunks, as an upload arrives. */
function chunked(data: Buffer, chunkSize = 1000): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; i += chunkSize) chunks.push(data.subarray(i, i + chunkSize));
  return Readable.from(chunks);
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a rejection');
}

describe('DiskFileStore', () => {
  let root: string;
  let store: DiskFileStore;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'tiepdan-attachments-'));
    store = new DiskFileStore(root);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const tempFiles = async (): Promise<string[]> => readdir(join(root, 'tmp')).catch(() => []);

  it('stores a file under its content address and reads it back with the same checksum', async () => {
    const content = Buffer.from('%PDF-1.7\n' + 'Nội dung đơn khiếu nại. '.repeat(500));
    const stored = await store.put(chunked(content), { maxBytes: 1_000_000 });

    expect(stored.sha256).toBe(sha256(content));
    expect(stored.size).toBe(content.length);
    expect(stored.key).toBe(
      `sha256/${stored.sha256.slice(0, 2)}/${stored.sha256.slice(2, 4)}/${stored.sha256}`,
    );
    expect(stored.head).toEqual(content.subarray(0, SNIFF_HEAD_BYTES));
    expect(await store.exists(stored.key)).toBe(true);

    const readBack = Buffer.from(await text(await store.open(stored.key)));
    expect(sha256(readBack)).toBe(sha256(content));
    expect(await tempFiles()).toEqual([]);

    // Never more open than rw-r----- / rwxr-x--- (the umask may narrow further).
    expect((await stat(join(root, stored.key))).mode & 0o777 & ~0o640).toBe(0);
    expect((await stat(join(root, 'sha256', stored.sha256.slice(0, 2)))).mode & 0o777 & ~0o750).toBe(0);
  });

  it('keeps the whole head of a small file', async () => {
    const stored = await store.put(Readable.from([Buffer.from('abc')]), { maxBytes: 10 });
    expect(stored.head.toString()).toBe('abc');
  });

  it('stores identical content once', async () => {
    const content = Buffer.from('the same scan');
    const first = await store.put(chunked(content, 4), { maxBytes: 100 });
    const second = await store.put(chunked(content, 5), { maxBytes: 100 });

    // The second put found the content there: only the first placed it (and only it may remove it).
    expect(first.fresh).toBe(true);
    expect(second).toEqual({ ...first, fresh: false });
    expect(await readdir(join(root, 'sha256', first.sha256.slice(0, 2), first.sha256.slice(2, 4)))).toEqual([
      first.sha256,
    ]);
    expect(await tempFiles()).toEqual([]);
  });

  it('accepts exactly maxBytes, and aborts past it without leaving a temp file or reading on', async () => {
    await expect(store.put(chunked(Buffer.alloc(100, 1), 10), { maxBytes: 100 })).resolves.toMatchObject({
      size: 100,
    });

    let chunksRead = 0;
    const endless = new Readable({
      highWaterMark: 64,
      read() {
        chunksRead += 1;
        this.push(Buffer.alloc(64, 2));
      },
    });
    const error = await rejection(store.put(endless, { maxBytes: 1000 }));
    expect(error.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(error.meta).toEqual({ maxBytes: 1000 });
    expect(chunksRead).toBeLessThan(40);
    expect(endless.destroyed).toBe(true);
    expect(await tempFiles()).toEqual([]);
  });

  it('refuses a file its caller does not accept (by its first bytes) and leaves nothing on disk', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(5000, 1)]);
    const heads: Buffer[] = [];
    await expect(
      store.put(chunked(exe), {
        maxBytes: 1_000_000,
        accept: (head) => {
          heads.push(head);
          throw new DomainError('ATTACHMENT_TYPE_NOT_ALLOWED', 'no', 'unsupported_type');
        },
      }),
    ).rejects.toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED' });
    expect(heads).toEqual([exe.subarray(0, SNIFF_HEAD_BYTES)]);
    expect(
      await store.exists(`sha256/${sha256(exe).slice(0, 2)}/${sha256(exe).slice(2, 4)}/${sha256(exe)}`),
    ).toBe(false);
    expect(await tempFiles()).toEqual([]);
  });

  it('refuses an empty file', async () => {
    const error = await rejection(store.put(Readable.from([]), { maxBytes: 100 }));
    expect(error.code).toBe('ATTACHMENT_EMPTY');
    expect(await tempFiles()).toEqual([]);
  });

  it('deletes the temp file when the upload fails midway', async () => {
    const failing = new Readable({ read() {} });
    const put = store.put(failing, { maxBytes: 1000 });
    failing.push(Buffer.from('partial'));
    setImmediate(() => failing.destroy(new Error('client went away')));
    await expect(put).rejects.toThrow('client went away');
    expect(await tempFiles()).toEqual([]);
  });

  it.each([
    '../../etc/passwd',
    '/etc/passwd',
    'sha256/ab/cd/../../../../etc/passwd',
    'sha256/ab/cd/' + 'ab'.repeat(32), // prefix does not match the hash
    'sha256/AB/CD/ABCD' + '0'.repeat(60), // upper case
    'sha256/ab/cd/abcd' + '0'.repeat(59), // too short
    'tmp/0190a8f2-0000-7000-8000-000000000000',
    '',
  ])('refuses the key %j on open, remove and exists', async (key) => {
    expect((await rejection(store.open(key))).code).toBe('ATTACHMENT_KEY_INVALID');
    expect((await rejection(store.remove(key))).code).toBe('ATTACHMENT_KEY_INVALID');
    expect((await rejection(store.exists(key))).code).toBe('ATTACHMENT_KEY_INVALID');
  });

  it('removes idempotently, and a missing file is not found', async () => {
    const stored = await store.put(Readable.from([Buffer.from('x')]), { maxBytes: 10 });
    await store.remove(stored.key);
    await store.remove(stored.key);
    expect(await store.exists(stored.key)).toBe(false);
    const error = await rejection(store.open(stored.key));
    expect(error.code).toBe('ATTACHMENT_NOT_FOUND');
    expect(error.kind).toBe('not_found');
  });

  it('sweeps only temp files older than the given age', async () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const stored = await store.put(Readable.from([Buffer.from('kept blob')]), { maxBytes: 100 });
    const tmp = join(root, 'tmp');
    await writeFile(join(tmp, 'old'), 'crashed upload');
    await writeFile(join(tmp, 'recent'), 'upload in progress');
    const twoDaysAgo = new Date(now.getTime() - 2 * 86_400_000);
    const oneHourAgo = new Date(now.getTime() - 3_600_000);
    await utimes(join(tmp, 'old'), twoDaysAgo, twoDaysAgo);
    await utimes(join(tmp, 'recent'), oneHourAgo, oneHourAgo);

    expect(await store.sweepTemp(86_400_000, now)).toBe(1);
    expect(await tempFiles()).toEqual(['recent']);
    expect(await store.exists(stored.key)).toBe(true);
  });

  it('sweeps nothing before the first upload', async () => {
    expect(await store.sweepTemp(0, new Date())).toBe(0);
  });
});
