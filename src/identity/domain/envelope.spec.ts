import fc from 'fast-check';
import {
  blindIndex,
  CIPHERTEXT_OVERHEAD_BYTES,
  openRecord,
  rewrapRecord,
  sealRecord,
  WRAPPED_KEY_BYTES,
  type SealedRecord,
} from './envelope.js';
import { deriveIndexKey, IdentityError, parseKeyring, type Keyring } from './keyring.js';

// Fixed, distinct test keys (no randomness needed to build a keyring).
const keyBytes = (seed: number, length = 32) =>
  Buffer.from(Array.from({ length }, (_, i) => (i * 7 + seed) & 255));
const b64 = (seed: number, length = 32) => keyBytes(seed, length).toString('base64');
const KEY_A = b64(1);
const KEY_B = b64(2);
const KEY_C = b64(3);
// Has '+' and '/' in standard base64, so its base64url form really differs.
const KEY_SLASHES = Buffer.alloc(32, 0xfb).toString('base64');

const PERSON = 'Nguyễn Thị Hồng Nhung — CCCD 079201001234, 12 Lê Lợi, Phường Bến Nghé, Quận 1';
const AAD = '0190f3c2-7a1b-7c00-8000-000000000001';

function caught(fn: () => unknown): IdentityError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(IdentityError);
    return e as IdentityError;
  }
  throw new Error('expected an IdentityError, nothing was thrown');
}

function flip(buf: Buffer, index: number): Buffer {
  const copy = Buffer.from(buf);
  copy[index] ^= 0x01;
  return copy;
}

