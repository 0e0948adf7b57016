import { createHmac, timingSafeEqual } from 'node:crypto';

/** The cookie that carries a board session, sent by the browser to the board's paths only. */
export const QUEUE_BOARD_COOKIE = 'tiepdan_queue_board';
/** Where Bull Board is served (outside /api/v1). */
export const QUEUE_BOARD_PATH = '/admin/queues';
/** How long a board session lasts; the admin asks for a new one after that. */
export const QUEUE_BOARD_TTL_SECONDS = 15 * 60;

export interface QueueBoardClaims {
  userId: string;
  /** The sign-in the session was opened from: ending it ends the board session too. */
  sessionId: string;
  /** Unix seconds. */
  expiresAt: number;
}

const ID = /^[0-9a-f-]{36}$/;

/**
 * Short-lived signed tokens for the queue board's cookie: `<user id>.<session id>.<expiry>.<HMAC>`,
 * HMAC-SHA256 under a key derived from JWT_SECRET for this one purpose (a token of one kind can never
 * pass for the other).
 */
export class QueueBoardTokens {
  private readonly key: Buffer;

  constructor(jwtSecret: string) {
    this.key = createHmac('sha256', jwtSecret).update('tiepdan queue-board session v1').digest();
  }

  sign(claims: QueueBoardClaims): string {
    const body = `${claims.userId}.${claims.sessionId}.${claims.expiresAt}`;
    return `${body}.${this.mac(body)}`;
  }

  /** The claims of a genuine, unexpired token; null for anything else. */
  verify(token: string | undefined, nowSeconds: number): QueueBoardClaims | null {
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

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

/** One cookie's value from a Cookie header (no cookie library: this is the one cookie the API reads). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The Set-Cookie header that opens (or, with maxAge 0, ends) a board session. */
export function boardCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${QUEUE_BOARD_COOKIE}=${value}`,
    `Path=${QUEUE_BOARD_PATH}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
