import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { AppConfig } from '../config/app-config.js';
import { isCommonPassword } from './common-passwords.js';
import { passwordProblems } from './domain/password-policy.js';

/** argon2id hashing with the configured cost. */
@Injectable()
export class PasswordService {
  private readonly options: argon2.HashOptions & { raw?: false };
  private dummyHash?: Promise<string>;

  constructor(config: AppConfig) {
    this.options = {
      type: argon2.argon2id,
      memoryCost: config.auth.argon2.memoryCost,
      timeCost: config.auth.argon2.timeCost,
      parallelism: 1,
    };
  }

  /** What is wrong with a new password of this account (docs/security.md), as field messages. */
  problems(password: string, account: { email?: string; fullName?: string }): string[] {
    return passwordProblems(password, { ...account, isCommon: isCommonPassword });
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, { ...this.options, raw: false });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** Spends the same time as a real check, so an unknown e-mail cannot be told apart by timing. */
  async verifyAgainstNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash('not-a-real-password-only-for-timing');
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
