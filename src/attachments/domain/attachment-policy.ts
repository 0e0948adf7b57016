import { DomainError } from '../../common/domain/domain-error.js';

/**
 * What a letter's attachment may be: its size, its number and its type.
 *
 * Pure rules: the file store hands over the first bytes it wrote, this module decides. Messages never
 * name the file (a citizen's file name may contain a person's name) and never quote its contents.
 */

const MiB = 1024 * 1024;

/**
 * Limits. 20 MiB holds a multi-page 300 dpi scan of a letter as PDF; larger files are usually videos or
 * raw photo dumps, which belong in a separate evidence process rather than in a letter's record.
 * 20 attachments per letter covers a letter with its enclosed decisions and receipts.
 */
export const MAX_ATTACHMENT_BYTES = 20 * MiB;
export const MAX_ATTACHMENTS_PER_LETTER = 20;

/** How many leading bytes the store keeps for sniffing: enough for every signature and the text check. */
export const SNIFF_HEAD_BYTES = 4096;

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  // Always UTF-8 (checked below): serve it with `; charset=utf-8`.
  text: 'text/plain',
} as const;

export type AttachmentMediaType = (typeof MEDIA_TYPES)[keyof typeof MEDIA_TYPES];

export const ALLOWED_MEDIA_TYPES: readonly AttachmentMediaType[] = Object.values(MEDIA_TYPES);

