import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createChallenge, randomInt, verifySolution, type Challenge, type Payload } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { Clock } from '../../common/clock.js';
import { RateWindowStorage } from '../../common/http/rate-window.storage.js';
import { AppConfig } from '../../config/app-config.js';

const HOUR_MS = 3_600_000;
/** A challenge or ticket is good for this long (a citizen may take time to write). */
const TICKET_TTL_MS = 2 * HOUR_MS;
const CHALLENGE_TTL_S = 30 * 60;
/** Most tickets remembered as used (a flood beyond this is refused by the address limit first). */
const MAX_USED = 200_000;

export type GuardOutcome =
  | { ok: true; via: 'proof_of_work' | 'no_js_ticket'; key: string }
  | { ok: false; reason: 'honeypot' | 'proof_missing' | 'proof_invalid' | 'too_fast' | 'replayed' };

/**
 * The public form's defences that need no third party (ADR 0016): a per-address limit on submissions
 * (the project's sliding-window limiter), a honeypot, and a proof of work — an ALTCHA challenge
 * (altcha-lib, SHA-256, signed with a key derived from JWT_SECRET) that the widget we serve solves in
 * the browser, or, without JavaScript, a signed ticket issued with the form that is good only after
 * ONLINE_FORM_NOJS_WAIT_SECONDS (a person takes that long; a bot must wait it per submission). Every
 * challenge and ticket is good once: used ones are remembered until they expire (in process memory, like
 * the rate limiter's counters: one API instance per deployment, docs/architecture.md). Nothing here
 * writes to the database.
 */