describe('parseKeyring', () => {
  it('takes the first entry as the current key and keeps every key for reading', () => {
    const keyring = parseKeyring(` k2026b:${KEY_B} , k2026a:${KEY_A}`);
    expect(keyring.current.id).toBe('k2026b');
    expect(keyring.current.key.equals(keyBytes(2))).toBe(true);
    expect([...keyring.byId.keys()]).toEqual(['k2026b', 'k2026a']);
    expect(keyring.byId.get('k2026a')?.key.equals(keyBytes(1))).toBe(true);
    expect(keyring.byId.get('k2026b')).toBe(keyring.current);
  });

  it('accepts ids at the edges of the pattern', () => {
    expect(parseKeyring(`0:${KEY_A}`).current.id).toBe('0');
    expect(parseKeyring(`a_b-c0123456789z:${KEY_A}`).current.id).toBe('a_b-c0123456789z');
  });

  it('does not print keys when a keyring is serialised', () => {
    const keyring = parseKeyring(`k1:${KEY_A},k2:${KEY_B}`);
    const json = JSON.stringify({ keyring, current: keyring.current, all: [...keyring.byId.values()] });
    expect(json).toContain('k1');
    expect(json).not.toContain(KEY_A);
    expect(json).not.toContain(KEY_B);
    expect(json).not.toContain(JSON.stringify([...keyBytes(1)]).slice(1, -1));
  });

  it.each([
    ['empty', '', /empty/],
    ['blank', '   ', /empty/],
    ['a trailing comma', `k1:${KEY_A},`, /entry 2 is empty/],
    ['no colon', KEY_A, /entry 1 is not of the form/],
    ['the entry written the wrong way round', `${KEY_A}:k1`, /entry 1: the key id must be/],
    ['an upper-case id', `K1:${KEY_A}`, /entry 1: the key id must be/],
    ['an id starting with a dash', `k1:${KEY_A},-k2:${KEY_B}`, /entry 2: the key id must be/],
    ['an id of 17 characters', `abcdefghijklmnopq:${KEY_A}`, /entry 1: the key id must be/],
    ['an empty id', `:${KEY_A}`, /entry 1: the key id must be/],
    ['a duplicate id', `k1:${KEY_A},k2:${KEY_B},k1:${KEY_C}`, /entry 3: key id 'k1' is configured twice/],
    ['a 16-byte key', `k1:${b64(5, 16)}`, /entry 1 \(key id 'k1'\): the key must decode to 32 bytes, not 16/],
    ['a 33-byte key', `k1:${b64(5, 33)}`, /entry 1 \(key id 'k1'\): the key must decode to 32 bytes, not 33/],
    ['an empty key', 'k1:', /entry 1 \(key id 'k1'\): the key must decode to 32 bytes, not 0/],
    [
      'a stray character in the key',
      `k1:${KEY_A.slice(0, 10)}!${KEY_A.slice(11)}`,
      /not padded standard base64/,
    ],
    ['an unpadded key', `k1:${KEY_A.replace(/=+$/, '')}`, /not padded standard base64/],
    ['base64url', `k1:${KEY_SLASHES.replace(/\+/g, '-').replace(/\//g, '_')}`, /not padded standard base64/],
    ['an all-zero key', `k1:${Buffer.alloc(32).toString('base64')}`, /all zeros/],
  ])('rejects %s without quoting any key', (_label, spec, message) => {
    const error = caught(() => parseKeyring(spec));
    expect(error.code).toBe('IDENTITY_KEYRING_INVALID');
    expect(error.kind).toBe('invalid');
    expect(error.message).toMatch(message);
    for (const key of [KEY_A, KEY_B, KEY_C, KEY_SLASHES, b64(5, 16), b64(5, 33)]) {
      expect(error.message).not.toContain(key.slice(0, 12));
    }
  });

  it('reads a key whose base64 has + and / (so the base64url case above tests the alphabet)', () => {
    expect(KEY_SLASHES).toMatch(/\+/);
    expect(KEY_SLASHES).toMatch(/\//);
    expect(parseKeyring(`k1:${KEY_SLASHES}`).current.key.equals(Buffer.alloc(32, 0xfb))).toBe(true);
  });
});

describe('deriveIndexKey', () => {
  it('matches an independent HKDF-SHA256 computation (Python cryptography)', () => {
    expect(deriveIndexKey(keyBytes(9)).toString('hex')).toBe(
      'd8055fe23323d8feba70b24b7ffd6578608f1887b21f1f0d247e82a5ab066c3f',
    );
  });

  it('is deterministic, differs by secret, and is not the secret', () => {
    const key = deriveIndexKey(keyBytes(9));
    expect(key).toHaveLength(32);
    expect(deriveIndexKey(keyBytes(9)).equals(key)).toBe(true);
    expect(deriveIndexKey(keyBytes(10)).equals(key)).toBe(false);
    expect(key.equals(keyBytes(9))).toBe(false);
  });

  it.each([
    ['too short', keyBytes(9, 16)],
    ['too long', keyBytes(9, 64)],
    ['all zeros', Buffer.alloc(32)],
  ])('rejects a secret that is %s', (_label, secret) => {
    expect(caught(() => deriveIndexKey(secret)).code).toBe('IDENTITY_KEYRING_INVALID');
  });
});

describe('sealRecord / openRecord', () => {
  const keyring = parseKeyring(`k2026a:${KEY_A}`);

  it('round-trips Vietnamese text with diacritics', () => {
    const sealed = sealRecord(keyring, PERSON, AAD);
    expect(sealed.keyId).toBe('k2026a');
    expect(sealed.wrappedKey).toHaveLength(WRAPPED_KEY_BYTES);
    expect(sealed.ciphertext).toHaveLength(CIPHERTEXT_OVERHEAD_BYTES + Buffer.byteLength(PERSON));
    expect(sealed.ciphertext[0]).toBe(1);
    expect(sealed.ciphertext.includes(Buffer.from('079201001234'))).toBe(false);
    expect(openRecord(keyring, sealed, AAD).toString('utf8')).toBe(PERSON);
  });

  it('round-trips any text and any bytes, and never opens under another record id', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme' }),
          fc.uint8Array().map((a) => Buffer.from(a)),
        ),
        fc.string({ minLength: 1 }),
        (plaintext, aad) => {
          const sealed = sealRecord(keyring, plaintext, aad);
          const expected = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
          expect(openRecord(keyring, sealed, aad).equals(expected)).toBe(true);
          expect(caught(() => openRecord(keyring, sealed, `${aad}x`)).code).toBe('IDENTITY_DECRYPT_FAILED');
        },
      ),
    );
  });

  it("leaves the caller's plaintext buffer intact", () => {
    const plaintext = Buffer.from(PERSON, 'utf8');
    const sealed = sealRecord(keyring, plaintext, AAD);
    expect(plaintext.toString('utf8')).toBe(PERSON);
    expect(openRecord(keyring, sealed, AAD).toString('utf8')).toBe(PERSON);
  });

  it('opens a record built independently from the documented layout (Python cryptography)', () => {
    const sealed: SealedRecord = {
      keyId: 'k2026a',
      wrappedKey: Buffer.from(
        'AAECAwQFBgcICQoLjlZ9lqHcyzJc/hNTN2IW3dq4yxTBMb6FPvj2bl4lwICe7F4R2LAYaNpFeuNMXPqx',
        'base64',
      ),
      ciphertext: Buffer.from(
        'AQwNDg8QERITFBUWF69XVWUpY6cKwebHIvyOI4vaOOAMaWxgQTDfEf2WbsqxptPw/rFOP0M8tZzklPtbnJne',
        'base64',
      ),
    };
    expect(openRecord(keyring, sealed, 'hồ-sơ-0001').toString('utf8')).toBe('Nguyễn Văn Đức, 079201001234');
  });

  it('gives different bytes for the same plaintext sealed twice', () => {
    const one = sealRecord(keyring, PERSON, AAD);
    const two = sealRecord(keyring, PERSON, AAD);
    expect(one.ciphertext.equals(two.ciphertext)).toBe(false);
    expect(one.ciphertext.subarray(1, 13).equals(two.ciphertext.subarray(1, 13))).toBe(false); // data IVs
    expect(one.wrappedKey.equals(two.wrappedKey)).toBe(false);
    expect(one.wrappedKey.subarray(0, 12).equals(two.wrappedKey.subarray(0, 12))).toBe(false); // wrap IVs
  });

  it('refuses the record under another record id', () => {
    const sealed = sealRecord(keyring, PERSON, AAD);
    const error = caught(() => openRecord(keyring, sealed, AAD.replace(/1$/, '2')));
    expect(error.code).toBe('IDENTITY_DECRYPT_FAILED');
    expect(error.kind).toBe('unavailable');
  });

  describe('refuses tampered records, always with the same undetailed error', () => {
    const sealed = sealRecord(keyring, PERSON, AAD);
    const reference = caught(() =>
      openRecord(keyring, { ...sealed, ciphertext: flip(sealed.ciphertext, 0) }, AAD),
    );
    const n = sealed.ciphertext.length;
    it.each<[string, SealedRecord]>([
      ['ciphertext: version byte', { ...sealed, ciphertext: flip(sealed.ciphertext, 0) }],
      ['ciphertext: iv', { ...sealed, ciphertext: flip(sealed.ciphertext, 1) }],
      ['ciphertext: tag', { ...sealed, ciphertext: flip(sealed.ciphertext, 13) }],
      ['ciphertext: first data byte', { ...sealed, ciphertext: flip(sealed.ciphertext, 29) }],
      ['ciphertext: last data byte', { ...sealed, ciphertext: flip(sealed.ciphertext, n - 1) }],
      ['ciphertext: last byte cut', { ...sealed, ciphertext: sealed.ciphertext.subarray(0, n - 1) }],
      [
        'ciphertext: a byte appended',
        { ...sealed, ciphertext: Buffer.concat([sealed.ciphertext, Buffer.of(0)]) },
      ],
      ['ciphertext: shorter than the header', { ...sealed, ciphertext: sealed.ciphertext.subarray(0, 20) }],
      ['ciphertext: empty', { ...sealed, ciphertext: Buffer.alloc(0) }],
      ['wrapped key: iv', { ...sealed, wrappedKey: flip(sealed.wrappedKey, 0) }],
      ['wrapped key: tag', { ...sealed, wrappedKey: flip(sealed.wrappedKey, 12) }],
      ['wrapped key: first key byte', { ...sealed, wrappedKey: flip(sealed.wrappedKey, 28) }],
      ['wrapped key: last key byte', { ...sealed, wrappedKey: flip(sealed.wrappedKey, 59) }],
      ['wrapped key: cut', { ...sealed, wrappedKey: sealed.wrappedKey.subarray(0, 59) }],
      [
        'wrapped key: a byte appended',
        { ...sealed, wrappedKey: Buffer.concat([sealed.wrappedKey, Buffer.of(0)]) },
      ],
    ])('%s', (_label, tampered) => {
      const error = caught(() => openRecord(keyring, tampered, AAD));
      expect(error.code).toBe('IDENTITY_DECRYPT_FAILED');
      expect(error.message).toBe(reference.message);
    });

    it('(the untampered record opens, so the failures above are the tampering)', () => {
      expect(openRecord(keyring, sealed, AAD).toString('utf8')).toBe(PERSON);
    });
  });

  it('refuses a record relabelled with another key id the keyring holds', () => {
    const two = parseKeyring(`k2:${KEY_B},k1:${KEY_A}`);
    const sealed = sealRecord(two, PERSON, AAD);
    expect(caught(() => openRecord(two, { ...sealed, keyId: 'k1' }, AAD)).code).toBe(
      'IDENTITY_DECRYPT_FAILED',
    );
  });

  it('refuses parts swapped between two records', () => {
    const one = sealRecord(keyring, 'Trần Văn An', 'row-1');
    const two = sealRecord(keyring, 'Lê Thị Bình', 'row-2');
    expect(caught(() => openRecord(keyring, { ...one, wrappedKey: two.wrappedKey }, 'row-1')).code).toBe(
      'IDENTITY_DECRYPT_FAILED',
    );
    expect(caught(() => openRecord(keyring, { ...one, ciphertext: two.ciphertext }, 'row-1')).code).toBe(
      'IDENTITY_DECRYPT_FAILED',
    );
    // The whole record moved to another row.
    expect(caught(() => openRecord(keyring, two, 'row-1')).code).toBe('IDENTITY_DECRYPT_FAILED');
  });

  it('reports a key id the keyring does not hold, naming it only when it looks like one', () => {
    const sealed = sealRecord(keyring, PERSON, AAD);
    const unknown = caught(() => openRecord(keyring, { ...sealed, keyId: 'k2025z' }, AAD));
    expect(unknown.code).toBe('IDENTITY_KEY_UNKNOWN');
    expect(unknown.kind).toBe('unavailable');
    expect(unknown.message).toContain("'k2025z'");
    const malformed = caught(() => openRecord(keyring, { ...sealed, keyId: KEY_B }, AAD));
    expect(malformed.code).toBe('IDENTITY_KEY_UNKNOWN');
    expect(malformed.message).not.toContain(KEY_B.slice(0, 12));
  });

  it('needs a record id as aad', () => {
    expect(() => sealRecord(keyring, PERSON, '')).toThrow(TypeError);
    const sealed = sealRecord(keyring, PERSON, AAD);
    expect(() => openRecord(keyring, sealed, '')).toThrow(TypeError);
    expect(() => rewrapRecord(keyring, sealed, '')).toThrow(TypeError);
  });

  it('round-trips an empty plaintext', () => {
    const sealed = sealRecord(keyring, '', AAD);
    expect(sealed.ciphertext).toHaveLength(CIPHERTEXT_OVERHEAD_BYTES);
    expect(openRecord(keyring, sealed, AAD)).toHaveLength(0);
  });
});