function startsWith(head: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (head.length < offset + signature.length) return false;
  return signature.every((byte, i) => head[offset + i] === byte);
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const PDF = ascii('%PDF-');
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const TIFF_LITTLE_ENDIAN = [0x49, 0x49, 0x2a, 0x00]; // "II*\0"
const TIFF_BIG_ENDIAN = [0x4d, 0x4d, 0x00, 0x2a]; // "MM\0*"
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const ZIP_LOCAL_FILE = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4"

/** The lower-case extension of the client's file name, without the dot; '' when there is none. */
function extensionOf(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * Plain text: valid UTF-8 with no NUL byte. A NUL means a binary format (or UTF-16, which we do not
 * accept: nobody can read it back as the text/plain we would serve).
 */
function isUtf8Text(head: Uint8Array): boolean {
  if (head.length === 0 || head.includes(0)) return false;
  try {
    // A full head may end inside a multi-byte character that continues past it: `stream` tolerates an
    // incomplete sequence at the end. A shorter head is the whole file, which must end cleanly.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: head.length >= SNIFF_HEAD_BYTES });
    return true;
  } catch {
    return false;
  }
}

/**
 * The media type of a file judged by its first bytes, or null when it is not one we accept.
 *
 * The client's Content-Type and the extension are never trusted for the binary formats: a PDF renamed
 * `.jpg` is a PDF, and an executable renamed `.pdf` is refused. The extension only decides between
 * formats the bytes cannot tell apart:
 * - DOCX and XLSX are ZIP archives. We check the ZIP signature and the declared extension, not the
 *   archive's contents (that needs its central directory at the end of the file), so any ZIP named
 *   `.docx` passes. Acceptable for storage — nothing here opens the file — but a virus scanner or a
 *   converter must not assume the archive really is an Office document.
 * - Plain text has no signature: we accept it only as `.txt`, and only if it is UTF-8 without NUL bytes
 *   in the first {@link SNIFF_HEAD_BYTES} bytes (the rest of the file is not checked).
 */
export function sniffMediaType(head: Buffer, fileName: string): AttachmentMediaType | null {
  if (startsWith(head, PDF)) return MEDIA_TYPES.pdf;
  if (startsWith(head, JPEG)) return MEDIA_TYPES.jpeg;
  if (startsWith(head, PNG)) return MEDIA_TYPES.png;
  if (startsWith(head, TIFF_LITTLE_ENDIAN) || startsWith(head, TIFF_BIG_ENDIAN)) return MEDIA_TYPES.tiff;
  if (startsWith(head, RIFF) && startsWith(head, WEBP, 8)) return MEDIA_TYPES.webp;
  const extension = extensionOf(fileName);
  if (startsWith(head, ZIP_LOCAL_FILE)) {
    if (extension === 'docx') return MEDIA_TYPES.docx;
    if (extension === 'xlsx') return MEDIA_TYPES.xlsx;
    return null;
  }
  if (extension === 'txt' && isUtf8Text(head)) return MEDIA_TYPES.text;
  return null;
}

function describeBytes(bytes: number): string {
  return bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes} bytes`;
}

export function attachmentTooLarge(maxBytes: number): DomainError {
  return new DomainError(
    'ATTACHMENT_TOO_LARGE',
    `The file is larger than the ${describeBytes(maxBytes)} limit.`,
    'too_large',
    undefined,
    { maxBytes },
  );
}

export function attachmentEmpty(): DomainError {
  return new DomainError('ATTACHMENT_EMPTY', 'The file is empty.', 'invalid');
}

/** The file's type as sniffed, or an ATTACHMENT_TYPE_NOT_ALLOWED error listing what is accepted. */
export function requireAllowedMediaType(head: Buffer, fileName: string): AttachmentMediaType {
  const mediaType = sniffMediaType(head, fileName);
  if (mediaType === null) {
    throw new DomainError(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      'The file is not of an accepted type: PDF, JPEG, PNG, TIFF, WebP, DOCX, XLSX or UTF-8 plain text (.txt).',
      'unsupported_type',
      undefined,
      { allowedMediaTypes: ALLOWED_MEDIA_TYPES },
    );
  }
  return mediaType;
}

/** Refuses one more attachment when the letter already has `currentCount`. */
export function assertCanAddAttachment(currentCount: number): void {
  if (currentCount >= MAX_ATTACHMENTS_PER_LETTER) {
    throw new DomainError(
      'ATTACHMENT_LIMIT_REACHED',
      `A letter may have at most ${MAX_ATTACHMENTS_PER_LETTER} attachments.`,
      'unprocessable',
      undefined,
      { maxAttachments: MAX_ATTACHMENTS_PER_LETTER },
    );
  }
}

const MAX_FILE_NAME_CHARS = 200;
const trimEnd = (text: string): string => text.replace(/[\s.]+$/u, '');
const MAX_KEPT_EXTENSION_CHARS = 10;

/**
 * A file name safe to store and to offer back in Content-Disposition: the last path segment only, no
 * control or invisible format characters (U+202E can disguise `gpj.exe` as `exe.jpg`), no characters
 * Windows refuses, at most 200 characters with the extension kept. Vietnamese letters stay; the name is
 * NFC-normalised because macOS sends decomposed diacritics, which would otherwise compare unequal.
 */
export function safeFileName(name: string): string {
  const lastSegment = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = trimEnd(
    lastSegment
      .replace(/\s+/gu, ' ') // first, so a tab or line break still separates words
      .replace(/[\p{Cc}\p{Cf}]/gu, '')
      .replace(/[<>:"|?*]/g, '_')
      // Leading dots would make hidden files ("..", ".htaccess"); trailing dots and spaces Windows drops.
      .replace(/^[\s.]+/u, ''),
  );
  const chars = [...cleaned]; // code points, so a cut never splits a surrogate pair
  if (chars.length === 0) return 'file';
  if (chars.length <= MAX_FILE_NAME_CHARS) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? [...cleaned.slice(dot)] : [];
  if (extension.length > 1 && extension.length <= MAX_KEPT_EXTENSION_CHARS) {
    const base = [...cleaned.slice(0, dot)].slice(0, MAX_FILE_NAME_CHARS - extension.length);
    return trimEnd(base.join('')) + extension.join('');
  }
  return trimEnd(chars.slice(0, MAX_FILE_NAME_CHARS).join(''));
}
