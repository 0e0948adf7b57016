import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { NotificationsService, type NotifyInput } from '../../src/notifications/notifications.service.js';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../src/notifications/domain/webhook-signature.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';

jest.setTimeout(60_000);

describe('notifications over HTTP', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let handler: string;
  let head: string;
  let admin: string;
  let counter = 0;
  const api = () => request(app.getHttpServer());
  const as = <T extends request.Test>(token: string, r: T) => r.set('authorization', `Bearer ${token}`);

  beforeAll(async () => {
    app = await startApi();
    dataSource = app.get<DataSource>(getDataSourceToken());
  });
  beforeEach(async () => {
    jest.restoreAllMocks();
    await truncateAll(dataSource);
    world = await twoAgencies(app);
    handler = (await login(app.getHttpServer(), world.users.case_handler.email)).accessToken;
    head = (await login(app.getHttpServer(), world.users.unit_head.email)).accessToken;
    admin = (await login(app.getHttpServer(), world.users.admin.email)).accessToken;
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A notification as escalations will make it, at a given moment (created_at comes from the Clock). */
  async function notify(userIds: string[], title: string, at: string): Promise<void> {
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(new Date(at));
    const input: NotifyInput = {
      userIds,
      kind: 'escalation',
      sourceKey: `escalation-e2e-${++counter}`,
      title,
      body: 'Thời hạn giải quyết: 20/03/2026.',
      link: `/api/v1/complaint-cases/0190a1b2-0000-7000-8000-00000000000${counter % 10}`,
      subjectType: 'complaint_case',
      subjectId: null,
      unitId: world.divisionA.id,
      webhookPayload: { level: 1 },
    };
    await dataSource.transaction((m) => app.get(NotificationsService).notify(m, input));
    jest.restoreAllMocks();
  }

  it('lists only my notifications, newest first, with unread filter and pages', async () => {
    const me = world.users.case_handler.id;
    await notify([me], 'Thứ nhất', '2026-03-11T01:00:00Z');
    await notify([me, world.users.unit_head.id], 'Thứ hai', '2026-03-11T02:00:00Z');
    await notify([world.users.unit_head.id], 'Của người khác', '2026-03-11T03:00:00Z');
    await notify([me], 'Thứ ba', '2026-03-11T04:00:00Z');

    const all = await as(handler, api().get('/api/v1/notifications')).expect(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 50, total: 3 });
    expect(all.body.items.map((n: { title: string }) => n.title)).toEqual(['Thứ ba', 'Thứ hai', 'Thứ nhất']);
    expect(all.body.items[0]).toMatchObject({
      kind: 'escalation',
      body: 'Thời hạn giải quyết: 20/03/2026.',
      unitId: world.divisionA.id,
      readAt: null,
      createdAt: '2026-03-11T04:00:00.000Z',
    });

    const second = await as(handler, api().get('/api/v1/notifications?page=2&pageSize=1')).expect(200);
    expect(second.body).toMatchObject({ page: 2, pageSize: 1, total: 3 });
    expect(second.body.items.map((n: { title: string }) => n.title)).toEqual(['Thứ hai']);

    await as(handler, api().post(`/api/v1/notifications/${all.body.items[1].id}/read`)).expect(200);
    const unread = await as(handler, api().get('/api/v1/notifications?unread=true')).expect(200);
    expect(unread.body.items.map((n: { title: string }) => n.title)).toEqual(['Thứ ba', 'Thứ nhất']);
    const read = await as(handler, api().get('/api/v1/notifications?unread=false')).expect(200);
    expect(read.body.items.map((n: { title: string }) => n.title)).toEqual(['Thứ hai']);

    const bad = await as(handler, api().get('/api/v1/notifications?unread=maybe')).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('counts unread ones, marks one and all read, and never someone else’s', async () => {
    const me = world.users.case_handler.id;
    await notify([me], 'Một', '2026-03-11T01:00:00Z');
    await notify([me], 'Hai', '2026-03-11T02:00:00Z');
    await notify([world.users.unit_head.id], 'Của trưởng đơn vị', '2026-03-11T03:00:00Z');
    const count = () => as(handler, api().get('/api/v1/notifications/unread-count')).expect(200);
    expect((await count()).body).toEqual({ unread: 2 });

    const mine = (await as(handler, api().get('/api/v1/notifications')).expect(200)).body.items;
    const theirs = (await as(head, api().get('/api/v1/notifications')).expect(200)).body.items;

    const marked = await as(handler, api().post(`/api/v1/notifications/${mine[0].id}/read`)).expect(200);
    expect(marked.body).toMatchObject({ id: mine[0].id, title: 'Hai' });
    expect(marked.body.readAt).toEqual(expect.any(String));
    // Marking again keeps the first time.
    const again = await as(handler, api().post(`/api/v1/notifications/${mine[0].id}/read`)).expect(200);
    expect(again.body.readAt).toBe(marked.body.readAt);
    expect((await count()).body).toEqual({ unread: 1 });

    const foreign = await as(handler, api().post(`/api/v1/notifications/${theirs[0].id}/read`)).expect(404);
    expect(foreign.body.code).toBe('NOTIFICATION_NOT_FOUND');
    const unknown = await as(
      handler,
      api().post('/api/v1/notifications/0190a1b2-0000-7000-8000-0000000000ff/read'),
    ).expect(404);
    expect(unknown.body.code).toBe('NOTIFICATION_NOT_FOUND');
    await as(handler, api().post('/api/v1/notifications/not-an-id/read')).expect(400);

    expect((await as(handler, api().post('/api/v1/notifications/read-all')).expect(200)).body).toEqual({
      marked: 1,
    });
    expect((await count()).body).toEqual({ unread: 0 });
    // The unit head's notification is untouched.
    expect((await as(head, api().get('/api/v1/notifications/unread-count')).expect(200)).body).toEqual({
      unread: 1,
    });
    await api().get('/api/v1/notifications').expect(401);
  });

  it('switches my e-mails to a daily digest, audited', async () => {
    const settings = '/api/v1/me/notification-settings';
    expect((await as(handler, api().get(settings)).expect(200)).body).toEqual({ emailDigest: false });
    expect((await as(handler, api().patch(settings).send({ emailDigest: true })).expect(200)).body).toEqual({
      emailDigest: true,
    });
    expect((await as(handler, api().get(settings)).expect(200)).body).toEqual({ emailDigest: true });
    const [row] = await dataSource.query('SELECT email_digest FROM users WHERE id = ?', [
      world.users.case_handler.id,
    ]);
    expect(Number(row.email_digest)).toBe(1);
    const audit = await dataSource.query(
      "SELECT action, entity_id FROM audit_log WHERE entity_type = 'user' AND entity_id = ? AND action = 'update'",
      [world.users.case_handler.id],
    );
    expect(audit).toHaveLength(1);
    await as(handler, api().patch(settings).send({ emailDigest: 'yes' })).expect(400);
    await as(handler, api().patch(settings).send({})).expect(400);
  });

  it('lets administrators register webhook endpoints: the secret is shown once and stored sealed', async () => {
    const created = await as(
      admin,
      api()
        .post('/api/v1/webhook-endpoints')
        .send({
          url: 'https://he-thong-khac.example.gov.vn/hooks',
          events: ['escalation', 'enforcement_overdue'],
        }),
    ).expect(201);
    expect(created.body).toMatchObject({
      url: 'https://he-thong-khac.example.gov.vn/hooks',
      events: ['escalation', 'enforcement_overdue'],
      active: true,
    });
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const list = await as(admin, api().get('/api/v1/webhook-endpoints')).expect(200);
    expect(list.body).toEqual([
      {
        id: created.body.id,
        url: created.body.url,
        events: created.body.events,
        active: true,
        createdAt: created.body.createdAt,
      },
    ]);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    const [stored] = await dataSource.query('SELECT * FROM webhook_endpoints');
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(Buffer.from(stored.secret_ciphertext).toString('latin1')).not.toContain(secret);

    const paused = await as(
      admin,
      api().patch(`/api/v1/webhook-endpoints/${created.body.id}`).send({ active: false }),
    ).expect(200);
    expect(paused.body).toMatchObject({ id: created.body.id, active: false });
    expect(paused.body.secret).toBeUndefined();
    const audit = await dataSource.query(
      "SELECT action FROM audit_log WHERE entity_type = 'webhook_endpoint' ORDER BY id + 0",
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update']);
    expect(JSON.stringify(await dataSource.query('SELECT * FROM audit_log'))).not.toContain(secret);

    await as(
      admin,
      api().patch('/api/v1/webhook-endpoints/0190a1b2-0000-7000-8000-0000000000ff').send({ active: true }),
    ).expect(404);
  });

  it.each([
    [{ url: 'ftp://example.gov.vn/x', events: ['escalation'] }],
    [{ url: 'not a url', events: ['escalation'] }],
    [{ url: 'https://example.gov.vn/x', events: [] }],
    [{ url: 'https://example.gov.vn/x', events: ['Leo Thang'] }],
    [{ url: 'https://example.gov.vn/x', events: ['escalation'], secret: 'mine' }],
  ])('refuses an invalid endpoint %j', async (body) => {
    const res = await as(admin, api().post('/api/v1/webhook-endpoints').send(body)).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('keeps webhook endpoints to administrators', async () => {
    const res = await as(
      head,
      api()
        .post('/api/v1/webhook-endpoints')
        .send({ url: 'https://x.example.gov.vn/h', events: ['escalation'] }),
    ).expect(403);
    expect(res.body.code).toBe('AUTH_FORBIDDEN');
    await as(handler, api().get('/api/v1/webhook-endpoints')).expect(403);
  });
  it('sends a signed test call on demand and shows what it sent, the signature a receiver verifies', async () => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    let answer = 204;
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = receiver.address() as AddressInfo;
      const created = await as(
        admin,
        api()
          .post('/api/v1/webhook-endpoints')
          .send({ url: `http://127.0.0.1:${port}/hooks`, events: ['escalation'] }),
      ).expect(201);
      // Paused, it can still be tested: that is how a receiver is checked before it is resumed.
      await as(
        admin,
        api().patch(`/api/v1/webhook-endpoints/${created.body.id}`).send({ active: false }),
      ).expect(200);
      const test = await as(admin, api().post(`/api/v1/webhook-endpoints/${created.body.id}/test`)).expect(
        201,
      );
      expect(test.body).toMatchObject({ status: 204, acknowledged: true });
      expect(received).toHaveLength(1);
      const [call] = received;
      expect(call.body).toBe(test.body.body);
      expect(call.headers['x-tiepdan-signature']).toBe(test.body.signature);
      expect(call.headers['x-tiepdan-delivery']).toBe(test.body.deliveryId);
      expect(JSON.parse(call.body)).toMatchObject({ event: 'test', id: test.body.deliveryId });
      // The signature is the one a receiver checks with the secret it was shown at registration.
      expect(
        verifyWebhookSignature(
          created.body.secret,
          call.headers['x-tiepdan-timestamp'] as string,
          call.body,
          call.headers['x-tiepdan-signature'] as string,
          test.body.timestamp,
        ),
      ).toBe(true);
      expect(JSON.stringify(test.body)).not.toContain(created.body.secret);
      // A receiver that refuses: shown as not acknowledged, with its status.
      answer = 401;
      const refused = await as(admin, api().post(`/api/v1/webhook-endpoints/${created.body.id}/test`)).expect(
        201,
      );
      expect(refused.body).toMatchObject({ status: 401, acknowledged: false });
      const audit = await dataSource.query(
        "SELECT action FROM audit_log WHERE entity_type = 'webhook_endpoint' AND entity_id = ? ORDER BY id",
        [created.body.id],
      );
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update', 'test', 'test']);
      await as(head, api().post(`/api/v1/webhook-endpoints/${created.body.id}/test`)).expect(403);
      await as(admin, api().post(`/api/v1/webhook-endpoints/${crypto.randomUUID()}/test`)).expect(404);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
