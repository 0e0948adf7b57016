// eslint-disable-next-line no-restricted-imports -- node:crypto is computation, not I/O (see keyring.ts)
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { IdentityError, INDEX_KEY_BYTES, KEY_ID_PATTERN, type Keyring, type MasterKey } from './keyring.js';

/*
 * Envelope encryption of identity data (names, ID numbers, addresses of complainants and denouncers).
 *
 * Each record gets its own random data key; only that small key is encrypted (wrapped) with a master key.
 * Rotating a master key therefore re-wraps 60 bytes per row and never touches the data itself, and a
 * leaked data key exposes one record.
 *
 * Byte layouts — stored in the database, so they are a compatibility promise: change them only with a
 * new version byte and keep reading the old one.
 *
 *   wrappedKey (60 bytes)   = iv (12) | tag (16) | AES-256-GCM(master key, data key) (32)
 *                             AAD = UTF-8 of `wrap|${keyId}|${aad}`
 *   ciphertext (29 + n)     = version 0x01 (1) | iv (12) | tag (16) | AES-256-GCM(data key, plaintext) (n)
 *                             AAD = UTF-8 of `aad`
 *
 * `aad` is the record's id. Binding it into both layers means a ciphertext or wrapped key copied onto
 * another row (by a bug or by someone with write access to the table) fails to decrypt instead of
 * showing one person's identity under another's file. The key id is bound into the wrap so that
 * relabelling a row with another key id fails too. Key ids contain no `|`, so the wrap AAD is unambiguous.
 */

/** What is stored for one encrypted record: the master key's id, the wrapped data key, the data. */
export interface SealedRecord {
  readonly keyId: string;
  readonly wrappedKey: Buffer;
  readonly ciphertext: Buffer;
}

const FORMAT_VERSION = 0x01;
const DATA_KEY_BYTES = 32;
const IV_BYTES = 12; // the GCM standard nonce size; random IVs are safe far beyond this system's volume
const TAG_BYTES = 16; // full-length tags: shorter GCM tags weaken authentication for no real saving

/** Size of `SealedRecord.wrappedKey` (for the column definition). */
export const WRAPPED_KEY_BYTES = IV_BYTES + TAG_BYTES + DATA_KEY_BYTES;
/** `SealedRecord.ciphertext` is this many bytes longer than the plaintext (for the column definition). */
export const CIPHERTEXT_OVERHEAD_BYTES = 1 + IV_BYTES + TAG_BYTES;

// Blind indexes are cut to 128 bits, see blindIndex().
const BLIND_INDEX_HEX_CHARS = 32;

/**
 * Encrypts `plaintext` (a string is taken as UTF-8) under a fresh data key, wrapped with the keyring's
 * current master key. `aad` is the id of the row the result is stored in; the same id must be given to
 * read it back.
 */
export function sealRecord(keyring: Keyring, plaintext: Buffer | string, aad: string): SealedRecord {
  requireAad(aad);
  const dataKey = randomBytes(DATA_KEY_BYTES);
  const ownedPlaintext = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : null;
  try {
    const data = gcmEncrypt(dataKey, ownedPlaintext ?? (plaintext as Buffer), Buffer.from(aad, 'utf8'));
    return {
      keyId: keyring.current.id,
      wrappedKey: wrapDataKey(keyring.current, dataKey, aad),
      ciphertext: Buffer.concat([Buffer.of(FORMAT_VERSION), data]),
    };
  } finally {
    dataKey.fill(0);
    // Only the copy made here is wiped: a caller's buffer is the caller's to manage.
    ownedPlaintext?.fill(0);
  }
}

/**
 * Decrypts a record sealed for the row `aad`. Throws `IDENTITY_KEY_UNKNOWN` when the keyring no longer
 * holds its master key, and `IDENTITY_DECRYPT_FAILED` for anything that does not authenticate (wrong row,
 * tampered or truncated bytes, unknown format) — deliberately without saying which.
 */