describe('rewrapRecord (master-key rotation)', () => {
  const keyringA: Keyring = parseKeyring(`ka:${KEY_A}`);
  const keyringB: Keyring = parseKeyring(`kb:${KEY_B},ka:${KEY_A}`);
  const onlyB: Keyring = parseKeyring(`kb:${KEY_B}`);

  it('moves a record to the new key without touching its ciphertext', () => {
    const sealed = sealRecord(keyringA, PERSON, AAD);

    // Before the rewrap, a keyring without the old key cannot read it.
    expect(caught(() => openRecord(onlyB, sealed, AAD)).code).toBe('IDENTITY_KEY_UNKNOWN');
    // During the rotation, the new keyring still reads it through the old key.
    expect(openRecord(keyringB, sealed, AAD).toString('utf8')).toBe(PERSON);

    const rewrapped = rewrapRecord(keyringB, sealed, AAD);
    expect(rewrapped.keyId).toBe('kb');
    expect(rewrapped.ciphertext).toBe(sealed.ciphertext);
    expect(rewrapped.wrappedKey.equals(sealed.wrappedKey)).toBe(false);
    expect(rewrapped.wrappedKey).toHaveLength(WRAPPED_KEY_BYTES);

    expect(openRecord(keyringB, rewrapped, AAD).toString('utf8')).toBe(PERSON);
    // After the rewrap the old key can be retired.
    expect(openRecord(onlyB, rewrapped, AAD).toString('utf8')).toBe(PERSON);
    expect(caught(() => openRecord(keyringA, rewrapped, AAD)).code).toBe('IDENTITY_KEY_UNKNOWN');
  });

  it('returns a record already under the current key as it is', () => {
    const sealed = sealRecord(keyringB, PERSON, AAD);
    expect(rewrapRecord(keyringB, sealed, AAD)).toBe(sealed);
  });

  it('refuses to rewrap for another record id, or without the old key', () => {
    const sealed = sealRecord(keyringA, PERSON, AAD);
    expect(caught(() => rewrapRecord(keyringB, sealed, 'another-row')).code).toBe('IDENTITY_DECRYPT_FAILED');
    expect(caught(() => rewrapRecord(onlyB, sealed, AAD)).code).toBe('IDENTITY_KEY_UNKNOWN');
  });

  it('refuses to rewrap a tampered wrapped key', () => {
    const sealed = sealRecord(keyringA, PERSON, AAD);
    expect(
      caught(() => rewrapRecord(keyringB, { ...sealed, wrappedKey: flip(sealed.wrappedKey, 40) }, AAD)).code,
    ).toBe('IDENTITY_DECRYPT_FAILED');
  });
});

