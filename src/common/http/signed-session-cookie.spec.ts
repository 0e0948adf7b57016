import {
  cookieValue,
  isSecureRequest,
  SignedSessionCookie,
  type SessionCookieKind,
} from './signed-session-cookie.js';

const QUEUE_BOARD_SESSION: SessionCookieKind = {
  purpose: 'tiepdan queue-board session v1',
  cookieName: 'tiepdan_queue_board',
  path: '/admin/queues',
  ttlSeconds: 900,
};
const DASHBOARD_SESSION: SessionCookieKind = {
  purpose: 'tiepdan dashboard session v1',
  cookieName: 'tiepdan_dashboard',
  path: '/bang-dieu-khien',
  ttlSeconds: 900,
};

const userId = '01968f7e-8a3b-7c1d-9e2f-0123456789ab';
const sessionId = '01968f7e-8a3b-7c1d-9e2f-ba9876543210';
const secret = 'a-jwt-secret-of-at-least-32-characters!';

describe('SignedSessionCookie', () => {
  const tokens = new SignedSessionCookie(secret, QUEUE_BOARD_SESSION);
  const token = tokens.sign({ userId, sessionId, expiresAt: 1000 });

  it('verifies its own token until it expires', () => {
    expect(tokens.verify(token, 999)).toEqual({ userId, sessionId, expiresAt: 1000 });
    expect(tokens.verify(token, 1000)).toBeNull();
  });

  it('refuses a token changed in any part, or signed under another secret', () => {
    const [u, s, e, mac] = token.split('.');
    const other = '01968f7e-8a3b-7c1d-9e2f-000000000000';
    expect(tokens.verify([other, s, e, mac].join('.'), 0)).toBeNull();
    expect(tokens.verify([u, other, e, mac].join('.'), 0)).toBeNull();
    expect(tokens.verify([u, s, '99999', mac].join('.'), 0)).toBeNull();
    expect(
      tokens.verify([u, s, e, mac.slice(0, -1) + (mac.endsWith('A') ? 'B' : 'A')].join('.'), 0),
    ).toBeNull();
    expect(new SignedSessionCookie(`${secret}x`, QUEUE_BOARD_SESSION).verify(token, 0)).toBeNull();
    expect(tokens.verify(undefined, 0)).toBeNull();
    expect(tokens.verify('garbage', 0)).toBeNull();
    expect(tokens.verify(`${token}.x`, 0)).toBeNull();
  });

  it('a token of one kind never passes for another, under the same secret', () => {
    const dashboard = new SignedSessionCookie(secret, DASHBOARD_SESSION);
    expect(dashboard.verify(token, 0)).toBeNull();
    expect(tokens.verify(dashboard.sign({ userId, sessionId, expiresAt: 1000 }), 0)).toBeNull();
  });

  it('issues a token for the kind’s time and reads it back from its own cookie only', () => {
    const now = new Date('2026-11-25T09:00:00.000Z');
    const { token: issued, expiresAt } = tokens.issue(userId, sessionId, now);
    expect(expiresAt).toEqual(new Date('2026-11-25T09:15:00.000Z'));
    const header = `a=1; tiepdan_queue_board=${issued}; tiepdan_dashboard=x`;
    expect(tokens.read(header, now)).toEqual({ userId, sessionId, expiresAt: expiresAt.getTime() / 1000 });
    expect(tokens.read(header, expiresAt)).toBeNull();
    expect(tokens.read(`tiepdan_dashboard=${issued}`, now)).toBeNull();
  });
});

describe('cookies', () => {
  it('reads one cookie among others', () => {
    expect(cookieValue('a=1; tiepdan_queue_board=t.o.k; b=2', 'tiepdan_queue_board')).toBe('t.o.k');
    expect(cookieValue('a=1', 'tiepdan_queue_board')).toBeUndefined();
    expect(cookieValue(undefined, 'tiepdan_queue_board')).toBeUndefined();
  });

  it("sets an HttpOnly, SameSite=Strict cookie for the kind's path, Secure over https", () => {
    const board = new SignedSessionCookie(secret, QUEUE_BOARD_SESSION);
    expect(board.setCookie('v', true, 900)).toBe(
      'tiepdan_queue_board=v; Path=/admin/queues; Max-Age=900; HttpOnly; SameSite=Strict; Secure',
    );
    expect(board.setCookie('v', false)).not.toContain('Secure');
    expect(new SignedSessionCookie(secret, DASHBOARD_SESSION).setCookie('v', false)).toBe(
      'tiepdan_dashboard=v; Path=/bang-dieu-khien; Max-Age=900; HttpOnly; SameSite=Strict',
    );
  });

  it('is Secure when the request or the public site is https', () => {
    expect(isSecureRequest({ protocol: 'https' }, 'http://localhost:3000')).toBe(true);
    expect(isSecureRequest({ protocol: 'http' }, 'https://tiepdan.gov.vn')).toBe(true);
    expect(isSecureRequest({ protocol: 'http' }, 'http://localhost:3000')).toBe(false);
  });
});
