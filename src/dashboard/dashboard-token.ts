import { createHmac, timingSafeEqual } from 'node:crypto';

/** The cookie that carries a dashboard session, sent by the browser to the dashboard page only. */
export const DASHBOARD_COOKIE = 'tiepdan_dashboard';
/** Where the server-rendered dashboard is served (outside /api/v1). */
export const DASHBOARD_PAGE_PATH = '/bang-dieu-khien';
/** How long a dashboard session lasts; the viewer asks for a new one after that. */
export const DASHBOARD_TTL_SECONDS = 15 * 60;

export interface DashboardClaims {
  userId: string;
  /** The sign-in the session was opened from: ending it ends the dashboard session too. */
  sessionId: string;
  /** Unix seconds. */
  expiresAt: number;
}

const ID = /^[0-9a-f-]{36}$/;

/**
 * Short-lived signed tokens for the dashboard cookie, in the queue board's format
 * (`<user id>.<session id>.<expiry>.<HMAC>`, operations/queue-board-token.ts) but under a key derived
 * from JWT_SECRET for this purpose alone: a queue-board token never opens the dashboard, nor the reverse.
 */
export class DashboardTokens {
  private readonly key: Buffer;

  constructor(jwtSecret: string) {
    this.key = createHmac('sha256', jwtSecret).update('tiepdan dashboard session v1').digest();
  }

  sign(claims: DashboardClaims): string {
    const body = `${claims.userId}.${claims.sessionId}.${claims.expiresAt}`;
    return `${body}.${this.mac(body)}`;
  }

  /** The claims of a genuine, unexpired token; null for anything else. */
  verify(token: string | undefined, nowSeconds: number): DashboardClaims | null {
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

/** The Set-Cookie header that opens a dashboard session: HttpOnly, SameSite=Strict, the page's path only. */
export function dashboardCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${DASHBOARD_COOKIE}=${value}`,
    `Path=${DASHBOARD_PAGE_PATH}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
