import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { blindIndex, openRecord, rewrapRecord, sealRecord, type SealedRecord } from './domain/envelope.js';
import { deriveIndexKey, parseKeyring, type Keyring } from './domain/keyring.js';

/** The columns an encrypted identity occupies in its row. */
export interface SealedColumns {
  keyId: string;
  wrappedKey: Buffer;
  ciphertext: Buffer;
}

/**
 * Seals and opens personal data with the configured keyring (docs/security.md, "Personal data at
 * rest"). The row id is the additional authenticated data: a ciphertext copied onto another row does not
 * open. Callers audit every read themselves, in their transaction.
 */
@Injectable()
export class IdentityVault {
  private readonly keyring: Keyring;
  private readonly indexKey: Buffer;

  constructor(config: AppConfig) {
    this.keyring = parseKeyring(config.identity.masterKeys);
    this.indexKey = deriveIndexKey(Buffer.from(config.identity.indexKey, 'base64'));
  }

  seal(rowId: string, value: unknown): SealedColumns {
    return this.sealBytes(rowId, Buffer.from(JSON.stringify(value), 'utf8'));
  }

  open<T>(rowId: string, columns: SealedColumns): T {
    return JSON.parse(this.openBytes(rowId, columns).toString('utf8')) as T;
  }

  sealBytes(rowId: string, bytes: Buffer): SealedColumns {
    return sealRecord(this.keyring, bytes, rowId);
  }

  openBytes(rowId: string, columns: SealedColumns): Buffer {
    return openRecord(this.keyring, sealedRecord(columns), rowId);
  }

  /** The same data under the current master key (rotation): only the wrapped key changes. */
  rewrap(rowId: string, columns: SealedColumns): SealedColumns {
    return rewrapRecord(this.keyring, sealedRecord(columns), rowId);
  }

  /** A keyed, deterministic digest of a normalised value, for equality lookups only. */
  index(kind: string, normalisedValue: string): string {
    return blindIndex(this.indexKey, kind, normalisedValue);
  }

  get currentKeyId(): string {
    return this.keyring.current.id;
  }

  get keys(): Keyring {
    return this.keyring;
  }
}

function sealedRecord(columns: SealedColumns): SealedRecord {
  return {
    keyId: columns.keyId,
    wrappedKey: Buffer.from(columns.wrappedKey),
    ciphertext: Buffer.from(columns.ciphertext),
  };
}
