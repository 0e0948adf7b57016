import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import * as ical from 'node-ical';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Role } from '../../src/auth/domain/roles.js';
import { MAU_03_COLUMNS } from '../../src/reception/domain/reception-book.js';
import { Clock } from '../../src/common/clock.js';
import { GZIP_MIN_BYTES } from '../../src/reception/public/public-calendar.cache.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { login, twoAgencies } from '../support/fixtures.js';

const CITIZEN = {
  fullName: 'Phạm Thị Hoa',
  address: 'phường Tân Phong',
  idNumber: '075301009876',
  phone: '0987654321',
};

/** Parses an iCalendar text and returns its events by UID. */
function events(text: string) {
  const out = new Map<string, ical.VEvent>();
  for (const item of Object.values(ical.sync.parseICS(text))) {
    if (item && item.type === 'VEVENT') out.set(item.uid, item);
  }
  return out;
}

describe('reception through the API and the public calendar', () => {
  let app: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  const tokens = {} as Record<Role, string>;
  let unitCode: string;
  let placeId: string;
  const api = () => request(app.getHttpServer());
  const as = <T extends request.Test>(role: Role, r: T) => r.set('authorization', `Bearer ${tokens[role]}`);

  beforeAll(async () => {
    app = await startApi();
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(new Date('2026-11-25T03:00:00Z'));
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    for (const role of [
      'reception_officer',
      'case_handler',
      'inspectorate_leader',
      'admin',
      'unit_head',
    ] as Role[]) {
      tokens[role] = (await login(app.getHttpServer(), world.users[role].email)).accessToken;
    }
    const [unit] = await app
      .get<DataSource>(getDataSourceToken())
      .query('SELECT code FROM units WHERE id = ?', [world.divisionA.id]);
    unitCode = unit.code;
    placeId = (
      await as('reception_officer', api().post('/api/v1/reception/places'))
        .send({
          unitId: world.divisionA.id,
          name: 'Phòng tiếp công dân',
          address: '1 Lê Lợi',
          room: 'Phòng 2',
        })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  const newSession = (date: string, extra: Record<string, unknown> = {}) =>
    as('reception_officer', api().post('/api/v1/reception/sessions'))
      .send({
        unitId: world.divisionA.id,
        kind: 'periodic',
        placeId,
        date,
        startTime: '07:30',
        endTime: '11:30',
        receiverName: 'Trần Văn Bình',
        receiverTitle: 'Trưởng phòng',
        topics: 'Chế độ chính sách',
        ...extra,
      })
      .expect(201);

  it('answers bad input with 400 and one detail per field', async () => {
    const res = await as('reception_officer', api().post('/api/v1/reception/visits'))
      .send({
        unitId: world.divisionA.id,
        visitDate: '2026-13-01',
        visitTime: '8h',
        receivingOfficerName: 'Lê Văn Cường',
        citizens: [{ fullName: 'A', address: 'xã B', idNumber: '12345', phone: 'abc' }],
        peopleCount: 0,
        summary: 'Nội dung',
        contentKind: 'rumour',
        withinCompetence: 'yes',
        outcome: 'guided',
      })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect([...new Set(res.body.details.map((d: { field: string }) => d.field))].sort()).toEqual([
      'citizens[0].fullName',
      'citizens[0].idNumber',
      'citizens[0].phone',
      'contentKind',
      'peopleCount',
      'visitDate',
      'visitTime',
      'withinCompetence',
    ]);
    expect(JSON.stringify(res.body)).not.toContain('12345');
  });

  it('answers a bad schedule preview or session filter with 400 naming the field; a good preview in words and dates', async () => {
    const preview = (body: Record<string, unknown>) =>
      as('reception_officer', api().post('/api/v1/reception/schedules/preview')).send({
        unitId: world.divisionA.id,
        validFrom: '2027-01-01',
        validUntil: '2027-06-30',
        ...body,
      });
    const weekday = await preview({ recurrence: { type: 'weekly', weekdays: [9] } }).expect(400);
    expect(weekday.body.details).toEqual([{ field: 'recurrence.weekdays', message: expect.any(String) }]);
    const range = await preview({
      recurrence: { type: 'monthly_day', day: 15 },
      validUntil: '2028-06-30',
    }).expect(400);
    expect(range.body.details.map((d: { field: string }) => d.field)).toEqual(['validUntil']);
    const missing = await as('reception_officer', api().post('/api/v1/reception/schedules/preview'))
      .send({ unitId: world.divisionA.id, validFrom: '2027-01-01', validUntil: '2027-02-30' })
      .expect(400);
    expect(missing.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'recurrence',
      'validUntil',
    ]);
    const ok = await preview({ recurrence: { type: 'monthly_weekday', week: 2, weekday: 4 } }).expect(200);
    expect(ok.body.recurrenceText).toBe('thứ Năm tuần thứ hai hằng tháng');
    expect(ok.body.occurrences.map((o: { nominalDate: string }) => o.nominalDate).slice(0, 2)).toEqual([
      '2027-01-14',
      '2027-02-11',
    ]);
    await as('reception_officer', api().get('/api/v1/reception/sessions'))
      .query({ calendarConflict: 'maybe' })
      .expect(400);
  });

  it("answers a list filtered on a unit outside the caller's units with 404, like any out-of-scope id", async () => {
    for (const path of ['places', 'schedules', 'sessions', 'visits', 'pending-intakes']) {
      const outside = await as(
        'case_handler',
        api().get(`/api/v1/reception/${path}`).query({ unitId: world.divisionB.id }),
      );
      expect([path, outside.status]).toEqual([path, 404]);
      expect(outside.body.code).toMatch(/_NOT_FOUND$/);
      await as(
        'case_handler',
        api().get(`/api/v1/reception/${path}`).query({ unitId: world.divisionA.id }),
      ).expect(200);
    }
  });

  it('refuses control characters in text that reaches the public page and the feeds', async () => {
    const res = await as('reception_officer', api().post('/api/v1/reception/sessions')).send({
      unitId: world.divisionA.id,
      kind: 'periodic',
      placeId,
      date: '2026-12-22',
      startTime: '07:30',
      endTime: '11:30',
      receiverName: 'Trần Văn\u0000Bình',
      receiverTitle: 'Trưởng phòng',
      topics: 'Chế độ chính sách\nvà đất đai',
    });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['receiverName']);
  });

  it('enforces group representatives over HTTP (12 people, 6 representatives → 400 on citizens)', async () => {
    const citizens = Array.from({ length: 6 }, (_, i) => ({
      fullName: `Người đại diện ${i + 1}`,
      address: 'xã Tân Lập',
      idNumber: `07520300400${i}`,
      representative: true,
    }));
    const res = await as('reception_officer', api().post('/api/v1/reception/visits'))
      .send({
        unitId: world.divisionA.id,
        visitDate: '2026-11-24',
        visitTime: '08:30',
        receivingOfficerName: 'Lê Văn Cường',
        citizens,
        peopleCount: 12,
        summary: 'Kiến nghị về bồi thường giải phóng mặt bằng',
        contentKind: 'petition',
        withinCompetence: false,
        outcome: 'guided',
        guidanceBody: 'UBND tỉnh',
      })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'RECEPTION_INVALID', details: [{ field: 'citizens' }] });
  });

  it("shows a visit's citizens to reception officers and inspectorate leaders (audited), never to case handlers or the admin", async () => {
    const created = await as('reception_officer', api().post('/api/v1/reception/visits'))
      .send({
        unitId: world.divisionA.id,
        visitDate: '2026-11-24',
        visitTime: '09:15',
        receivingOfficerName: 'Lê Văn Cường',
        citizens: [CITIZEN],
        peopleCount: 1,
        summary: 'Khiếu nại quyết định xử phạt',
        contentKind: 'complaint',
        withinCompetence: true,
        outcome: 'letter_received',
      })
      .expect(201);
    expect(created.body).toMatchObject({ replyDue: '2026-12-08', visitNumber: 1 });
    const id = created.body.id;
    for (const role of ['reception_officer', 'inspectorate_leader', 'unit_head'] as Role[]) {
      const res = await as(role, api().get(`/api/v1/reception/visits/${id}`)).expect(200);
      expect(res.body.citizens).toEqual([{ ...CITIZEN, representative: false }]);
    }
    for (const role of ['case_handler', 'admin'] as Role[]) {
      const res = await as(role, api().get(`/api/v1/reception/visits/${id}`)).expect(200);
      expect(res.body.citizens).toBeNull();
      expect(JSON.stringify(res.body)).not.toContain(CITIZEN.idNumber);
    }
    const list = await as(
      'reception_officer',
      api().get(`/api/v1/reception/visits?unitId=${world.divisionA.id}`),
    ).expect(200);
    expect(list.body.total).toBe(1);
    expect(JSON.stringify(list.body)).not.toContain(CITIZEN.fullName);
    const reads = await app
      .get<DataSource>(getDataSourceToken())
      .query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'read' AND entity_id = ?", [id]);
    expect(Number(reads[0].n)).toBe(3);
    await as(
      'case_handler',
      api().get(`/api/v1/reception/book/export?unitId=${world.divisionA.id}&from=2026-11-01&to=2026-11-30`),
    ).expect(403);
  });

  it("withholds a denunciation visit's dictated text from roles without personal data (LTC art. 56(2))", async () => {
    const marker = 'Tố cáo ông Nguyễn Văn Tài, kế toán, do chính tôi là Phạm Thị Mận chứng kiến';
    const visit = (contentKind: string) =>
      as('reception_officer', api().post('/api/v1/reception/visits'))
        .send({
          unitId: world.divisionA.id,
          visitDate: '2026-11-24',
          visitTime: '10:00',
          receivingOfficerName: 'Lê Văn Cường',
          citizens: [CITIZEN],
          peopleCount: 1,
          summary: marker,
          earlierHandling: `Đã gửi đơn — ${marker}`,
          contentKind,
          withinCompetence: true,
          outcome: 'letter_received',
        })
        .expect(201);
    const denunciation = (await visit('denunciation')).body.id;
    const complaint = (await visit('complaint')).body.id;
    const forHandler = await as('case_handler', api().get(`/api/v1/reception/visits/${denunciation}`)).expect(
      200,
    );
    expect(forHandler.body).toMatchObject({ textWithheld: true, summary: null, earlierHandling: null });
    const list = await as(
      'case_handler',
      api().get(`/api/v1/reception/visits?unitId=${world.divisionA.id}`),
    ).expect(200);
    const listed = list.body.items.filter((v: { id: string }) => v.id === denunciation || v.id === complaint);
    expect(listed.map((v: { textWithheld: boolean }) => v.textWithheld).sort()).toEqual([false, true]);
    expect(JSON.stringify(list.body.items.find((v: { id: string }) => v.id === denunciation))).not.toContain(
      'Mận',
    );
    // The complaint's content is the handler's work material; the officer who recorded both sees both.
    expect((await as('case_handler', api().get(`/api/v1/reception/visits/${complaint}`))).body.summary).toBe(
      marker,
    );
    expect(
      (await as('reception_officer', api().get(`/api/v1/reception/visits/${denunciation}`))).body.summary,
    ).toBe(marker);
  });

  it('exports the book over HTTP as an XLSX attachment with the Mẫu 03/TCD header', async () => {
    const res = await as('inspectorate_leader', api().get('/api/v1/reception/book/export'))
      .query({ unitId: world.divisionA.id, from: '2026-11-01', to: '2026-11-30' })
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="so-tiep-cong-dan_2026-11-01_2026-11-30.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    expect((workbook.worksheets[0].getRow(4).values as unknown[]).slice(1)).toEqual([...MAU_03_COLUMNS]);
  });

  it('publishes sessions without login: JSON with cancelled and postponed sessions as such, and no citizen data', async () => {
    const kept = (await newSession('2026-12-08')).body.session;
    const cancelled = (await newSession('2026-12-10')).body.session;
    const moved = (await newSession('2026-12-15')).body.session;
    // The link of an online session goes to the citizens invited (NĐ 154/2026 art. 23), never to the public.
    const onlineUrl = 'https://hop.example.gov.vn/phong-kin-7f3a9c';
    const online = (await newSession('2026-12-17', { mode: 'online', placeId: undefined, onlineUrl })).body
      .session;
    await as('reception_officer', api().post(`/api/v1/reception/sessions/${cancelled.id}/cancel`))
      .send({ version: cancelled.version, reason: 'Lãnh đạo họp đột xuất' })
      .expect(200);
    await as('reception_officer', api().post(`/api/v1/reception/sessions/${moved.id}/postpone`))
      .send({ version: moved.version, newDate: '2027-01-05', reason: 'Trùng lịch tiếp xúc cử tri' })
      .expect(200);
    const res = await api()
      .get('/lich-tiep-cong-dan.json')
      .query({ 'don-vi': unitCode, thang: '2026-12' })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const byId = new Map(res.body.sessions.map((s: { id: string }) => [s.id, s]));
    expect(byId.get(kept.id)).toMatchObject({ status: 'scheduled', date: '2026-12-08', startTime: '07:30' });
    expect(byId.get(cancelled.id)).toMatchObject({
      status: 'cancelled',
      statusReason: 'Lãnh đạo họp đột xuất',
    });
    expect(byId.get(moved.id)).toMatchObject({
      status: 'postponed',
      date: '2027-01-05',
      originalDate: '2026-12-15',
    });
    expect(res.body.unit).toEqual({ code: unitCode, name: 'Phòng A1' });
    expect(byId.get(online.id)).toMatchObject({ status: 'scheduled', date: '2026-12-17' });
    const page = await api()
      .get('/lich-tiep-cong-dan')
      .query({ 'don-vi': unitCode, thang: '2026-12' })
      .expect(200);
    const feed = await api().get('/lich-tiep-cong-dan.ics').query({ 'don-vi': unitCode }).expect(200);
    for (const text of [JSON.stringify(res.body), page.text, feed.text]) {
      expect(text).toContain('2026');
      for (const secret of [
        CITIZEN.fullName,
        CITIZEN.idNumber,
        CITIZEN.phone,
        'postedLate',
        onlineUrl,
        'phong-kin-7f3a9c',
      ]) {
        expect(text).not.toContain(secret);
      }
    }
    await api().get('/lich-tiep-cong-dan.json').query({ thang: '2026-13' }).expect(400);
    const unknown = await api()
      .get('/lich-tiep-cong-dan.json')
      .query({ 'don-vi': 'NO-SUCH-UNIT' })
      .expect(404);
    expect(unknown.body.code).toBe('PUBLIC_CALENDAR_UNIT_NOT_FOUND');
  });

  it('answers If-None-Match with 304 until the calendar changes', async () => {
    const first = await api()
      .get('/lich-tiep-cong-dan')
      .query({ 'don-vi': unitCode, thang: '2026-12' })
      .expect(200);
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await api()
      .get('/lich-tiep-cong-dan')
      .query({ 'don-vi': unitCode, thang: '2026-12' })
      .set('if-none-match', etag)
      .expect(304);
    expect(again.text ?? '').toBe('');
    expect(again.headers.etag).toBe(etag);
    await newSession('2026-12-22');
    const changed = await api()
      .get('/lich-tiep-cong-dan')
      .query({ 'don-vi': unitCode, thang: '2026-12' })
      .set('if-none-match', etag)
      .expect(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.text).toContain('Thứ Ba, 22/12/2026');
  });

  it('answers gzipped to a client that accepts it, as another representation with its own tag', async () => {
    const path = `/lich-tiep-cong-dan?don-vi=${unitCode}&thang=2026-12`;
    const get = (encoding: string, ifNoneMatch?: string) => {
      const r = api().get(path).set('accept-encoding', encoding);
      return ifNoneMatch ? r.set('if-none-match', ifNoneMatch) : r;
    };
    const plain = await get('identity').expect(200);
    const zipped = await get('gzip, deflate, br, zstd').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    for (const answer of [plain, zipped]) expect(answer.headers.vary).toMatch(/accept-encoding/i);
    // The same page (supertest gunzips), a fraction of the bytes on the wire, a tag of its own.
    expect(zipped.text).toBe(plain.text);
    expect(Number(zipped.headers['content-length'])).toBeLessThan(Buffer.byteLength(plain.text) / 2);
    expect(zipped.headers.etag).toBe(`${plain.headers.etag.slice(0, -1)}-gz"`);
    // Each tag revalidates its own representation only.
    await get('gzip', zipped.headers.etag).expect(304);
    await get('identity', plain.headers.etag).expect(304);
    await get('identity', zipped.headers.etag).expect(200);
    await get('gzip;q=0', zipped.headers.etag).expect(200);
    // The JSON and the feed as well, when they are not tiny.
    for (const other of [
      `/lich-tiep-cong-dan.json?don-vi=${unitCode}&thang=2026-12`,
      `/lich-tiep-cong-dan.ics?don-vi=${unitCode}`,
    ]) {
      const a = await api().get(other).set('accept-encoding', 'gzip').expect(200);
      const b = await api().get(other).set('accept-encoding', 'identity').expect(200);
      expect({ other, coding: a.headers['content-encoding'], same: a.text === b.text }).toEqual({
        other,
        coding: Buffer.byteLength(b.text) >= GZIP_MIN_BYTES ? 'gzip' : undefined,
        same: true,
      });
    }
  });

  it('serves iCalendar feeds that keep UIDs across edits, raise SEQUENCE, mark cancellations and carry Asia/Ho_Chi_Minh times', async () => {
    const a = (await newSession('2027-01-12')).body.session;
    const b = (await newSession('2027-01-14')).body.session;
    const c = (await newSession('2027-01-19', { startTime: '13:30', endTime: '17:00' })).body.session;
    const before = await api().get('/lich-tiep-cong-dan.ics').query({ 'don-vi': unitCode }).expect(200);
    expect(before.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(before.text).toContain('BEGIN:VTIMEZONE');
    const host = new URL(testConfig().http.publicBaseUrl).hostname;
    const uid = (id: string) => `${id}@${host}`;
    const first = events(before.text);
    expect(first.get(uid(a.id))).toMatchObject({ sequence: 0, status: 'CONFIRMED' });
    // 07:30 in Hanoi is 00:30 UTC; 13:30 is 06:30 UTC.
    expect(first.get(uid(a.id))!.start.toISOString()).toBe('2027-01-12T00:30:00.000Z');
    expect(first.get(uid(a.id))!.end?.toISOString()).toBe('2027-01-12T04:30:00.000Z');
    expect(first.get(uid(c.id))!.start.toISOString()).toBe('2027-01-19T06:30:00.000Z');
    expect((first.get(uid(a.id))!.start as Date & { tz?: string }).tz).toBe('Asia/Ho_Chi_Minh');

    await as('reception_officer', api().patch(`/api/v1/reception/sessions/${a.id}`))
      .send({ version: a.version, topics: 'Đất đai, môi trường', receiverName: 'Nguyễn Thị Lan' })
      .expect(200);
    await as('reception_officer', api().post(`/api/v1/reception/sessions/${b.id}/cancel`))
      .send({ version: b.version, reason: 'Nghỉ lễ bổ sung' })
      .expect(200);
    await as('reception_officer', api().post(`/api/v1/reception/sessions/${c.id}/postpone`))
      .send({
        version: c.version,
        newDate: '2027-01-21',
        startTime: '08:00',
        endTime: '10:00',
        reason: 'Thay đổi lịch',
      })
      .expect(200);

    const after = events(
      (await api().get('/lich-tiep-cong-dan.ics').query({ 'don-vi': unitCode }).expect(200)).text,
    );
    for (const id of [a.id, b.id, c.id]) expect(after.has(uid(id))).toBe(true);
    expect(after.get(uid(a.id))).toMatchObject({ sequence: 1, status: 'CONFIRMED' });
    expect(String(after.get(uid(a.id))!.description)).toContain('Nguyễn Thị Lan');
    expect(after.get(uid(b.id))).toMatchObject({ sequence: 1, status: 'CANCELLED' });
    expect(after.get(uid(c.id))).toMatchObject({ sequence: 1, status: 'CONFIRMED' });
    expect(after.get(uid(c.id))!.start.toISOString()).toBe('2027-01-21T01:00:00.000Z');

    const feed = await api().get('/lich-tiep-cong-dan.ics').query({ 'don-vi': unitCode }).expect(200);
    expect(feed.headers['content-disposition']).toBe(`inline; filename="lich-tiep-cong-dan-${unitCode}.ics"`);
  });

  it('shows a Vietnamese page with the form refilled and the problem named when the month is not valid', async () => {
    const res = await api()
      .get('/lich-tiep-cong-dan')
      .query({ 'don-vi': unitCode, thang: '12/2026' })
      .expect(400);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('role="alert"');
    expect(res.text).toContain('Tháng phải có dạng năm-tháng');
    expect(res.text).toContain('value="12/2026"');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('limits the public routes to the public rate', async () => {
    const limited = await startApi(testConfig({ RATE_LIMIT_PUBLIC_PER_MINUTE: '3' }));
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await request(limited.getHttpServer()).get('/lich-tiep-cong-dan.json')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});
