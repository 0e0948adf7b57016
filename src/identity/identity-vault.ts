import { Global, Injectable, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { blindIndex, openRecord, sealRecord, type SealedRecord } from './domain/envelope.js';
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
    return sealRecord(this.keyring, JSON.stringify(value), rowId);
  }

  open<T>(rowId: string, columns: SealedColumns): T {
    const sealed: SealedRecord = {
      keyId: columns.keyId,
      wrappedKey: Buffer.from(columns.wrappedKey),
      ciphertext: Buffer.from(columns.ciphertext),
    };
    return JSON.parse(openRecord(this.keyring, sealed, rowId).toString('utf8')) as T;
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

@Global()
@Module({ providers: [IdentityVault], exports: [IdentityVault] })
export class IdentityVaultModule {}
