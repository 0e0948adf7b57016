// Crypto primitives are pure computation (no I/O, no clock), which is what the `node:*` ban in domain/
// folders is about; there is no framework-free alternative to node:crypto for AES-GCM and HKDF.
// eslint-disable-next-line no-restricted-imports -- node:crypto is computation, not I/O (see above)
import { hkdfSync } from 'node:crypto';
import { DomainError, type DomainErrorKind } from '../../common/domain/domain-error.js';

export type IdentityErrorCode =
  | 'IDENTITY_KEYRING_INVALID' // the configured keyring or blind-index secret is malformed (invalid)
  | 'IDENTITY_KEY_UNKNOWN' // a record names a master key the keyring no longer holds (unavailable)
  | 'IDENTITY_DECRYPT_FAILED'; // a record does not authenticate: tampered, corrupt, or the wrong row (unavailable)

/**
 * Errors of identity encryption. Messages name positions and key ids only: never key material,
 * plaintext or record contents, because they end up in logs and HTTP responses.
 *
 * A missing key and a record that does not authenticate are `unavailable`, not a 4xx: the caller did
 * nothing wrong, the stored data or the configuration needs an operator (as with a missing audit chain head).
 */
export class IdentityError extends DomainError {
  constructor(code: IdentityErrorCode, message: string, kind: DomainErrorKind) {
    super(code, message, kind);
  }
}

/** A 32-byte AES-256 master key (key-encryption key) and the id stored next to what it wraps. */
export interface MasterKey {
  readonly id: string;
  readonly key: Buffer;
}

/** The current key wraps new data keys; every key (current included) can unwrap. */
export interface Keyring {
  readonly current: MasterKey;
  readonly byId: ReadonlyMap<string, MasterKey>;
}

export const MASTER_KEY_BYTES = 32;
export const INDEX_KEY_BYTES = 32;

// The id is stored in every row, so it is short; lowercase and no `|` or `:` keeps it unambiguous both
// in the configuration string and inside the wrap AAD (`wrap|${keyId}|${aad}`).
export const KEY_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,15}$/;
// Canonical, padded standard base64 only: Buffer.from(…, 'base64') silently skips stray characters,
// so a typo would otherwise yield a different (shorter) key instead of an error.
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

// HKDF info for the blind-index key. Versioned so a future scheme gets different indexes, not silently
// colliding ones.
const INDEX_KEY_INFO = 'tiepdan blind index v1';

/**
 * Parses the keyring configuration: comma-separated `keyId:base64key` entries, newest first, e.g.
 * `k2026b:…,k2026a:…`. The first entry is the current key; the others stay only so that records not yet
 * re-wrapped can still be read.
 */
export function parseKeyring(spec: string): Keyring {
  const trimmed = spec.trim();
  if (trimmed === '')
    throw keyringInvalid('the keyring is empty: configure at least one keyId:base64key entry');

  const byId = new Map<string, MasterKey>();
  const keys: MasterKey[] = [];
  trimmed.split(',').forEach((raw, index) => {
    const position = `entry ${index + 1}`;
    const entry = raw.trim();
    if (entry === '') throw keyringInvalid(`${position} is empty`);
    const colon = entry.indexOf(':');
    if (colon < 0) throw keyringInvalid(`${position} is not of the form keyId:base64key`);
    const id = entry.slice(0, colon);
    // The id is not echoed here: an entry written the wrong way round would put the key in its place.
    if (!KEY_ID_PATTERN.test(id)) {
      throw keyringInvalid(
        `${position}: the key id must be 1–16 characters of a-z, 0-9, '_' or '-', starting with a letter or digit`,
      );
    }
    // From here on the id is well-formed, and a real key in base64 (44 characters, mixed case) cannot
    // match the id pattern, so naming the id cannot leak a key.
    if (byId.has(id)) throw keyringInvalid(`${position}: key id '${id}' is configured twice`);
    const encoded = entry.slice(colon + 1).trim();
    if (!BASE64_PATTERN.test(encoded)) {
      throw keyringInvalid(`${position} (key id '${id}'): the key is not padded standard base64`);
    }
    const decoded = Buffer.from(encoded, 'base64');
    if (decoded.length !== MASTER_KEY_BYTES) {
      decoded.fill(0);
      throw keyringInvalid(
        `${position} (key id '${id}'): the key must decode to ${MASTER_KEY_BYTES} bytes, not ${decoded.length}`,
      );
    }
    if (decoded.every((b) => b === 0)) {
      throw keyringInvalid(`${position} (key id '${id}'): the key is all zeros (a placeholder?)`);
    }
    // Buffer.from(string) may hand out a slice of Node's shared pool; keep the key in a buffer of its own
    // and wipe the pooled copy, so nothing else sharing that slab ever sees it.
    const key = Buffer.alloc(MASTER_KEY_BYTES);
    decoded.copy(key);
    decoded.fill(0);
    const masterKey = redactedKey(id, key);
    byId.set(id, masterKey);
    keys.push(masterKey);
  });

  return Object.freeze({ current: keys[0], byId: byId as ReadonlyMap<string, MasterKey> });
}

/**
 * Derives the key of the blind indexes (HMAC keys for equality search on encrypted fields) from a
 * dedicated 32-byte secret in configuration.
 *
 * Why not derive it from the master keys: a blind index is stored next to millions of rows and must give
 * the same value before and after a master-key rotation, otherwise every index would have to be
 * recomputed — which needs every plaintext — each time a key is retired. So the index key has its own
 * lifecycle, independent of the keyring. HKDF (rather than the secret itself) keeps the raw secret out of
 * HMAC use and lets another purpose derive its own key from the same secret with a different info string.
 */
export function deriveIndexKey(secret: Buffer): Buffer {
  if (secret.length !== INDEX_KEY_BYTES) {
    throw keyringInvalid(`the blind-index secret must be ${INDEX_KEY_BYTES} bytes, not ${secret.length}`);
  }
  if (secret.every((b) => b === 0))
    throw keyringInvalid('the blind-index secret is all zeros (a placeholder?)');
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), INDEX_KEY_INFO, INDEX_KEY_BYTES));
}

function keyringInvalid(message: string): IdentityError {
  return new IdentityError('IDENTITY_KEYRING_INVALID', `Identity keyring: ${message}.`, 'invalid');
}

/**
 * A master key that does not print its key: a keyring passed to a logger (or JSON.stringify, or
 * console.log) shows ids only. The members stay ordinary readable properties.
 */
function redactedKey(id: string, key: Buffer): MasterKey {
  const masterKey = { id, key };
  const redacted = () => ({ id, key: '[redacted]' });
  Object.defineProperty(masterKey, 'toJSON', { value: redacted, enumerable: false });
  Object.defineProperty(masterKey, Symbol.for('nodejs.util.inspect.custom'), {
    value: redacted,
    enumerable: false,
  });
  return Object.freeze(masterKey);
}
