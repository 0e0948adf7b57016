import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { SealReceptionVisitorsOfDenunciations1796612039245 as Migration } from '../../migrations/1796612039245-SealReceptionVisitorsOfDenunciations.js';
import type { Role } from '../../src/auth/domain/roles.js';
import { Clock } from '../../src/common/clock.js';
import { IdentityKeyRotation } from '../../src/identity/key-rotation.service.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';

const VISITOR = {
  fullName: 'Trịnh Thị Qwelbrin',
  address: 'Số 17 hẻm Vortamel, phường Tân Phong',
  idNumber: '075301004321',
  phone: '0987001122',
};

/**
 * Issue 14, finding 2, for the rows of before: the migration marks the visits a denouncer came to (it has
 * no key to seal them), and `identity:rotate` seals their visitors — resumable, idempotent — after which
 * no plain column holds them and they read as before for those allowed.
 */
describe('sealing the visitors of the visits recorded before the migration', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  const tokens: Record<string, string> = {};
  const api = () => request(app.getHttpServer());
  const as = <T extends request.Test>(who: string, r: T) => r.set('authorization', `Bearer ${tokens[who]}`);

  beforeAll(async () => {
    app = await startApi();
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(new Date('2026-11-25T03:00:00Z'));
    dataSource = app.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    world = await twoAgencies(app);
    for (const role of ['reception_officer', 'unit_head'] as Role[]) {
      tokens[role] = (await login(app.getHttpServer(), world.users[role].email)).accessToken;
    }
    // A custodian who also keeps the reception book (custody alone does not read the book).
    const custodian = await world.f.user(world.divisionA.id, ['unit_head', 'identity_custodian']);
    tokens.identity_custodian = (await login(app.getHttpServer(), custodian.email)).accessToken;
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A visit as the old code stored it: its visitor in plain columns, not flagged. */
  async function oldVisit(contentKind: string) {
    const res = await as('reception_officer', api().post('/api/v1/reception/visits'))
      .send({
        unitId: world.divisionA.id,
        visitDate: '2026-11-24',
        visitTime: '10:00',
        receivingOfficerName: 'Lê Văn Cường',
        citizens: [VISITOR],
        peopleCount: 1,
        summary: 'Tố cáo cán bộ địa chính xã',
        contentKind: 'complaint',
        withinCompetence: true,
        outcome: 'guided',
        guidanceBody: 'UBND huyện',
      })
      .expect(201);
    await dataSource.query('UPDATE reception_visits SET content_kind = ? WHERE id = ?', [
      contentKind,
      res.body.id,
    ]);
    return res.body.id as string;
  }

  it('marks denunciation and mixed visits, seals them with identity:rotate, and leaves the others alone', async () => {
    const denunciation = await oldVisit('denunciation');
    const mixed = await oldVisit('mixed');
    const complaint = await oldVisit('complaint');
    const flags = async () =>
      Object.fromEntries(
        (
          await dataSource.query('SELECT id, identity_protected AS p FROM reception_visits WHERE id IN (?)', [
            [denunciation, mixed, complaint],
          ])
        ).map((r: { id: string; p: number }) => [r.id, Number(r.p)]),
      );
    expect(await flags()).toEqual({ [denunciation]: 0, [mixed]: 0, [complaint]: 0 });

    const runner = dataSource.createQueryRunner();
    try {
      await Migration.mark(runner);
      await Migration.mark(runner); // idempotent
    } finally {
      await runner.release();
    }
    expect(await flags()).toEqual({ [denunciation]: 1, [mixed]: 1, [complaint]: 0 });

    // Marked but not yet sealed: already read under the letter's rules (the unit head gets the label).
    const before = (await as('unit_head', api().get(`/api/v1/reception/visits/${denunciation}`)).expect(200))
      .body;
    expect(before).toMatchObject({ citizens: null, visitorsLabel: 'người tố cáo — thông tin được bảo vệ' });

    const report = await app.get(IdentityKeyRotation).rotate(1);
    expect(report.sealed).toEqual({ reception_visit_citizens: 2 });
    expect((await app.get(IdentityKeyRotation).rotate(1)).sealed).toEqual({ reception_visit_citizens: 0 });

    const rows: Array<Record<string, unknown>> = await dataSource.query(
      `SELECT visit_id, full_name, address, id_number, phone, key_id, id_number_index
       FROM reception_visit_citizens WHERE visit_id IN (?)`,
      [[denunciation, mixed, complaint]],
    );
    const byVisit = Object.fromEntries(rows.map((r) => [r.visit_id, r]));
    for (const id of [denunciation, mixed]) {
      expect(byVisit[id]).toMatchObject({ full_name: null, address: null, id_number: null, phone: null });
      expect(byVisit[id].key_id).not.toBeNull();
      expect(byVisit[id].id_number_index).not.toBeNull();
    }
    expect(byVisit[complaint]).toMatchObject({ full_name: VISITOR.fullName, id_number: VISITOR.idNumber });

    // The custodian reads the sealed visitor as it was typed; the unit head still gets the label.
    const custodian = (
      await as('identity_custodian', api().get(`/api/v1/reception/visits/${denunciation}`)).expect(200)
    ).body;
    expect(custodian.citizens).toEqual([{ ...VISITOR, representative: false }]);
    const head = (await as('unit_head', api().get(`/api/v1/reception/visits/${mixed}`)).expect(200)).body;
    expect(head.citizens).toBeNull();
    // The unprotected visit is as before for the unit head (reception:personal_data).
    const plain = (await as('unit_head', api().get(`/api/v1/reception/visits/${complaint}`)).expect(200))
      .body;
    expect(plain.citizens).toEqual([{ ...VISITOR, representative: false }]);
    // The matter lookup finds the sealed visits for the custodian only (by the blind index).
    const lookup = (who: string) =>
      as(who, api().post('/api/v1/reception/matters/lookup'))
        .send({ unitId: world.divisionA.id, idNumber: VISITOR.idNumber })
        .expect(200);
    expect((await lookup('identity_custodian')).body).toHaveLength(3);
    expect((await lookup('unit_head')).body).toHaveLength(1);
  });
});
