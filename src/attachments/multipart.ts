import fastifyMultipart, {
  type FastifyMultipartBaseOptions,
  type Multipart,
  type MultipartFields,
} from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { DomainError } from '../common/domain/domain-error.js';
import { MAX_ATTACHMENT_BYTES, attachmentTooLarge, safeFileName } from './domain/attachment-policy.js';

/**
 * Upload limits, enforced by the parser while the request streams in: one file of at most
 * MAX_ATTACHMENT_BYTES, and a few short text fields (a description, a document kind) alongside it.
 */
export const MULTIPART_LIMITS = {
  fileSize: MAX_ATTACHMENT_BYTES,
  files: 1,
  fields: 10,
  fieldSize: 1000,
  parts: 12,
} as const satisfies FastifyMultipartBaseOptions['limits'];

/** Adds `multipart/form-data` parsing to the API (stream mode: nothing is buffered in memory). */
export async function registerMultipart(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyMultipart, { limits: { ...MULTIPART_LIMITS } });
}

export interface UploadedFile {
  /** The client's file name passed through {@link safeFileName}; personal data, never log it. */
  fileName: string;
  /** The file's bytes, to hand to `FileStore.put` right away (the request is paused until read). */
  stream: Readable;
  /** Text fields sent before the file part. */
  fields: Record<string, string>;
}

function attachmentMissing(): DomainError {
  return new DomainError(
    'ATTACHMENT_MISSING',
    'Send the file as multipart/form-data with exactly one file part.',
    'invalid',
  );
}

/**
 * The request's one file and the fields that precede it. Clients must send the text fields first: a
 * field after the file only arrives while the file is being stored, and is not returned here.
 */
export async function readSingleFile(request: FastifyRequest): Promise<UploadedFile> {
  if (typeof request.isMultipart !== 'function' || !request.isMultipart()) throw attachmentMissing();
  let part;
  try {
    part = await request.file();
  } catch (error) {
    throw translateParserError(error);
  }
  if (!part) throw attachmentMissing();

  const stream = part.file;
  let fields: Record<string, string>;
  try {
    fields = textFields(part.fields);
  } catch (error) {
    stream.destroy(); // stop parsing: the request is refused
    throw error;
  }
  // At the size limit the parser silently truncates the file and emits 'limit': turn that into an
  // error on the stream, or a cut-off file of exactly the limit would be stored as if whole.
  const refuse = (): void => {
    stream.destroy(attachmentTooLarge(MULTIPART_LIMITS.fileSize));
  };
  if (stream.truncated) refuse();
  else stream.once('limit', refuse);

  return { fileName: safeFileName(part.filename ?? ''), stream, fields };
}

function textFields(all: MultipartFields): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, entry] of Object.entries(all)) {
    if (entry === undefined) continue;
    const entries = Array.isArray(entry) ? entry : [entry];
    const values = entries.filter((e) => e.type === 'field');
    if (values.length === 0) continue; // the file part itself
    if (values.length > 1) {
      throw new DomainError('ATTACHMENT_FIELD_REPEATED', 'A form field is sent more than once.', 'invalid', [
        { field: name, message: 'sent more than once' },
      ]);
    }
    const [field] = values;
    if (field.valueTruncated) {
      throw new DomainError(
        'ATTACHMENT_FIELD_TOO_LONG',
        `A form field is longer than ${MULTIPART_LIMITS.fieldSize} bytes.`,
        'invalid',
        [{ field: name, message: `longer than ${MULTIPART_LIMITS.fieldSize} bytes` }],
      );
    }
    // A part declared application/json arrives parsed; hand it back as text for the DTO to validate.
    fields[name] = typeof field.value === 'string' ? field.value : JSON.stringify(field.value);
  }
  return fields;
}

/**
 * Errors the parser raises before the file part. Its own FST_ errors (limits, prototype keys) carry a
 * 4xx status the exception filter already maps; anything else is a malformed body from the client.
 */
function translateParserError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: unknown })?.code;
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return attachmentMissing();
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof code === 'string' && code.startsWith('FST_') && typeof status === 'number' && status < 500) {
    return error;
  }
  return new DomainError('ATTACHMENT_MALFORMED', 'The multipart/form-data body is malformed.', 'invalid');
}

/** Limits of a form that carries text fields and then several files (the public letter form). */
export interface FormUploadLimits {
  /** Files taken at most; one more is refused (FORM_TOO_MANY_FILES). */
  maxFiles: number;
  /** Per file, at most MAX_ATTACHMENT_BYTES. */
  maxFileBytes: number;
  /** The whole body (fields and files): refused as it streams past this (FORM_BODY_TOO_LARGE). */
  maxBodyBytes: number;
  /** Text fields at most, and the bytes of each (a longer value arrives cut; its length check fails). */
  fields: number;
  fieldSize: number;
}

export interface FormFile {
  /** The client's file name passed through {@link safeFileName}; personal data, never log it. */
  fileName: string;
  /**
   * The file's bytes: read it to its end (or hand it to `FileStore.put`) before asking for the next.
   * It fails with ATTACHMENT_TOO_LARGE past `maxFileBytes` and FORM_BODY_TOO_LARGE past `maxBodyBytes`.
   */
  stream: Readable;
}

