import fastifyMultipart, { type FastifyMultipartBaseOptions, type MultipartFields } from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
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
