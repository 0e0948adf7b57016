import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * One kind of browser session for a server-rendered page (the dashboard, the queue board): the page
 * cannot send a bearer token, so a signed-in user asks the API for a short-lived cookie bound to the
 * sign-in it came from.
 */
export interface SessionCookieKind {
  /** Derives this kind's signing key from the secret: a token of one kind never passes for another. */
  purpose: string;
  cookieName: string;
  /** The only path the browser sends the cookie to. */
  path: string;
  /** How long a session lasts; the user asks for a new one after that. */
  ttlSeconds: number;
}

export interface SessionClaims {
  userId: string;
  /** The sign-in the session was opened from: ending it ends this session too. */
  sessionId: string;
  /** Unix seconds. */
  expiresAt: number;
}

const ID = /^[0-9a-f-]{36}$/;

/**
 * Signed short-lived session cookies: `<user id>.<session id>.<expiry>.<HMAC>`, HMAC-SHA256 under a key
 * derived from the secret (JWT_SECRET) for the kind's purpose alone. The token says who and which
 * sign-in; whoever reads it must still check that the sign-in is live and the account may see the page.
 */
export class SignedSessionCookie {
  private readonly key: Buffer;

  constructor(
    secret: string,
    readonly kind: SessionCookieKind,
  ) {
    this.key = createHmac('sha256', secret).update(kind.purpose).digest();
  }

  /** A token for this sign-in, valid for the kind's time from `now`. */
  issue(userId: string, sessionId: string, now: Date): { token: string; expiresAt: Date } {
    const expiresAt = Math.floor(now.getTime() / 1000) + this.kind.ttlSeconds;
    return { token: this.sign({ userId, sessionId, expiresAt }), expiresAt: new Date(expiresAt * 1000) };
  }

  sign(claims: SessionClaims): string {
    const body = `${claims.userId}.${claims.sessionId}.${claims.expiresAt}`;
    return `${body}.${this.mac(body)}`;
  }

  /** The claims of a genuine, unexpired token; null for anything else. */
  verify(token: string | undefined, nowSeconds: number): SessionClaims | null {
    if (!token || token.length > 200) return null;
    const parts = token.split('.');
    if (parts.length !== 4) return null;
    const [userId, sessionId, expiry, mac] = parts;
    if (!ID.test(userId) || !ID.test(sessionId) || !/^\d{1,12}$/.test(expiry)) return null;
    const expected = Buffer.from(this.mac(`${userId}.${sessionId}.${expiry}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const expiresAt = Number(expiry);
    if (expiresAt <= nowSeconds) return null;
    return { userId, sessionId, expiresAt };
  }

  /** The claims of the request's cookie of this kind (its Cookie header), if genuine and unexpired. */
  read(cookieHeader: string | undefined, now: Date): SessionClaims | null {
    return this.verify(cookieValue(cookieHeader, this.kind.cookieName), Math.floor(now.getTime() / 1000));
  }

  /**
   * The Set-Cookie header that opens a session (or, with maxAge 0, ends it): HttpOnly, SameSite=Strict,
   * the kind's path only, Secure over https.
   */
  setCookie(value: string, secure: boolean, maxAgeSeconds = this.kind.ttlSeconds): string {
    return [
      `${this.kind.cookieName}=${value}`,
      `Path=${this.kind.path}`,
      `Max-Age=${maxAgeSeconds}`,
      'HttpOnly',
      'SameSite=Strict',
      ...(secure ? ['Secure'] : []),
    ].join('; ');
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

/** One cookie's value from a Cookie header (no cookie library: the API reads only these cookies). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Whether a cookie set on this request must be Secure: the request came over https, or the site is. */
export function isSecureRequest(request: { protocol: string }, publicBaseUrl: string): boolean {
  return request.protocol === 'https' || publicBaseUrl.startsWith('https:');
}
