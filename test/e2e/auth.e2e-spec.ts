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
    app = await startApi(testConfig({ AUTH_MAX_FAILED_LOGINS: '3', AUTH_LOCKOUT_MINUTES: '15' }));
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

  it('locks the account after repeated failures, answering like a wrong password, until the lock ends', async () => {
    const user = await f.user(unitId, ['case_handler']);
    for (let i = 0; i < 3; i++) {
      await request(server())
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: 'wrong-password-again' })
        .expect(401);
    }
    const locked = await request(server())
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: TEST_PASSWORD });
    const unknown = await request(server())
      .post('/api/v1/auth/login')
      .send({ email: 'nobody-at-all@test.tiepdan.vn', password: TEST_PASSWORD });
    expect(locked.status).toBe(401);
    expect(locked.body).toEqual(unknown.body);
    // The lock ends (moved into the past as time would), and the right password works again.
    await dataSource.query('UPDATE users SET locked_until = NOW(3) - INTERVAL 1 SECOND WHERE id = ?', [
      user.id,
    ]);
    await login(server(), user.email);
    const audit = await dataSource.query(
      "SELECT action, actor_user_id AS actor FROM audit_log WHERE entity_type = 'user' AND entity_id = ? ORDER BY id",
      [user.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'create',
      'login_failed',
      'login_failed',
      'login_locked',
      'login',
    ]);
    // Failed attempts are not the owner's doing: no actor; the successful sign-in is theirs.
    expect(audit.map((a: { actor: string | null }) => a.actor)).toEqual([null, null, null, null, user.id]);
  });

  it('checks at most the allowed number of passwords when guesses arrive all at once', async () => {
    const user = await f.user(unitId, ['case_handler']);
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        request(server())
          .post('/api/v1/auth/login')
          .send({ email: user.email, password: `guess-number-${i}-wrong` }),
      ),
    );
    expect(guesses.map((g) => g.status)).toEqual(Array(12).fill(401));
    const [checked] = await dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ? AND action IN ('login_failed', 'login_locked')",
      [user.id],
    );
    expect(Number(checked.n)).toBe(3);
    await request(server())
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(401);
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

  it('counts wrong current passwords against the sign-in limit', async () => {
    const user = await f.user(unitId, ['case_handler']);
    const pair = await login(server(), user.email);
    const change = (currentPassword: string) =>
      request(server())
        .post('/api/v1/auth/password')
        .set('authorization', `Bearer ${pair.accessToken}`)
        .send({ currentPassword, newPassword: 'a-new-long-password' });
    for (let i = 0; i < 3; i++)
      expect((await change(`wrong-guess-${i}`)).body.code).toBe('AUTH_CURRENT_PASSWORD_WRONG');
    const blocked = await change(TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('AUTH_TOO_MANY_ATTEMPTS');
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
