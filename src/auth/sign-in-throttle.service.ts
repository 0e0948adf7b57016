import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { transactionWithRetry } from '../common/database/transactions.js';
import { AppConfig } from '../config/app-config.js';
import {
  afterFailure,
  attemptWait,
  FORGET_AFTER_MS,
  withoutOneFailure,
  type SignInThrottles,
  type ThrottleRule,
  type ThrottleState,
} from './domain/sign-in-throttle.js';

type Kind = keyof SignInThrottles;

interface Row {
  throttle_key: string;
  failures: number;
  blocked_until: Date | null;
  last_failure_at: Date | null;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The counters of sign-in throttling (src/auth/domain/sign-in-throttle.ts) in `sign_in_throttles`, keyed
 * by the SHA-256 of the normalised e-mail address and the client address. Keys are made from what the
 * caller typed, whether an account has that address or not, so throttling says nothing about which
 * accounts exist.
 */
@Injectable()
export class SignInThrottleService {
  private readonly rules: Record<Kind, ThrottleRule>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    const t = config.auth.throttle;
    this.rules = {
      pair: { free: t.freePerAccountAddress, maxDelaySeconds: t.maxDelaySeconds },
      address: { free: t.freePerAddress, maxDelaySeconds: t.maxDelaySeconds },
      account: { free: t.freePerAccount, maxDelaySeconds: t.maxDelaySeconds },
    };
  }

  /**
   * Before a password check: the seconds to wait (the password is then not checked at all), or 0 — and
   * the attempt is counted as a failure now, in one transaction with the counters locked, so parallel
   * guesses cannot slip between check and count. A right password takes it back (`succeeded`).
   */
  async reserve(email: string, clientIp: string | null, now: Date): Promise<number> {
    const keys = this.keys(email, clientIp);
    return transactionWithRetry(this.dataSource, async (manager) => {
      const states = await this.lock(manager, keys, now);
      const wait = attemptWait(states, now.getTime());
      if (wait > 0) return wait;
      for (const kind of Object.keys(keys) as Kind[]) {
        await this.save(manager, keys[kind], afterFailure(states[kind], this.rules[kind], now.getTime()));
      }
      return 0;
    });
  }

  /** The password was right: the pair starts afresh; the address and the account take back this attempt. */
  async succeeded(manager: EntityManager, email: string, clientIp: string | null, now: Date): Promise<void> {
    const keys = this.keys(email, clientIp);
    const states = await this.lock(manager, keys, now);
    await manager.query('DELETE FROM sign_in_throttles WHERE throttle_key = ?', [keys.pair]);
    await this.save(manager, keys.address, withoutOneFailure(states.address, now.getTime()));
    await this.save(manager, keys.account, withoutOneFailure(states.account, now.getTime()));
    // Counters no one failed for a day are empty anyway: a few are cleared each time.
    await manager.query('DELETE FROM sign_in_throttles WHERE last_failure_at < ? LIMIT 100', [
      new Date(now.getTime() - FORGET_AFTER_MS),
    ]);
  }

  /** An administrator's password reset: the account's own counter starts afresh. */
  async forgetAccount(manager: EntityManager, email: string): Promise<void> {
    await manager.query('DELETE FROM sign_in_throttles WHERE throttle_key = ?', [
      this.keys(email, null).account,
    ]);
  }

  private keys(email: string, clientIp: string | null): Record<Kind, string> {
    const account = email.trim().toLowerCase();
    const address = clientIp ?? 'unknown';
    return {
      pair: sha256(`pair\n${account}\n${address}`),
      address: sha256(`address\n${address}`),
      account: sha256(`account\n${account}`),
    };
  }

  /** The three counters, created when missing and locked in key order (no deadlock between two). */
  private async lock(
    manager: EntityManager,
    keys: Record<Kind, string>,
    now: Date,
  ): Promise<SignInThrottles> {
    const sorted = Object.values(keys).sort();
    for (const key of sorted) {
      await manager.query(
        `INSERT INTO sign_in_throttles (throttle_key, failures, blocked_until, last_failure_at)
         VALUES (?, 0, NULL, ?) ON DUPLICATE KEY UPDATE throttle_key = throttle_key`,
        [key, now],
      );
    }
    const rows: Row[] = await manager.query(
      `SELECT throttle_key, failures, blocked_until, last_failure_at FROM sign_in_throttles
       WHERE throttle_key IN (?, ?, ?) ORDER BY throttle_key FOR UPDATE`,
      sorted,
    );
    const byKey = new Map(rows.map((r) => [r.throttle_key, r]));
    const state = (key: string): ThrottleState => {
      const r = byKey.get(key);
      return {
        failures: Number(r?.failures ?? 0),
        blockedUntil: r?.blocked_until ? new Date(r.blocked_until).getTime() : null,
        lastFailureAt: r?.last_failure_at ? new Date(r.last_failure_at).getTime() : null,
      };
    };
    return { pair: state(keys.pair), address: state(keys.address), account: state(keys.account) };
  }

  private async save(manager: EntityManager, key: string, s: ThrottleState): Promise<void> {
    await manager.query(
      'UPDATE sign_in_throttles SET failures = ?, blocked_until = ?, last_failure_at = ? WHERE throttle_key = ?',
      [
        s.failures,
        s.blockedUntil === null ? null : new Date(s.blockedUntil),
        new Date(s.lastFailureAt ?? 0),
        key,
      ],
    );
  }
}
