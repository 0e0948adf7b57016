import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { Fixtures, login, TEST_PASSWORD } from '../support/fixtures.js';

describe('sign-in, tokens and sessions', () => {
  let app: NestFastifyApplication;
  let f: Fixtures;
  let unitId: string;
  let dataSource: DataSource;
  const server = () => app.getHttpServer();
  const me = (token: string) =>
    request(server()).get('/api/v1/auth/me').set('authorization', `Bearer ${token}`);

  beforeAll(async () => {
    app = await startApi(
      testConfig({
        // Client addresses come from X-Forwarded-For here, so one test can sign in from many addresses.
        TRUST_PROXY: 'true',
        AUTH_THROTTLE_FREE_PER_ACCOUNT_ADDRESS: '3',
        AUTH_THROTTLE_FREE_PER_ACCOUNT: '5',
        AUTH_THROTTLE_FREE_PER_ADDRESS: '50',
        AUTH_THROTTLE_MAX_DELAY_SECONDS: '900',
      }),
    );
    dataSource = app.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    f = new Fixtures(app);
    unitId = (await f.unit('Thanh tra tỉnh', 'inspectorate')).id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('signs in with the right password and shows the account with its roles and scope', async () => {
    const user = await f.user(unitId, ['inspectorate_leader']);
    const pair = await login(server(), user.email);
    expect(pair.expiresIn).toBe(900);
    const res = await me(pair.accessToken).expect(200);
    expect(res.body).toMatchObject({
      id: user.id,
      roles: ['inspectorate_leader'],
      permissions: expect.arrayContaining(['audit:read']),
    });
    expect(res.body.scopeRootUnitIds).toEqual([unitId]);
    expect(JSON.stringify(res.body)).not.toMatch(/password/i);
  });

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    const user = await f.user(unitId, ['case_handler']);
    const wrong = await request(server())
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: 'not-the-password' });
    const unknown = await request(server())
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@test.tiepdan.vn', password: 'whatever-it-is' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  let addressCounter = 0;
  /** A client address no other test used. */
  const freshAddress = () => `203.0.113.${++addressCounter}`;
  const signIn = (address: string, email: string, password: string) =>
    request(server()).post('/api/v1/auth/login').set('x-forwarded-for', address).send({ email, password });

  /** Wrong passwords from one address until the answer is a wait (each failure past the free ones waits longer). */
  async function guessUntilWaiting(address: string, email: string) {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await signIn(address, email, `wrong-password-${i}`);
      statuses.push(res.status);
      if (res.status === 429) return { statuses, waiting: res };
    }
    throw new Error(`never throttled: ${statuses.join(' ')}`);
  }

  it('slows guessing down with growing waits — alike for known and unknown e-mails — and never locks the owner out', async () => {
    const user = await f.user(unitId, ['case_handler']);
    const guesser = freshAddress();
    const known = await guessUntilWaiting(guesser, user.email);
    // Three free failures, at least one more checked (it starts the wait), then a wait with Retry-After.
    expect(known.statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(known.waiting.body).toEqual({
      statusCode: 429,
      code: 'AUTH_TOO_MANY_ATTEMPTS',
      message: expect.any(String),
      retryAfterSeconds: expect.any(Number),
      details: [],
    });
    expect(Number(known.waiting.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // An e-mail no account has is throttled the same way: the answers tell nothing about who exists.
    const unknown = await guessUntilWaiting(freshAddress(), 'nobody-at-all@test.tiepdan.vn');
    expect(unknown.statuses).toEqual(known.statuses);
    expect(Object.keys(unknown.waiting.body).sort()).toEqual(Object.keys(known.waiting.body).sort());
    // While it waits, even the right password from the guessing address is not checked…
    expect((await signIn(guesser, user.email, TEST_PASSWORD)).status).toBe(429);
    // …and the owner, from their own address, signs in at once: nothing is locked.
    expect((await signIn(freshAddress(), user.email, TEST_PASSWORD)).status).toBe(200);
    const audit = await dataSource.query(
      "SELECT action, actor_user_id AS actor FROM audit_log WHERE entity_type = 'user' AND entity_id = ? ORDER BY id",
      [user.id],
    );
    const actions = audit.map((a: { action: string }) => a.action);
    expect(actions[0]).toBe('create');
    expect(actions.at(-1)).toBe('login');
    expect(new Set(actions.slice(1, -1))).toEqual(new Set(['login_failed']));
    // Failed attempts are not the owner's doing: no actor; the successful sign-in is theirs.
    expect(audit.at(-1).actor).toBe(user.id);
    expect(audit.slice(1, -1).every((a: { actor: string | null }) => a.actor === null)).toBe(true);
  });

  it('failures of one account from many addresses slow those addresses down, never a clean one', async () => {
    const user = await f.user(unitId, ['case_handler']);
    const addresses = Array.from({ length: 10 }, freshAddress);
    // One wrong password from each of ten addresses: each is checked (a clean address is never kept out).
    for (const address of addresses) {
      expect((await signIn(address, user.email, 'wrong-password-spread')).status).toBe(401);
    }
    // Ten failures of the account, five free: an address that already failed now waits the account's wait.
    const again = await signIn(addresses[0], user.email, TEST_PASSWORD);
    expect(again.status).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThanOrEqual(8);
    // The owner, from a clean address, signs in with the right password.
    expect((await signIn(freshAddress(), user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('checks only a few passwords when guesses arrive all at once', async () => {
    const user = await f.user(unitId, ['case_handler']);
    const address = freshAddress();
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn(address, user.email, `guess-number-${i}-wrong`)),
    );
    const [checked] = await dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ? AND action = 'login_failed'",
      [user.id],
    );
    // Three free, one that starts the first (1 s) wait; a second only if the first wait ran out meanwhile.
    expect(Number(checked.n)).toBeGreaterThanOrEqual(4);
    expect(Number(checked.n)).toBeLessThanOrEqual(5);
    const statuses = guesses.map((g) => g.status).sort();
    expect(statuses.filter((st) => st === 401)).toHaveLength(Number(checked.n));
    expect(statuses.filter((st) => st === 429)).toHaveLength(12 - Number(checked.n));
  });

  it('rejects an expired access token and a forged one', async () => {
    const user = await f.user(unitId, ['case_handler']);
    const pair = await login(server(), user.email);
    const claims = JSON.parse(Buffer.from(pair.accessToken.split('.')[1], 'base64url').toString());
    const expired = await new JwtService({ secret: testConfig().auth.jwtSecret }).signAsync(
      { sub: claims.sub, sid: claims.sid, typ: 'access' },
      { expiresIn: -10 },
    );
    expect((await me(expired)).body.code).toBe('AUTH_TOKEN_EXPIRED');
    const forged = await new JwtService({ secret: 'another-secret-of-enough-length-0123456789' }).signAsync({
      sub: claims.sub,
      sid: claims.sid,
      typ: 'access',
    });
    const res = await me(forged);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH_TOKEN_INVALID');
    expect((await me('not-a-token')).body.code).toBe('AUTH_TOKEN_INVALID');
  });

  it('rotates the refresh token; a reused one ends the whole session', async () => {
    const user = await f.user(unitId, ['case_handler']);
    const first = await login(server(), user.email);
    const second = (
      await request(server())
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(200)
    ).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = (
      await request(server())
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: second.refreshToken })
        .expect(200)
    ).body;
    await me(third.accessToken).expect(200);

    // A minute later the first token is presented again: somebody copied it. Everything of that sign-in
    // stops working.
    await dataSource.query(
      'UPDATE refresh_tokens SET used_at = used_at - INTERVAL 1 MINUTE WHERE used_at IS NOT NULL',
    );
    const reuse = await request(server())
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('AUTH_REFRESH_REUSED');
    expect((await me(third.accessToken)).body.code).toBe('AUTH_SESSION_ENDED');
    const later = await request(server())
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: third.refreshToken });
    expect(later.status).toBe(401);
    expect(later.body.code).toBe('AUTH_SESSION_ENDED');

    // Another sign-in of the same account is untouched.
    const other = await login(server(), user.email);
    await me(other.accessToken).expect(200);
  });

  it('two refreshes with the same token at once: one wins, the other is told so, the session lives on', async () => {
    const user = await f.user(unitId, ['case_handler']);
    // Several rounds: the two transactions may also deadlock in InnoDB, which must end the same way.
    for (let round = 0; round < 8; round++) {
      const pair = await login(server(), user.email);
      const [a, b] = await Promise.all([
        request(server()).post('/api/v1/auth/refresh').send({ refreshToken: pair.refreshToken }),
        request(server()).post('/api/v1/auth/refresh').send({ refreshToken: pair.refreshToken }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      const winner = a.status === 200 ? a : b;
      expect(loser.body.code).toBe('AUTH_REFRESH_RACE');
      await me(winner.body.accessToken).expect(200);
      await request(server())
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: winner.body.refreshToken })
        .expect(200);
    }
  });

  it('refuses a validly signed access token that has no expiry', async () => {
    const user = await f.user(unitId, ['case_handler']);
    const pair = await login(server(), user.email);
    const claims = JSON.parse(Buffer.from(pair.accessToken.split('.')[1], 'base64url').toString());
    const eternal = await new JwtService({ secret: testConfig().auth.jwtSecret }).signAsync({
      sub: claims.sub,
      sid: claims.sid,
      typ: 'access',
    });
    expect((await me(eternal)).body.code).toBe('AUTH_TOKEN_INVALID');
  });

  it('throttles wrong current passwords like sign-ins', async () => {
    const user = await f.user(unitId, ['case_handler']);
    const pair = await login(server(), user.email);
    const address = freshAddress();
    const change = (currentPassword: string) =>
      request(server())
        .post('/api/v1/auth/password')
        .set('x-forwarded-for', address)
        .set('authorization', `Bearer ${pair.accessToken}`)
        .send({ currentPassword, newPassword: 'a-new-long-password' });
    const codes: string[] = [];
    for (let i = 0; i < 10 && codes.at(-1) !== 'AUTH_TOO_MANY_ATTEMPTS'; i++) {
      codes.push((await change(`wrong-guess-${i}`)).body.code);
    }
    expect(codes.slice(0, 4)).toEqual(Array(4).fill('AUTH_CURRENT_PASSWORD_WRONG'));
    expect(codes.at(-1)).toBe('AUTH_TOO_MANY_ATTEMPTS');
    const blocked = await change(TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('AUTH_TOO_MANY_ATTEMPTS');
  });

  it('refuses common passwords and the account’s own name as a new password, field by field', async () => {
    const user = await f.user(unitId, ['case_handler']);
    const pair = await login(server(), user.email);
    const [{ full_name: fullName }] = await dataSource.query('SELECT full_name FROM users WHERE id = ?', [
      user.id,
    ]);
    for (const newPassword of ['123456789012', 'passwordpassword', `${fullName}`.padEnd(12, '1')]) {
      const res = await request(server())
        .post('/api/v1/auth/password')
        .set('authorization', `Bearer ${pair.accessToken}`)
        .send({ currentPassword: TEST_PASSWORD, newPassword });
      expect([newPassword, res.status]).toEqual([newPassword, 400]);
      expect(res.body).toMatchObject({
        code: 'AUTH_PASSWORD_TOO_WEAK',
        details: [{ field: 'newPassword', message: expect.stringMatching(/commonly used|your name/) }],
      });
    }
  });

  it('logs out: the access token and the refresh token of that sign-in stop working at once', async () => {
    const user = await f.user(unitId, ['case_handler']);
    const pair = await login(server(), user.email);
    await request(server())
      .post('/api/v1/auth/logout')
      .set('authorization', `Bearer ${pair.accessToken}`)
      .expect(204);
    expect((await me(pair.accessToken)).body.code).toBe('AUTH_SESSION_ENDED');
    const refresh = await request(server())
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: pair.refreshToken });
    expect(refresh.status).toBe(401);
  });

  it('changes the password: the old one stops working and other sign-ins end, this one stays', async () => {
    const user = await f.user(unitId, ['case_handler']);
    const here = await login(server(), user.email);
    const elsewhere = await login(server(), user.email);
    const weak = await request(server())
      .post('/api/v1/auth/password')
      .set('authorization', `Bearer ${here.accessToken}`)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ code: 'AUTH_PASSWORD_TOO_WEAK', details: [{ field: 'newPassword' }] });
    const wrongCurrent = await request(server())
      .post('/api/v1/auth/password')
      .set('authorization', `Bearer ${here.accessToken}`)
      .send({ currentPassword: 'not-the-current-one', newPassword: 'a-new-long-password' });
    expect(wrongCurrent.body.code).toBe('AUTH_CURRENT_PASSWORD_WRONG');
    await request(server())
      .post('/api/v1/auth/password')
      .set('authorization', `Bearer ${here.accessToken}`)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'a-new-long-password' })
      .expect(204);
    await me(here.accessToken).expect(200);
    expect((await me(elsewhere.accessToken)).body.code).toBe('AUTH_SESSION_ENDED');
    await request(server())
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(401);
    await login(server(), user.email, 'a-new-long-password');
  });

  it('ends the sign-ins of a deactivated account', async () => {
    const admin = await f.user(unitId, ['admin']);
    const adminToken = (await login(server(), admin.email)).accessToken;
    const user = await f.user(unitId, ['case_handler']);
    const pair = await login(server(), user.email);
    await request(server())
      .patch(`/api/v1/users/${user.id}`)
      .set('authorization', `Bearer ${adminToken}`)
      .send({ version: 1, active: false })
      .expect(200);
    expect((await me(pair.accessToken)).body.code).toBe('AUTH_SESSION_ENDED');
    await request(server())
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(401);
  });
});