export function openRecord(keyring: Keyring, sealed: SealedRecord, aad: string): Buffer {
  requireAad(aad);
  const dataKey = unwrapDataKey(keyring, sealed, aad);
  try {
    const { ciphertext } = sealed;
    if (ciphertext.length < CIPHERTEXT_OVERHEAD_BYTES || ciphertext[0] !== FORMAT_VERSION)
      throw decryptFailed();
    return gcmDecrypt(dataKey, ciphertext.subarray(1), Buffer.from(aad, 'utf8'));
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Master-key rotation for one record: unwraps its data key with the master key it names and wraps it
 * again with `keyring.current`. The ciphertext is kept as is (the same buffer). A record already under
 * the current key is returned unchanged (the same object), so a rotation job can compare by identity to
 * skip rows that need no write.
 */
export function rewrapRecord(keyring: Keyring, sealed: SealedRecord, aad: string): SealedRecord {
  requireAad(aad);
  if (sealed.keyId === keyring.current.id) return sealed;
  const dataKey = unwrapDataKey(keyring, sealed, aad);
  try {
    return {
      keyId: keyring.current.id,
      wrappedKey: wrapDataKey(keyring.current, dataKey, aad),
      ciphertext: sealed.ciphertext,
    };
  } finally {
    dataKey.fill(0);
  }
}

/**
 * The blind index of a value: a keyed hash that lets the database find rows with an equal (normalised)
 * value without holding the value. `kind` (e.g. `id_number`, `phone`) separates the index spaces, so equal
 * strings of different kinds do not share an index value. The caller normalises the value first (an index
 * only matches byte-equal input).
 *
 * Truncated to 128 bits (32 hex characters): the index only serves equality lookups, the chance of any
 * collision among even 10^9 values is about 10^-21, and a collision would only add a candidate row that
 * decrypting tells apart. Half the hash keeps the column and its index half the size.
 *
 * The index reveals which rows share a value, and a low-entropy value (a 12-digit ID number) can be
 * recovered by trying every candidate — for whoever holds the index key. That key must be kept as
 * carefully as the master keys.
 */
export function blindIndex(indexKey: Buffer, kind: string, normalisedValue: string): string {
  // Programming errors, not input errors: they become a 500, not a message to the caller.
  if (indexKey.length !== INDEX_KEY_BYTES)
    throw new RangeError(`a blind-index key has ${INDEX_KEY_BYTES} bytes`);
  // The NUL separator is unambiguous only while the kind holds none.
  if (kind === '' || kind.includes('\u0000'))
    throw new RangeError('a blind-index kind is non-empty and has no NUL');
  return createHmac('sha256', indexKey)
    .update(`${kind}\u0000${normalisedValue}`, 'utf8')
    .digest('hex')
    .slice(0, BLIND_INDEX_HEX_CHARS);
}

function wrapDataKey(master: MasterKey, dataKey: Buffer, aad: string): Buffer {
  return gcmEncrypt(master.key, dataKey, wrapAad(master.id, aad));
}

function unwrapDataKey(keyring: Keyring, sealed: SealedRecord, aad: string): Buffer {
  const master = keyring.byId.get(sealed.keyId);
  if (!master) {
    // A key id read from the row is echoed only when it looks like one: the column may hold anything.
    const named = KEY_ID_PATTERN.test(sealed.keyId) ? `key '${sealed.keyId}'` : 'a malformed key id';
    throw new IdentityError(
      'IDENTITY_KEY_UNKNOWN',
      `An identity record is sealed under ${named}, which the configured keyring does not hold.`,
      'unavailable',
    );
  }
  if (sealed.wrappedKey.length !== WRAPPED_KEY_BYTES) throw decryptFailed();
  return gcmDecrypt(master.key, sealed.wrappedKey, wrapAad(master.id, aad));
}

function wrapAad(keyId: string, aad: string): Buffer {
  return Buffer.from(`wrap|${keyId}|${aad}`, 'utf8');
}

/** AES-256-GCM with a random IV; returns iv | tag | encrypted bytes. */
function gcmEncrypt(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Reverses gcmEncrypt; every failure, whatever its cause, is the same IDENTITY_DECRYPT_FAILED. */
function gcmDecrypt(key: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw decryptFailed();
  let plaintext: Buffer | undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    plaintext = decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES));
    const rest = decipher.final(); // throws when the tag does not match
    return rest.length === 0 ? plaintext : Buffer.concat([plaintext, rest]);
  } catch {
    // GCM hands out plaintext before checking the tag: wipe what must not be used.
    plaintext?.fill(0);
    throw decryptFailed();
  }
}

function requireAad(aad: string): void {
  // An empty AAD would silently drop the binding to the row: a programming error, hence not a DomainError.
  if (typeof aad !== 'string' || aad === '')
    throw new TypeError('sealing identity data needs the record id as aad');
}

function decryptFailed(): IdentityError {
  return new IdentityError(
    'IDENTITY_DECRYPT_FAILED',
    'An identity record could not be decrypted: it does not authenticate.',
    'unavailable',
  );
}