export interface MultipartForm {
  /** The text fields sent before the first file (the first value of each). */
  fields: Record<string, string>;
  /** The body's declared length (Content-Length) is already past `maxBodyBytes`: refuse before any file. */
  declaredTooLarge: boolean;
  /** The next non-empty file, or null after the last; DomainError for a refused body. */
  nextFile(): Promise<FormFile | null>;
  /** Stops parsing: the rest of the body is read and thrown away (the response can still be sent). */
  abandon(): void;
}

export function formTooManyFiles(maxFiles: number): DomainError {
  return new DomainError('FORM_TOO_MANY_FILES', `At most ${maxFiles} files may be sent.`, 'too_large');
}

export function formBodyTooLarge(maxBytes: number): DomainError {
  return new DomainError(
    'FORM_BODY_TOO_LARGE',
    `The submission is larger than ${maxBytes} bytes.`,
    'too_large',
    undefined,
    { maxBytes },
  );
}

function formMalformed(): DomainError {
  return new DomainError(
    'FORM_MALFORMED',
    'The multipart/form-data body is malformed: send the text fields first, then the files.',
    'invalid',
  );
}

/**
 * Reads a multipart/form-data form whose text fields come before its files, as a browser sends a form
 * whose file input is its last field: the fields are read first (so the caller can check them — the
 * limit, the proof of work — before a byte of a file is stored), then the files one at a time, each
 * streamed to its consumer. The busboy limits refuse too many files and fields while the body streams;
 * a count of the body's bytes refuses a body past `maxBodyBytes` as soon as it passes (or at once when its
 * Content-Length says so). A browser's empty file input (no name, no bytes) is skipped.
 */
export async function openMultipartForm(
  request: FastifyRequest,
  limits: FormUploadLimits,
): Promise<MultipartForm> {
  const raw = request.raw;
  let received = 0;
  const count = (chunk: Buffer): void => {
    received += chunk.length;
  };
  raw.on('data', count);
  const parts = request.parts({
    limits: {
      // One more than taken, so the first extra file is seen (and refused) by us, with our message;
      // a browser's empty file input also takes a slot.
      files: limits.maxFiles + 1,
      fileSize: limits.maxFileBytes,
      fields: limits.fields,
      fieldSize: limits.fieldSize,
      parts: limits.fields + limits.maxFiles + 2,
    },
  });
  let current: Readable | null = null;
  let done = false;
  let files = 0;

  const next = async (): Promise<Multipart | null> => {
    if (done) return null;
    try {
      const result = await parts.next();
      if (result.done) {
        done = true;
        return null;
      }
      return result.value;
    } catch (error) {
      done = true;
      const code = (error as { code?: unknown })?.code;
      if (code === 'FST_FILES_LIMIT') throw formTooManyFiles(limits.maxFiles);
      throw formMalformed();
    }
  };

  const fields: Record<string, string> = {};
  let pending: Multipart | null = null;

  const abandon = (): void => {
    done = true;
    raw.off('data', count);
    current?.destroy();
    if (pending?.type === 'file') pending.file.destroy();
    raw.unpipe();
    // Thrown away as it arrives, so that the response reaches a browser still sending.
    raw.resume();
  };

  try {
    for (let part = await next(); part !== null; part = await next()) {
      if (part.type === 'file') {
        pending = part;
        break;
      }
      if (!Object.hasOwn(fields, part.fieldname)) {
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
      }
    }
  } catch (error) {
    abandon();
    throw error;
  }

  const nextFile = async (): Promise<FormFile | null> => {
    for (;;) {
      const part = pending ?? (await next());
      pending = null;
      if (part === null) return null;
      if (part.type !== 'file') throw formMalformed();
      const name = part.filename ?? '';
      if (name === '') {
        // A browser's empty file input: nothing to take. A nameless file with bytes is no browser's.
        if ((await drain(part.file)) === 0) continue;
        throw formMalformed();
      }
      files += 1;
      if (files > limits.maxFiles) {
        part.file.destroy();
        throw formTooManyFiles(limits.maxFiles);
      }
      const source = part.file;
      current = source;
      const checked = Readable.from(
        (async function* () {
          for await (const chunk of source as AsyncIterable<Buffer>) {
            if (received > limits.maxBodyBytes) throw formBodyTooLarge(limits.maxBodyBytes);
            yield chunk;
          }
          // At the size limit busboy cuts the file short (and says so): never store it as if whole.
          if (source.truncated) throw attachmentTooLarge(limits.maxFileBytes);
          if (received > limits.maxBodyBytes) throw formBodyTooLarge(limits.maxBodyBytes);
        })(),
        { objectMode: false },
      );
      return { fileName: safeFileName(name), stream: checked };
    }
  };

  const declared = Number(request.headers['content-length']);
  return {
    fields,
    declaredTooLarge: Number.isFinite(declared) && declared > limits.maxBodyBytes,
    nextFile,
    abandon,
  };
}

/** Reads a stream to its end, keeping nothing; how many bytes it had. */
async function drain(stream: Readable): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) bytes += chunk.length;
  return bytes;
}
