import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { IdentityKeyRotation } from '../../src/identity/key-rotation.service.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { testConfig, workerDatabaseName } from '../support/env.js';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { login, twoAgencies } from '../support/fixtures.js';

const key = () => randomBytes(32).toString('base64');
const OLD = `old1:${key()}`;
const NEW = `new2:${key()}`;
const ELIGIBLE = [
  'language',
  'dated',
  'identified_and_signed',
  'content_complete',
  'lawful_content',
  'legible',
].map((check) => ({ check, passed: true }));
const SCAN = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from('chữ ký Hoàng Thị Bảo Mật\n'),
  randomBytes(2000),
]);

/**
 * Master-key rotation: records sealed under an old key are re-wrapped under the new one, the data stays
 * readable all along, and once rotated the old key can be removed from the configuration.
 */
describe('rotating the identity master key', () => {
  const config = (keys: string) =>
    testConfig({
      IDENTITY_MASTER_KEYS: keys,
      IDENTITY_INDEX_KEY: 'QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=',
    });
  let app: NestFastifyApplication | undefined;
  let token: string;
  let email: string;
  const letters: string[] = [];
  let attachment: { letterId: string; id: string };
  let authorised: string;

  async function start(keys: string) {
    await app?.close();
    app = await startApi(config(keys));
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(new Date('2026-11-25T03:00:00Z'));
    token = (await login(app.getHttpServer(), email)).accessToken;
    return app;
  }
  const keyIds = async () =>
    (
      await app!.get<DataSource>(getDataSourceToken()).query(
        `SELECT key_id FROM letter_petitioners UNION ALL SELECT key_id FROM protected_letter_texts
           UNION ALL SELECT key_id FROM letter_attachments WHERE key_id IS NOT NULL
           UNION ALL SELECT key_id FROM letter_authorisations`,
      )
    ).map((r: { key_id: string }) => r.key_id);

  beforeAll(async () => {
    app = await startApi(config(OLD));
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    const world = await twoAgencies(app);
    email = world.users.reception_officer.email;
    await start(OLD);
    for (let i = 0; i < 3; i++) {
      const res = await request(app.getHttpServer())
        .post('/api/v1/letters')
        .set('authorization', `Bearer ${token}`)
        .send({
          unitId: world.divisionA.id,
          receivedOn: '2026-11-20',
          channel: 'post',
          classification: 'denunciation',
          subject: `Tố cáo sai phạm ${i}`,
          content: `Tôi là Hoàng Thị Bảo Mật ${i}, tố cáo ông X nhận tiền.`,
          petitioners: [
            {
              fullName: `Hoàng Thị Bảo Mật ${i}`,
              idNumber: `07930100${String(i).padStart(4, '0')}`,
              address: 'xã Y',
            },
            { fullName: `Trịnh Văn Kín ${i}`, address: 'xã Y' },
          ],
          eligibility: ELIGIBLE,
        })
        .expect(201);
      letters.push(res.body.id);
    }
    const upload = await request(app.getHttpServer())
      .post(`/api/v1/letters/${letters[0]}/attachments`)
      .set('authorization', `Bearer ${token}`)
      .field('identifying', 'true')
      .attach('file', SCAN, 'chu-ky.pdf')
      .expect(201);
    attachment = { letterId: letters[0], id: upload.body.id };
    // A complaint lodged by an authorised lawyer: the lawyer's identity is sealed too (issue 20).
    const complaint = await request(app.getHttpServer())
      .post('/api/v1/letters')
      .set('authorization', `Bearer ${token}`)
      .send({
        unitId: world.divisionA.id,
        receivedOn: '2026-11-20',
        channel: 'post',
        classification: 'complaint',
        complaintTrack: 'first_time',
        subject: 'Khiếu nại quyết định thu hồi đất',
        content: 'Tôi khiếu nại quyết định thu hồi đất.',
        petitioners: [{ fullName: 'Đào Văn Ủy', address: 'xã Y' }],
        eligibility: ELIGIBLE,
      })
      .expect(201);
    authorised = complaint.body.id;
    await request(app.getHttpServer())
      .put(`/api/v1/letters/${authorised}/authorisation`)
      .set('authorization', `Bearer ${token}`)
      .send({
        kind: 'lawyer',
        person: { fullName: 'Luật sư Phan Văn Kín', practisingCardNumber: 'LS-12345' },
        documentRef: 'HĐDV 7/2026',
        documentDate: '2026-11-19',
        notarised: false,
        version: complaint.body.version,
      })
      .expect(200);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function readEverything() {
    const out: unknown[] = [];
    for (const id of letters) {
      const res = await request(app!.getHttpServer())
        .get(`/api/v1/letters/${id}/identity`)
        .set('authorization', `Bearer ${token}`);
      out.push([res.status, res.body.petitioners, res.body.content]);
    }
    const file = await request(app!.getHttpServer())
      .get(`/api/v1/letters/${attachment.letterId}/attachments/${attachment.id}`)
      .set('authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    out.push([file.status, (file.body as Buffer).equals(SCAN)]);
    const auth = await request(app!.getHttpServer())
      .get(`/api/v1/letters/${authorised}/authorisation`)
      .set('authorization', `Bearer ${token}`);
    out.push([auth.status, auth.body.person]);
    return out;
  }

  it('re-wraps every record under the new key; the old key can then be dropped', async () => {
    const before = await readEverything();
    expect(before.slice(0, 3).every((r) => (r as unknown[])[0] === 200)).toBe(true);
    expect(before[3]).toEqual([200, true]);
    expect(before[4]).toEqual([200, expect.objectContaining({ fullName: 'Luật sư Phan Văn Kín' })]);
    expect(new Set(await keyIds())).toEqual(new Set(['old1']));

    // Without the old key nothing opens (503: an operator must act), and nothing is shown.
    await start(NEW);
    const locked = await request(app!.getHttpServer())
      .get(`/api/v1/letters/${letters[1]}/identity`)
      .set('authorization', `Bearer ${token}`);
    expect(locked.status).toBe(503);
    expect(locked.body.code).toBe('IDENTITY_KEY_UNKNOWN');

    // The new key first, the old one kept: everything still reads, then rotation moves it all over.
    await start(`${NEW},${OLD}`);
    expect(await readEverything()).toEqual(before);
    const report = await app!.get(IdentityKeyRotation).rotate(2);
    expect(report).toEqual({
      currentKeyId: 'new2',
      sealed: { reception_visit_citizens: 0 },
      rewrapped: {
        letter_petitioners: 7,
        letter_authorisations: 1,
        protected_letter_texts: 3,
        reception_visit_citizens: 0,
        letter_attachments: 1,
        letter_subscriptions: 0,
      },
    });
    expect(new Set(await keyIds())).toEqual(new Set(['new2']));
    // A second run finds nothing left to do.
    expect((await app!.get(IdentityKeyRotation).rotate(2)).rewrapped).toEqual({
      letter_petitioners: 0,
      letter_authorisations: 0,
      protected_letter_texts: 0,
      reception_visit_citizens: 0,
      letter_attachments: 0,
      letter_subscriptions: 0,
    });
    const entries = await app!
      .get<DataSource>(getDataSourceToken())
      .query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'identity.rotate'");
    expect(Number(entries[0].n)).toBeGreaterThanOrEqual(4);

    // With only the new key, every record reads as before.
    await start(NEW);
    expect(await readEverything()).toEqual(before);
  });
});

describe('npm run identity:rotate', () => {
  it('runs the rotation from the command line and prints its report as one JSON line', () => {
    const run = spawnSync(
      process.execPath,
      [join(__dirname, '..', '..', 'dist', 'src', 'identity', 'cli', 'rotate-keys.cli.js')],
      {
        cwd: '/tmp',
        env: {
          ...process.env,
          DB_NAME: workerDatabaseName(),
          IDENTITY_MASTER_KEYS: NEW,
          IDENTITY_INDEX_KEY: 'QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=',
          LOG_LEVEL: 'silent',
        },
        encoding: 'utf8',
        timeout: 30000,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      currentKeyId: 'new2',
      sealed: { reception_visit_citizens: 0 },
      rewrapped: {
        letter_petitioners: 0,
        letter_authorisations: 0,
        protected_letter_texts: 0,
        reception_visit_citizens: 0,
        letter_attachments: 0,
        letter_subscriptions: 0,
      },
    });
  });
});
