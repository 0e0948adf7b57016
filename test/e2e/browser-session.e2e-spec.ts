import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { Fixtures, TEST_PASSWORD } from '../support/fixtures.js';

const CONSOLE = { 'x-tiepdan-console': '1' };

/** The one Set-Cookie of an answer, split into its value and its attributes (lower-cased names). */
function setCookie(res: request.Response): { value: string; attributes: Record<string, string> } {
  const headers = res.headers['set-cookie'] as unknown as string[] | undefined;
  expect(headers).toHaveLength(1);
  const [pair, ...rest] = headers![0].split(';').map((part) => part.trim());
  expect(pair.startsWith('tiepdan_refresh=')).toBe(true);
  const attributes: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    attributes[(eq < 0 ? part : part.slice(0, eq)).toLowerCase()] = eq < 0 ? '' : part.slice(eq + 1);
  }
  return { value: pair.slice('tiepdan_refresh='.length), attributes };
}

/**
 * The console's sign-in (docs/console.md): the refresh token lives in an HttpOnly; Secure;
 * SameSite=Strict cookie scoped to /api/v1/auth/browser, never in a body a script could read; every
 * cookie route demands the console's header, so a forged cross-site request cannot use the cookie.
 */
describe('browser sessions with the refresh token in a cookie', () => {
  let app: NestFastifyApplication;
  let f: Fixtures;
  let unitId: string;
  const server = () => app.getHttpServer();
  const me = (token: string) =>
    request(server()).get('/api/v1/auth/me').set('authorization', `Bearer ${token}`);
  const signIn = async () => {
    const user = await f.user(unitId, ['reception_officer']);
    const res = await request(server())
      .post('/api/v1/auth/browser/login')
      .set(CONSOLE)
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(200);
    return { user, res, cookie: setCookie(res) };
  };
  const refresh = (cookie?: string) => {
    const req = request(server()).post('/api/v1/auth/browser/refresh').set(CONSOLE);
    return cookie === undefined ? req : req.set('cookie', `other=1; tiepdan_refresh=${cookie}`);
  };

  beforeAll(async () => {
    app = await startApi();
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    f = new Fixtures(app);
    unitId = (await f.unit('Ban Tiếp công dân', 'agency')).id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('signs in with the refresh token in an HttpOnly, Secure, SameSite=Strict cookie and not in the body', async () => {
    const { user, res, cookie } = await signIn();
    expect(Object.keys(res.body).sort()).toEqual([
      'accessToken',
      'expiresIn',
      'refreshTokenExpiresAt',
      'tokenType',
    ]);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(cookie.value.length).toBeGreaterThanOrEqual(20);
    expect(cookie.attributes).toMatchObject({
      path: '/api/v1/auth/browser',
      httponly: '',
      secure: '',
      samesite: 'Strict',
    });
    // The cookie lives as long as the sign-in may (SESSION_TTL), not longer.
    const maxAge = Number(cookie.attributes['max-age']);
    const sessionEnds = (new Date(res.body.refreshTokenExpiresAt).getTime() - Date.now()) / 1000;
    expect(Math.abs(maxAge - sessionEnds)).toBeLessThan(5);
    expect((await me(res.body.accessToken).expect(200)).body.id).toBe(user.id);
  });

  it('rotates the cookie on refresh: a new access token and a new cookie; the new one works again', async () => {
    const { cookie } = await signIn();
    const first = await refresh(cookie.value).expect(200);
    const next = setCookie(first);
    expect(next.value).not.toBe(cookie.value);
    expect(first.body.refreshToken).toBeUndefined();
    await me(first.body.accessToken).expect(200);
    const second = await refresh(next.value).expect(200);
    expect(setCookie(second).value).not.toBe(next.value);
  });

  it('refuses the cookie routes without the console header (CSRF), and the cookie stays good', async () => {
    const { user, cookie } = await signIn();
    const login = await request(server())
      .post('/api/v1/auth/browser/login')
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(403);
    expect(login.body.code).toBe('AUTH_CONSOLE_HEADER_MISSING');
    expect(login.headers['set-cookie']).toBeUndefined();
    const forged = await request(server())
      .post('/api/v1/auth/browser/refresh')
      .set('cookie', `tiepdan_refresh=${cookie.value}`)
      .expect(403);
    expect(forged.body.code).toBe('AUTH_CONSOLE_HEADER_MISSING');
    expect(forged.headers['set-cookie']).toBeUndefined();
    // The forged request rotated nothing: the cookie still refreshes.
    await refresh(cookie.value).expect(200);
  });

  it('answers 401 without a cookie and with a cookie that is not a token', async () => {
    expect((await refresh().expect(401)).body.code).toBe('AUTH_REFRESH_INVALID');
    const bad = await refresh('not-a-token-at-all-0123456789').expect(401);
    expect(bad.body.code).toBe('AUTH_REFRESH_INVALID');
    expect(setCookie(bad).attributes['max-age']).toBe('0');
  });

  it('signs out on the server: the access token and the cookie stop working, and the cookie is cleared', async () => {
    const { res, cookie } = await signIn();
    const token = res.body.accessToken as string;
    await request(server())
      .post('/api/v1/auth/browser/logout')
      .set('authorization', `Bearer ${token}`)
      .expect(403);
    const out = await request(server())
      .post('/api/v1/auth/browser/logout')
      .set(CONSOLE)
      .set('authorization', `Bearer ${token}`)
      .expect(204);
    expect(setCookie(out)).toMatchObject({ value: '', attributes: { 'max-age': '0' } });
    expect((await me(token).expect(401)).body.code).toBe('AUTH_SESSION_ENDED');
    expect((await refresh(cookie.value).expect(401)).body.code).toBe('AUTH_SESSION_ENDED');
  });

  it('keeps the JSON form for other clients: /auth/login still returns the refresh token in the body', async () => {
    const user = await f.user(unitId, ['reception_officer']);
    const res = await request(server())
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(200);
    expect(typeof res.body.refreshToken).toBe('string');
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});
