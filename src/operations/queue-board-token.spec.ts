import { boardCookie, cookieValue, QueueBoardTokens } from './queue-board-token.js';

const userId = '01968f7e-8a3b-7c1d-9e2f-0123456789ab';
const sessionId = '01968f7e-8a3b-7c1d-9e2f-ba9876543210';
const secret = 'a-jwt-secret-of-at-least-32-characters!';

describe('QueueBoardTokens', () => {
  const tokens = new QueueBoardTokens(secret);
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
    expect(new QueueBoardTokens(`${secret}x`).verify(token, 0)).toBeNull();
    expect(tokens.verify(undefined, 0)).toBeNull();
    expect(tokens.verify('garbage', 0)).toBeNull();
    expect(tokens.verify(`${token}.x`, 0)).toBeNull();
  });
});

describe('cookies', () => {
  it('reads one cookie among others', () => {
    expect(cookieValue('a=1; tiepdan_queue_board=t.o.k; b=2', 'tiepdan_queue_board')).toBe('t.o.k');
    expect(cookieValue('a=1', 'tiepdan_queue_board')).toBeUndefined();
    expect(cookieValue(undefined, 'tiepdan_queue_board')).toBeUndefined();
  });

  it('sets an HttpOnly, SameSite=Strict cookie for the board path, Secure over https', () => {
    expect(boardCookie('v', 900, true)).toBe(
      'tiepdan_queue_board=v; Path=/admin/queues; Max-Age=900; HttpOnly; SameSite=Strict; Secure',
    );
    expect(boardCookie('v', 900, false)).not.toContain('Secure');
  });
});
