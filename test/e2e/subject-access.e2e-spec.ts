import { createHash } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { Clock } from '../../src/common/clock.js';
import { addDays } from '../../src/common/domain/local-date.js';
import { uuid7 } from '../../src/common/ids/uuid7.js';
import { foldVietnamese } from '../../src/common/domain/vietnamese-text.js';
import { IdentityVault } from '../../src/identity/identity-vault.js';
import { UsersService } from '../../src/users/users.service.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, TEST_PASSWORD, twoAgencies } from '../support/fixtures.js';
import {
  describeHit,
  findMarkers,
  markedDenouncer,
  needlesOf,
  type MarkedDenouncer,
} from '../support/leak.js';
import { ALL_PASSED } from '../support/eligibility.js';

/**
 * A data subject's request (issue 20, point 2): the subject X is a petitioner of a complaint (with a
 * co-petitioner C), the denouncer of a denunciation (with an e-mail subscription), the person a
 * complainant K authorised, a visitor (with another visitor V), an officer's account — and the person a
 * denouncer D denounces. The export holds every datum of X and nothing of C, V, K or D.
 */
describe('a data subject’s request: find, export, correct', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  const tokens: Record<string, string> = {};
  const api = () => request(app.getHttpServer());
  const as = <T extends request.Test>(who: string, r: T) => r.set('authorization', `Bearer ${tokens[who]}`);

  const X = markedDenouncer();
  const C = markedDenouncer();
  const V = markedDenouncer();
  const K = markedDenouncer();
  const D = markedDenouncer();
  const others = [...needlesOf('C', C), ...needlesOf('V', V), ...needlesOf('K', K), ...needlesOf('D', D)];
  const ids: Record<string, string> = {};
  const ref = 'YC-2026/15';
  const person = (p: MarkedDenouncer) => ({
    fullName: p.fullName,
    address: p.address,
    idNumber: p.idNumber,
    phone: p.phone,
    email: p.email,
  });

  async function letter(body: Record<string, unknown>) {
    const res = await as('reception_officer', api().post('/api/v1/letters')).send({
      unitId: world.divisionA.id,
      receivedOn: addDays(app.get(Clock).today(), -2),
      channel: 'post',
      eligibility: ALL_PASSED,
      ...body,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number };
  }

  const search = (body: Record<string, unknown>, who = 'custodian') =>
    as(who, api().post('/api/v1/subject-access/searches')).send({ requestRef: ref, ...body });
  const exportOf = (format: 'json' | 'html', body: Record<string, unknown> = { idNumber: X.idNumber }) =>
    as('custodian', api().post('/api/v1/subject-access/exports')).send({ requestRef: ref, format, ...body });

  beforeAll(async () => {
    app = await startApi();
    ds = app.get<DataSource>(getDataSourceToken());
    await truncateAll(ds);
    world = await twoAgencies(app);
    const outsider = await world.f.user(world.divisionB.id, ['identity_custodian']);
    for (const [who, email] of [
      ['reception_officer', world.users.reception_officer.email],
      ['unit_head', world.users.unit_head.email],
      ['custodian', world.users.identity_custodian.email],
      ['outsider', outsider.email],
    ]) {
      tokens[who] = (await login(app.getHttpServer(), email)).accessToken;
    }

    // 1. A complaint by X and C; its text names both.
    ids.complaint = (
      await letter({
        classification: 'complaint',
        complaintTrack: 'first_time',
        subject: 'Khiếu nại quyết định thu hồi đất',
        content: `Chúng tôi là ${X.fullName} và ${C.fullName} (điện thoại ${C.phone}), khiếu nại Quyết định số 45/QĐ-UBND.`,
        petitioners: [person(X), person(C)],
      })
    ).id;
    // 2. X denounces an official; X subscribed to the letter's news.
    ids.ownDenunciation = (
      await letter({
        classification: 'denunciation',
        subject: 'Tố cáo ông Lê Văn Tham nhận tiền',
        content: `Tôi là ${X.fullName}, tố cáo ông Lê Văn Tham, cán bộ địa chính xã, nhận tiền sai quy định.`,
        petitioners: [person(X)],
      })
    ).id;
    const vault = app.get(IdentityVault);
    const subId = uuid7();
    const s = vault.seal(subId, { email: X.email });
    await ds.query(
      `INSERT INTO letter_subscriptions (id, letter_id, key_id, wrapped_key, ciphertext, unsubscribe_hash)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [
        subId,
        ids.ownDenunciation,
        s.keyId,
        s.wrappedKey,
        s.ciphertext,
        createHash('sha256').update(subId).digest('hex'),
      ],
    );
    await ds.query(
      `INSERT INTO letter_subscription_messages (id, subscription_id, event_key, event_date, text, status)
       VALUES (?, ?, ?, ?, ?, 'sent')`,
      [
        uuid7(),
        subId,
        createHash('sha256').update('received').digest('hex'),
        '2026-12-01',
        'Đơn đã được tiếp nhận.',
      ],
    );
    // 3. K complains and authorises X.
    const kLetter = await letter({
      classification: 'complaint',
      complaintTrack: 'first_time',
      subject: 'Khiếu nại việc bồi thường',
      content: `Tôi là ${K.fullName}, khiếu nại việc bồi thường khi thu hồi đất.`,
      petitioners: [person(K)],
    });
    ids.authorised = kLetter.id;
    await as('reception_officer', api().put(`/api/v1/letters/${kLetter.id}/authorisation`))
      .send({
        kind: 'relative',
        person: {
          fullName: X.fullName,
          address: X.address,
          idNumber: X.idNumber,
          phone: X.phone,
          relationship: 'con',
        },
        documentRef: 'GUQ 15/2026',
        documentDate: addDays(app.get(Clock).today(), -3),
        notarised: true,
        certificationRef: 'CT 5521',
        version: kLetter.version,
      })
      .expect(200);
    // 4. X and V come to the reception desk; the summary names V.
    const visit = await as('reception_officer', api().post('/api/v1/reception/visits')).send({
      unitId: world.divisionA.id,
      visitDate: addDays(app.get(Clock).today(), -1),
      visitTime: '08:30',
      receivingOfficerName: 'Lê Văn Cường',
      citizens: [
        { fullName: X.fullName, address: X.address, idNumber: X.idNumber, phone: X.phone },
        { fullName: V.fullName, address: V.address, idNumber: V.idNumber, phone: V.phone },
      ],
      peopleCount: 2,
      summary: `Hai công dân trình bày việc tranh chấp ranh giới đất; bà ${V.fullName} đưa bản đồ địa chính.`,
      contentKind: 'petition',
      withinCompetence: true,
      outcome: 'letter_received',
    });
    if (visit.status !== 201) throw new Error(`${visit.status} ${JSON.stringify(visit.body)}`);
    ids.visit = visit.body.id;
    // 4b. X denounces in person: the visitor row is sealed (ADR 0009), found by the blind index.
    const protectedVisit = await as('reception_officer', api().post('/api/v1/reception/visits')).send({
      unitId: world.divisionA.id,
      visitDate: addDays(app.get(Clock).today(), -1),
      visitTime: '10:30',
      receivingOfficerName: 'Lê Văn Cường',
      citizens: [{ fullName: X.fullName, address: X.address, idNumber: X.idNumber, phone: X.phone }],
      peopleCount: 1,
      summary: 'Công dân tố cáo cán bộ địa chính xã nhận tiền.',
      contentKind: 'denunciation',
      withinCompetence: true,
      outcome: 'letter_received',
    });
    if (protectedVisit.status !== 201)
      throw new Error(`${protectedVisit.status} ${JSON.stringify(protectedVisit.body)}`);
    ids.protectedVisit = protectedVisit.body.id;
    // 5. D denounces X.
    ids.denounced = (
      await letter({
        classification: 'denunciation',
        subject: `Tố cáo bà ${X.fullName} lấn chiếm đất công`,
        content: `Tôi là ${D.fullName}, CCCD ${D.idNumber}, điện thoại ${D.phone}, tố cáo bà ${X.fullName} lấn chiếm đất công.`,
        petitioners: [person(D)],
      })
    ).id;
    // 5b. D also came in person to denounce X: a sealed visit whose summary names X.
    const dVisit = await as('reception_officer', api().post('/api/v1/reception/visits')).send({
      unitId: world.divisionA.id,
      visitDate: addDays(app.get(Clock).today(), -1),
      visitTime: '14:00',
      receivingOfficerName: 'Lê Văn Cường',
      citizens: [{ fullName: D.fullName, address: D.address, idNumber: D.idNumber, phone: D.phone }],
      peopleCount: 1,
      summary: `Công dân tố cáo bà ${foldVietnamese(X.fullName)} lấn chiếm đất công, có ảnh chụp.`,
      contentKind: 'denunciation',
      withinCompetence: true,
      outcome: 'letter_received',
    });
    if (dVisit.status !== 201) throw new Error(`${dVisit.status} ${JSON.stringify(dVisit.body)}`);
    ids.dVisit = dVisit.body.id;
    // 6. X is also an officer with an account under the same e-mail.
    ids.account = (
      await app.get(UsersService).create(SYSTEM_ACTOR, {
        email: X.email,
        fullName: X.fullName,
        unitId: world.divisionA.id,
        roles: ['case_handler'],
        password: TEST_PASSWORD,
      })
    ).id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('finds every record held about the person by căn cước number, through the blind indexes', async () => {
    const res = await search({ idNumber: X.idNumber }).expect(200);
    const kinds = res.body.records.map((r: { kind: string; recordId: string }) => `${r.kind}:${r.recordId}`);
    expect(kinds.sort()).toEqual(
      [
        `letter_petitioner:${ids.complaint}`,
        `letter_petitioner:${ids.ownDenunciation}`,
        `letter_subscription:${ids.ownDenunciation}`,
        `letter_authorisation:${ids.authorised}`,
        `reception_visitor:${ids.visit}`,
        `reception_visitor:${ids.protectedVisit}`,
        `account:${ids.account}`,
        `letter_mention:${ids.denounced}`,
        `visit_mention:${ids.dVisit}`,
      ].sort(),
    );
    const petitioner = res.body.records.find((r: { recordId: string }) => r.recordId === ids.complaint);
    expect(petitioner).toMatchObject({
      role: 'petitioner',
      matchedOn: 'id_number',
      fields: ['fullName', 'address', 'idNumber', 'phone', 'email'],
      correctable: true,
    });
    // The search answer names fields, never values; nor anyone else.
    expect(findMarkers(JSON.stringify(res.body), [...needlesOf('X', X), ...others]).map(describeHit)).toEqual(
      [],
    );
  });

  it('finds the person by name and address too', async () => {
    const res = await search({ fullName: X.fullName.toUpperCase(), address: X.address }).expect(200);
    const kinds = res.body.records.map((r: { kind: string }) => r.kind).sort();
    expect(kinds).toEqual(
      expect.arrayContaining([
        'letter_petitioner',
        'letter_petitioner',
        'reception_visitor',
        'letter_mention',
      ]),
    );
    expect(res.body.searchedBy).toBe('name_and_address');
    // A name and an address are what the denounced person may know too: not enough to open X's
    // denunciation (LTC art. 47); the complaint is answered.
    const byRecord = (id: string) =>
      res.body.records.find(
        (r: { kind: string; recordId: string }) => r.kind === 'letter_petitioner' && r.recordId === id,
      );
    expect(byRecord(ids.ownDenunciation)).toMatchObject({
      correctable: false,
      withheld: expect.stringContaining('số căn cước'),
    });
    expect(byRecord(ids.complaint)).toMatchObject({ correctable: true, withheld: null });
    const exported = (await exportOf('json', { fullName: X.fullName, address: X.address }).expect(200)).body;
    const denunciation = exported.records.find(
      (r: { recordId: string }) => r.recordId === ids.ownDenunciation,
    );
    expect(denunciation).toMatchObject({ data: null, texts: null });
    const protectedFix = await as('custodian', api().post('/api/v1/subject-access/corrections'))
      .send({
        requestRef: ref,
        fullName: X.fullName,
        address: X.address,
        kind: 'letter_petitioner',
        rowId: byRecord(ids.ownDenunciation).rowId,
        version: byRecord(ids.ownDenunciation).version,
        reason: 'Công dân đề nghị sửa số điện thoại',
        values: { phone: '0912000333' },
      })
      .expect(403);
    expect(protectedFix.body.code).toBe('SUBJECT_ACCESS_PROTECTED');
  });

  it('exports every datum held about the person and nothing about anyone else (JSON and HTML)', async () => {
    const json = await exportOf('json').expect(200);
    expect(json.headers['content-type']).toContain('application/json');
    expect(json.headers['cache-control']).toBe('no-store');
    const text = json.text;
    for (const value of [X.fullName, X.address, X.idNumber, X.phone, X.email]) expect(text).toContain(value);
    expect(findMarkers(text, others).map(describeHit)).toEqual([]);
    const body = JSON.parse(text);
    const own = body.records.find((r: { kind: string; recordId: string }) => r.recordId === ids.complaint);
    expect(own.data).toMatchObject(person(X));
    // The letter X wrote, with the co-petitioner cut out by the identity matcher.
    expect(own.texts.content).toContain(X.fullName);
    expect(own.texts.content).toContain('[đã ẩn]');
    const visitor = body.records.find((r: { recordId: string }) => r.recordId === ids.visit);
    expect(visitor.data).toMatchObject({ fullName: X.fullName, idNumber: X.idNumber, phone: X.phone });
    expect(visitor.texts.summary).toContain('tranh chấp ranh giới');
    const sub = body.records.find((r: { kind: string }) => r.kind === 'letter_subscription');
    expect(sub.data).toMatchObject({
      email: X.email,
      messages: [{ date: '2026-12-01', text: 'Đơn đã được tiếp nhận.' }],
    });
    const auth = body.records.find((r: { kind: string }) => r.kind === 'letter_authorisation');
    expect(auth.data).toMatchObject({
      fullName: X.fullName,
      relationship: 'con',
      documentRef: 'GUQ 15/2026',
    });
    expect(auth.texts).toBeNull();

    const html = await exportOf('html').expect(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toContain('DỮ LIỆU CÁ NHÂN ĐANG ĐƯỢC XỬ LÝ');
    for (const value of [X.fullName, X.idNumber, X.phone, X.email]) expect(html.text).toContain(value);
    expect(findMarkers(html.text, others).map(describeHit)).toEqual([]);
  });

  it('tells the denounced person a denunciation names them, never who denounced them (LTC art. 47)', async () => {
    const body = (await exportOf('json').expect(200)).body;
    const mention = body.records.find((r: { kind: string }) => r.kind === 'letter_mention');
    expect(mention).toMatchObject({
      recordId: ids.denounced,
      role: 'named_in_text',
      category: 'denunciation',
      data: null,
      texts: null,
      correctable: false,
    });
    expect(mention.withheld).toContain('điều 47');
    const visitMention = body.records.find((r: { kind: string }) => r.kind === 'visit_mention');
    expect(visitMention).toMatchObject({
      recordId: ids.dVisit,
      protectedRecord: true,
      data: null,
      texts: null,
    });
    expect(findMarkers(JSON.stringify(body), needlesOf('D', D)).map(describeHit)).toEqual([]);
  });

  it('audits searches and exports with the request reference, never the person', async () => {
    const rows: Array<{ action: string; entity_type: string; changes: unknown }> = await ds.query(
      "SELECT action, entity_type, changes FROM audit_log WHERE action LIKE 'subject_access.%' OR (action = 'read' AND JSON_SEARCH(changes, 'one', 'basis:subject_access') IS NOT NULL)",
    );
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['subject_access.search', 'subject_access.export', 'read']),
    );
    const search = rows.find((r) => r.action === 'subject_access.search')!;
    expect(JSON.stringify(search.changes)).toContain(ref);
    expect(findMarkers(JSON.stringify(rows), [...needlesOf('X', X), ...others]).map(describeHit)).toEqual([]);
  });

  it('corrects a datum: re-sealed, indexes re-computed, audited; a stale version is 409', async () => {
    const found = (await search({ idNumber: X.idNumber }).expect(200)).body.records.find(
      (r: { recordId: string }) => r.recordId === ids.complaint,
    );
    const newAddress = `${X.address} (số mới 12)`;
    const body = {
      requestRef: ref,
      idNumber: X.idNumber,
      kind: 'letter_petitioner',
      rowId: found.rowId,
      version: found.version,
      reason: 'Công dân đề nghị sửa địa chỉ theo giấy xác nhận cư trú',
      values: { address: newAddress },
    };
    // A reason that carries the datum is refused: the trail keeps reasons as written.
    const named = await as('custodian', api().post('/api/v1/subject-access/corrections'))
      .send({ ...body, reason: `Sửa thành ${newAddress}` })
      .expect(400);
    expect(named.body.code).toBe('IDENTITY_IN_TEXT');

    const cleared = await as('custodian', api().post('/api/v1/subject-access/corrections'))
      .send({ ...body, values: { fullName: null } })
      .expect(400);
    expect(cleared.body.details).toEqual([{ field: 'values.fullName', message: 'cannot be cleared' }]);

    const ok = await as('custodian', api().post('/api/v1/subject-access/corrections')).send(body).expect(200);
    expect(ok.body.version).toBe(found.version + 1);
    const stale = await as('custodian', api().post('/api/v1/subject-access/corrections'))
      .send(body)
      .expect(409);
    expect(stale.body.code).toBe('SUBJECT_ACCESS_VERSION_CONFLICT');

    // The name + address index follows the new address; the export shows it.
    const byNew = await search({ fullName: X.fullName, address: newAddress }).expect(200);
    expect(byNew.body.records.map((r: { recordId: string }) => r.recordId)).toContain(ids.complaint);
    const exported = (await exportOf('json').expect(200)).body;
    expect(
      exported.records.find((r: { recordId: string }) => r.recordId === ids.complaint).data.address,
    ).toBe(newAddress);
    const [entry] = await ds.query(
      "SELECT entity_type, entity_id, changes FROM audit_log WHERE action = 'subject_access.correct'",
    );
    expect(entry).toMatchObject({ entity_type: 'letter', entity_id: ids.complaint });
    const changes = typeof entry.changes === 'string' ? JSON.parse(entry.changes) : entry.changes;
    expect(changes.requestRef.after).toBe(ref);
    expect(changes.reason.after).toBe(body.reason);
    expect(changes['letter_petitioner.address']).toEqual({ before: '[redacted]', after: '[redacted]' });
  });

  it('corrects a visitor’s phone in the book, plain or sealed', async () => {
    const records = (await search({ idNumber: X.idNumber }).expect(200)).body.records;
    for (const visitId of [ids.visit, ids.protectedVisit]) {
      const found = records.find((r: { recordId: string }) => r.recordId === visitId);
      expect(found.protectedRecord).toBe(visitId === ids.protectedVisit);
      await as('custodian', api().post('/api/v1/subject-access/corrections'))
        .send({
          requestRef: ref,
          idNumber: X.idNumber,
          kind: 'reception_visitor',
          rowId: found.rowId,
          version: found.version,
          reason: 'Công dân đổi số điện thoại liên lạc',
          values: { phone: '0912345678' },
        })
        .expect(200);
    }
    const rowOf = async (visitId: string) => {
      const rowId = records.find((r: { recordId: string }) => r.recordId === visitId).rowId;
      const [row] = await ds.query('SELECT phone, key_id FROM reception_visit_citizens WHERE id = ?', [
        rowId,
      ]);
      return row;
    };
    const plain = await rowOf(ids.visit);
    const sealedRow = await rowOf(ids.protectedVisit);
    expect(plain).toMatchObject({ phone: '0912345678', key_id: null });
    expect(sealedRow.phone).toBeNull(); // still sealed: the new phone only inside the envelope
    expect(sealedRow.key_id).not.toBeNull();
    const exported = (await exportOf('json').expect(200)).body.records.filter(
      (r: { kind: string }) => r.kind === 'reception_visitor',
    );
    expect(exported.map((r: { data: { phone: string } }) => r.data.phone)).toEqual([
      '0912345678',
      '0912345678',
    ]);
  });

  it('refuses other roles (403), finds nothing outside the officer’s units, and says what is missing (400)', async () => {
    for (const who of ['reception_officer', 'unit_head']) {
      const res = await search({ idNumber: X.idNumber }, who).expect(403);
      expect(res.body.code).toBe('AUTH_FORBIDDEN');
    }
    const outside = await search({ idNumber: X.idNumber }, 'outsider').expect(200);
    expect(outside.body.records).toEqual([]);
    const missing = await search({ fullName: X.fullName }).expect(400);
    expect(missing.body).toMatchObject({ code: 'SUBJECT_ACCESS_INVALID', details: [{ field: 'address' }] });
    const noNumber = await as('custodian', api().post('/api/v1/subject-access/corrections'))
      .send({
        requestRef: ref,
        idNumber: X.idNumber,
        kind: 'reception_visitor',
        rowId: ids.visit,
        version: 1,
        reason: 'Công dân đề nghị xóa số căn cước',
        values: { idNumber: null, email: 'a@thu-nghiem.vn' },
      })
      .expect(400);
    expect(noNumber.body.details.map((d: { field: string }) => d.field)).toEqual([
      'values.idNumber',
      'values.email',
    ]);
    const badRef = await search({ idNumber: X.idNumber, requestRef: 'Nguyễn Văn A' }).expect(400);
    expect(badRef.body.details.map((d: { field: string }) => d.field)).toEqual(['requestRef']);
  });
});
