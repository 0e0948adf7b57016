import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config.js';
import { AuthErrors } from './auth.errors.js';

export interface AccessClaims {
  /** user id */
  sub: string;
  /** session id */
  sid: string;
}

/** Short-lived signed access tokens (HS256) and opaque refresh tokens stored only as hashes. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  get accessTokenTtlSeconds(): number {
    return this.config.auth.accessTokenTtlSeconds;
  }

  signAccess(claims: AccessClaims): Promise<string> {
    return this.jwt.signAsync(
      { sub: claims.sub, sid: claims.sid, typ: 'access' },
      { expiresIn: this.config.auth.accessTokenTtlSeconds, algorithm: 'HS256' },
    );
  }

  async verifyAccess(token: string): Promise<AccessClaims> {
    let payload: { sub?: unknown; sid?: unknown; typ?: unknown; exp?: unknown };
    try {
      payload = await this.jwt.verifyAsync(token, { algorithms: ['HS256'] });
    } catch (error) {
      throw (error as { name?: string }).name === 'TokenExpiredError'
        ? AuthErrors.tokenExpired()
        : AuthErrors.tokenInvalid();
    }
    // A token without an expiry is never ours: refuse it even though its signature is valid.
    if (
      payload.typ !== 'access' ||
      typeof payload.sub !== 'string' ||
      typeof payload.sid !== 'string' ||
      typeof payload.exp !== 'number'
    ) {
      throw AuthErrors.tokenInvalid();
    }
    return { sub: payload.sub, sid: payload.sid };
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokenService.hashRefresh(token) };
  }

  static hashRefresh(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }
}