@Injectable()
export class LetterFormGuard implements OnApplicationShutdown {
  private readonly powKey: string;
  private readonly ticketKey: Buffer;
  private readonly limiter: RateWindowStorage;
  private readonly used = new Map<string, number>();

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    const secret = Buffer.from(config.auth.jwtSecret, 'utf8');
    // Separate keys for separate purposes, derived from the one configured secret (HKDF, RFC 5869).
    this.powKey = Buffer.from(
      hkdfSync('sha256', secret, 'tiepdan', 'online-form proof of work', 32),
    ).toString('hex');
    this.ticketKey = Buffer.from(hkdfSync('sha256', secret, 'tiepdan', 'online-form no-js ticket', 32));
    this.limiter = new RateWindowStorage(() => this.clock.now().getTime());
  }

  /**
   * Counts one submission of `address`; past ONLINE_FORM_PER_ADDRESS_PER_HOUR in the sliding hour the
   * answer is the seconds to wait (the submission is refused before anything else is read), else null.
   */
  async admit(address: string): Promise<number | null> {
    const answer = await this.limiter.increment(
      address,
      HOUR_MS,
      this.config.onlineForm.perAddressPerHour,
      0,
      'online-form',
    );
    if (!answer.isBlocked) return null;
    return Math.max(1, Math.ceil(answer.timeToBlockExpire || answer.timeToExpire));
  }

  /** A new proof-of-work challenge for the widget (JSON). */
  async challenge(): Promise<Challenge> {
    const max = this.config.onlineForm.powCounterMax;
    return createChallenge({
      algorithm: 'SHA-256',
      cost: this.config.onlineForm.powCost,
      counter: randomInt(Math.floor(max / 2), max),
      deriveKey,
      // Its age is checked against our Clock (the library's own expiry reads the system clock).
      data: { issuedAt: this.clock.now().getTime() },
      hmacSignatureSecret: this.powKey,
      hmacKeySignatureSecret: this.powKey,
    });
  }

  /** The no-JavaScript ticket put in the form: when it was issued, a nonce, and their HMAC. */
  ticket(): string {
    const body = `${this.clock.now().getTime()}.${randomBytes(12).toString('base64url')}`;
    return `${body}.${this.sign(body)}`;
  }

  /** Checks the honeypot and the proof (of work, or the ticket's wait); marks it used when it passes. */
  async check(fields: { trangWeb?: string; altcha?: string; phieu?: string }): Promise<GuardOutcome> {
    if (fields.trangWeb) return { ok: false, reason: 'honeypot' };
    const now = this.clock.now().getTime();
    this.forgetExpired(now);
    if (fields.altcha) {
      const payload = parsePayload(fields.altcha);
      if (!payload) return { ok: false, reason: 'proof_invalid' };
      const result = await verifySolution({
        challenge: payload.challenge,
        solution: payload.solution,
        deriveKey,
        hmacSignatureSecret: this.powKey,
        hmacKeySignatureSecret: this.powKey,
      }).catch(() => null);
      if (!result?.verified) return { ok: false, reason: 'proof_invalid' };
      const issuedAt = payload.challenge.parameters.data?.issuedAt;
      if (typeof issuedAt !== 'number' || issuedAt > now || now - issuedAt > CHALLENGE_TTL_S * 1000) {
        return { ok: false, reason: 'proof_invalid' };
      }
      const key = `pow:${payload.challenge.parameters.nonce}`;
      if (this.used.has(key)) return { ok: false, reason: 'replayed' };
      this.remember(key, issuedAt + CHALLENGE_TTL_S * 1000);
      return { ok: true, via: 'proof_of_work', key };
    }
    if (fields.phieu) {
      const parts = fields.phieu.split('.');
      if (parts.length !== 3 || !/^\d{1,15}$/.test(parts[0])) return { ok: false, reason: 'proof_invalid' };
      const body = `${parts[0]}.${parts[1]}`;
      const given = Buffer.from(parts[2], 'utf8');
      const expected = Buffer.from(this.sign(body), 'utf8');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return { ok: false, reason: 'proof_invalid' };
      }
      const issued = Number(parts[0]);
      if (now - issued > TICKET_TTL_MS || issued > now) return { ok: false, reason: 'proof_invalid' };
      if (now - issued < this.config.onlineForm.noJsWaitSeconds * 1000)
        return { ok: false, reason: 'too_fast' };
      const key = `ticket:${parts[1]}`;
      if (this.used.has(key)) return { ok: false, reason: 'replayed' };
      this.remember(key, issued + TICKET_TTL_MS);
      return { ok: true, via: 'no_js_ticket', key };
    }
    return { ok: false, reason: 'proof_missing' };
  }

  /**
   * Gives back a proof or ticket that passed but whose submission was refused afterwards (a file, the
   * intake): nothing was stored, so the citizen may send it again — without JavaScript, without a second
   * wait. It still files one letter at most.
   */
  release(outcome: Extract<GuardOutcome, { ok: true }>): void {
    this.used.delete(outcome.key);
  }

  onApplicationShutdown(): void {
    this.limiter.onApplicationShutdown();
    this.used.clear();
  }

  private sign(body: string): string {
    return createHmac('sha256', this.ticketKey).update(body).digest('base64url');
  }

  private remember(key: string, until: number): void {
    if (this.used.size >= MAX_USED) {
      const oldest = this.used.keys().next().value;
      if (oldest !== undefined) this.used.delete(oldest);
    }
    this.used.set(key, until);
  }

  private forgetExpired(now: number): void {
    // Insertion order is roughly expiry order: stop at the first one still live.
    for (const [key, until] of this.used) {
      if (until > now) break;
      this.used.delete(key);
    }
  }
}

/** The widget's field: base64 of `{challenge, solution}` JSON; anything else is null. */
export function parsePayload(field: string): Payload | null {
  try {
    const value = JSON.parse(Buffer.from(field, 'base64').toString('utf8')) as Payload;
    if (
      typeof value !== 'object' ||
      value === null ||
      typeof value.challenge?.parameters?.nonce !== 'string' ||
      typeof value.solution?.counter !== 'number'
    ) {
      return null;
    }
    return value;
  } catch {
    return null;
  }
}