describe('blindIndex', () => {
  const indexKey = deriveIndexKey(keyBytes(9));

  it('matches an independent HMAC-SHA256 computation (Python hmac)', () => {
    expect(blindIndex(indexKey, 'id_number', '079201001234')).toBe('a5b20d503c7516b06c55515da48e8d64');
  });

  it('is deterministic: 32 lowercase hex characters, the same for the same input', () => {
    const index = blindIndex(indexKey, 'id_number', '079201001234');
    expect(index).toMatch(/^[0-9a-f]{32}$/);
    expect(blindIndex(Buffer.from(indexKey), 'id_number', '079201001234')).toBe(index);
  });

  it('differs by kind, by key and by value', () => {
    const index = blindIndex(indexKey, 'id_number', '079201001234');
    expect(blindIndex(indexKey, 'phone', '079201001234')).not.toBe(index);
    expect(blindIndex(deriveIndexKey(keyBytes(10)), 'id_number', '079201001234')).not.toBe(index);
    expect(blindIndex(indexKey, 'id_number', '079201001235')).not.toBe(index);
    // The separator keeps kind and value apart.
    expect(blindIndex(indexKey, 'ab', 'c')).not.toBe(blindIndex(indexKey, 'a', 'bc'));
  });

  it('refuses a key of the wrong size and an unusable kind', () => {
    expect(() => blindIndex(indexKey.subarray(0, 16), 'phone', 'x')).toThrow(RangeError);
    expect(() => blindIndex(indexKey, '', 'x')).toThrow(RangeError);
    expect(() => blindIndex(indexKey, 'a\u0000b', 'x')).toThrow(RangeError);
  });
});
