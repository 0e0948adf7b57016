import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Role } from '../../src/auth/domain/roles.js';
import { Clock } from '../../src/common/clock.js';
import { XLSX_HEADER_ROW } from '../../src/reports/report-export.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { ALL_PASSED } from '../support/eligibility.js';

const PETITIONER = {
  fullName: 'Trần Thị Mai',
  address: 'Tổ 5, phường Tân Phong, tỉnh Đồng Nai',
  idNumber: '075301002468',
  phone: '0912000111',
};

interface ReportBody {
  form: { code: string; title: { vi: string } };
  window: { from: string; to: string; label: { vi: string } };
  unconfirmed: { form: boolean; columns: string[]; cutoff: boolean };
  keys: string[];
  header: { vi: string; row: number; col: number; colSpan: number; rowSpan: number }[][];
  numbers: string[];
  rows: { unitId: string; depth: number; label: string; cells: number[] }[];
  total: { cells: number[] };
}

/** Periodic reports over HTTP: a small data set, the JSON cells, the same numbers in CSV and XLSX, scope. */
describe('periodic reports through the API', () => {
  let app: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  const tokens = {} as Record<Role, string>;
  const api = () => request(app.getHttpServer());
  const as = <T extends request.Test>(role: Role, r: T) => r.set('authorization', `Bearer ${tokens[role]}`);
  const Q3 = 'period=quarter&year=2026&index=3&cutoff=calendar';

  async function ok(res: request.Response, status = 201) {
    if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function report(
    form: string,
    query: string,
    role: Role = 'inspectorate_leader',
  ): Promise<ReportBody> {
    return ok(await as(role, api().get(`/api/v1/reports/${form}?${query}`)), 200);
  }

  const cell = (body: ReportBody, unitId: string, key: string) => {
    const row = body.rows.find((r) => r.unitId === unitId);
    const i = body.keys.indexOf(key);
    if (!row || i < 0) throw new Error(`no cell ${unitId} ${key}`);
    return row.cells[i];
  };

  beforeAll(async () => {
    app = await startApi();
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(new Date('2026-11-25T03:00:00Z'));
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    for (const role of ['reception_officer', 'unit_head', 'case_handler', 'inspectorate_leader'] as Role[]) {
      tokens[role] = (await login(app.getHttpServer(), world.users[role].email)).accessToken;
    }
    const unitA = world.divisionA.id;
    // A visit with a complaint at division A, its letter accepted, the case accepted and decided.
    const visit = await ok(
      await as('reception_officer', api().post('/api/v1/reception/visits')).send({
        unitId: unitA,
        visitDate: '2026-08-03',
        visitTime: '08:30',
        receivingOfficerName: 'Lê Văn Cường',
        citizens: [PETITIONER],
        peopleCount: 1,
        summary: 'Khiếu nại quyết định thu hồi đất',
        contentKind: 'complaint',
        withinCompetence: true,
        outcome: 'letter_received',
      }),
    );
    const letter = await ok(
      await as('reception_officer', api().post('/api/v1/letters')).send({
        unitId: unitA,
        channel: 'reception_visit',
        visitId: visit.id,
        receivedOn: '2026-08-03',
        classification: 'complaint',
        complaintTrack: 'first_time',
        subject: 'Khiếu nại quyết định thu hồi đất',
        content: 'Tôi khiếu nại Quyết định số 12/QĐ-UBND về việc thu hồi 200 m2 đất nông nghiệp.',
        petitioners: [PETITIONER],
        eligibility: ALL_PASSED,
      }),
    );
    const decided = await ok(
      await as('reception_officer', api().post(`/api/v1/letters/${letter.id}/decision`)).send({
        decision: 'accept',
        decidedOn: '2026-08-05',
        legalBasis: 'LKN 02/2011/QH13 art. 27',
        version: letter.version,
      }),
    );
    let c = await ok(await as('case_handler', api().get(`/api/v1/complaint-cases/${decided.caseId}`)), 200);
    const step = async (role: Role, body: Record<string, unknown>) =>
      ok(
        await as(role, api().post(`/api/v1/complaint-cases/${c.id}/transitions`)).send({
          legalBasis: 'LKN 02/2011/QH13',
          version: c.version,
          ...body,
        }),
      );
    c = await step('unit_head', { event: 'accept', date: '2026-08-07', documentRef: '01/TB-TL' });
    c = await step('case_handler', { event: 'start_verification', date: '2026-08-10' });
    c = await step('unit_head', {
      event: 'decide',
      date: '2026-08-28',
      documentRef: '125/QĐ-UBND',
      outcome: 'wrong',
    });
    expect(c.state).toBe('decided');
    // A second visit at the school under division A, rolled up into division A and agency A.
    await ok(
      await as('reception_officer', api().post('/api/v1/reception/visits')).send({
        unitId: world.schoolA.id,
        visitDate: '2026-09-02',
        visitTime: '09:00',
        receivingOfficerName: 'Lê Văn Cường',
        citizens: [{ fullName: 'Đỗ Văn Nam', address: 'xã Tân Lập', idNumber: '075203001111' }],
        peopleCount: 1,
        summary: 'Kiến nghị về lịch học',
        contentKind: 'petition',
        withinCompetence: true,
        outcome: 'guided',
        guidanceBody: 'Ủy ban nhân dân xã Tân Lập',
      }),
    );
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lays out 01-TCD for a quarter: the scope tree, rolled-up cells, the window and the flags', async () => {
    const body = await report('01-TCD', Q3);
    expect(body.form.code).toBe('01/TCD');
    expect(body.window).toMatchObject({ from: '2026-07-01', to: '2026-09-30' });
    expect(body.window.label.vi).toContain('Quý III năm 2026');
    expect(body.unconfirmed.form).toBe(true);
    expect(body.unconfirmed.cutoff).toBe(false);
    // The inspectorate leader's scope: agency A and everything under it, the agency first.
    expect(body.rows[0]).toMatchObject({ unitId: world.agencyA.id, depth: 0 });
    const ids = body.rows.map((r) => r.unitId);
    expect(ids).toEqual(
      expect.arrayContaining([world.inspectorateA.id, world.divisionA.id, world.schoolA.id]),
    );
    expect(ids).not.toContain(world.divisionB.id);
    expect(body.rows.find((r) => r.unitId === world.schoolA.id)).toMatchObject({ depth: 2 });
    expect(cell(body, world.schoolA.id, 'total.visits')).toBe(1);
    expect(cell(body, world.divisionA.id, 'total.visits')).toBe(2);
    expect(cell(body, world.agencyA.id, 'total.visits')).toBe(2);
    expect(cell(body, world.divisionA.id, 'content.complaint')).toBe(1);
    expect(body.total.cells[body.keys.indexOf('total.visits')]).toBe(2);
    // The header model: the unit column spans every header row.
    expect(body.header[0][0]).toMatchObject({ vi: 'Đơn vị', col: 0, rowSpan: body.header.length });
    expect(body.numbers.slice(0, 3)).toEqual(['A', '1', '2']);
    // No personal data in an aggregate.
    const text = JSON.stringify(body);
    for (const value of Object.values(PETITIONER)) expect(text).not.toContain(value);
    expect(text).not.toContain('Đỗ Văn Nam');

    // Another window: nothing happened in quarter I.
    const q1 = await report('01-TCD', 'period=quarter&year=2026&index=1');
    expect(q1.window).toMatchObject({ from: '2025-12-15', to: '2026-03-14' });
    expect(q1.unconfirmed.cutoff).toBe(true);
    expect(q1.total.cells.every((v) => v === 0)).toBe(true);
  });

  it('counts the letter (02-XLD) and the complaint accepted and decided (03-GQKN)', async () => {
    const xld = await report('02-XLD', 'from=2026-08-01&to=2026-08-31');
    expect(xld.window).toMatchObject({ from: '2026-08-01', to: '2026-08-31' });
    expect(cell(xld, world.divisionA.id, 'letters.received')).toBe(1);
    expect(cell(xld, world.divisionA.id, 'eligible.complaint')).toBe(1);
    expect(cell(xld, world.divisionA.id, 'handled.accepted')).toBe(1);
    expect(cell(xld, world.agencyA.id, 'handled.accepted')).toBe(1);
    expect(cell(xld, world.schoolA.id, 'letters.received')).toBe(0);
    const kn = await report('03-GQKN', Q3, 'unit_head');
    // The unit head's scope is division A's subtree.
    expect(kn.rows.map((r) => r.unitId)).toEqual([world.divisionA.id, world.schoolA.id]);
    expect(cell(kn, world.divisionA.id, 'cases.accepted')).toBe(1);
    expect(cell(kn, world.divisionA.id, 'resolved.total')).toBe(1);
    expect(cell(kn, world.divisionA.id, 'resolved.wrong')).toBe(1);
    expect(cell(kn, world.divisionA.id, 'resolved.right')).toBe(0);
    expect(kn.total.cells[kn.keys.indexOf('resolved.wrong')]).toBe(1);
    // Nothing was accepted before the window: in quarter IV the case is neither new nor resolved.
    const q4 = await report('03-GQKN', 'period=quarter&year=2026&index=4&cutoff=calendar', 'unit_head');
    expect(q4.total.cells.every((v) => v === 0)).toBe(true);
  });

  it('exports the same numbers as CSV (UTF-8 with BOM) and as XLSX with a title and merged headers', async () => {
    const body = await report('01-TCD', `${Q3}&unitId=${world.divisionA.id}`);
    expect(body.rows.map((r) => r.unitId)).toEqual([world.divisionA.id, world.schoolA.id]);

    const csv = await as(
      'inspectorate_leader',
      api().get(`/api/v1/reports/01-TCD?${Q3}&unitId=${world.divisionA.id}&format=csv`),
    ).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="bao-cao_01-TCD_2026-07-01_2026-09-30.csv"',
    );
    const raw = Buffer.from(csv.text, 'utf8');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(raw.length).toBeGreaterThan(3);
    const lines = csv.text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(1 + body.rows.length + 1);
    expect(lines[0]).toContain('Tiếp thường xuyên / Số vụ việc / Tiếp lần đầu');
    expect(lines[1]).toBe([body.rows[0].label, ...body.rows[0].cells].join(','));
    expect(lines[3]).toBe(['Tổng cộng', ...body.total.cells].join(','));

    const xlsx = await as(
      'inspectorate_leader',
      api().get(`/api/v1/reports/01-TCD?${Q3}&unitId=${world.divisionA.id}&format=xlsx`),
    )
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(String(sheet.getCell(1, 1).value)).toContain('TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN');
    expect(String(sheet.getCell(2, 1).value)).toContain('Quý III năm 2026');
    // The unit column spans the header rows; "Tổng số" spans its three leaves.
    const depth = body.header.length;
    expect(sheet.getCell(XLSX_HEADER_ROW, 1).value).toBe('Đơn vị');
    expect(sheet.getCell(XLSX_HEADER_ROW + depth - 1, 1).isMerged).toBe(true);
    expect(sheet.getCell(XLSX_HEADER_ROW + depth - 1, 1).master.address).toBe(`A${XLSX_HEADER_ROW}`);
    expect(sheet.getCell(XLSX_HEADER_ROW, 2).value).toBe('Tổng số');
    expect(sheet.getCell(XLSX_HEADER_ROW, 4).master.address).toBe(`B${XLSX_HEADER_ROW}`);
    const numbersRow = XLSX_HEADER_ROW + depth;
    expect(sheet.getCell(numbersRow, 1).value).toBe('A');
    const first = sheet.getRow(numbersRow + 1);
    expect(first.getCell(1).value).toBe(body.rows[0].label);
    body.rows[0].cells.forEach((v, i) => expect(first.getCell(i + 2).value).toBe(v));
    const total = sheet.getRow(numbersRow + 1 + body.rows.length);
    expect(total.getCell(1).value).toBe('Tổng cộng');
    expect(total.getCell(1).font?.bold).toBe(true);
    body.total.cells.forEach((v, i) => expect(total.getCell(i + 2).value).toBe(v));
  });

  it('answers 400 field by field for a bad query, with the domain codes', async () => {
    const bad = await as(
      'inspectorate_leader',
      api().get('/api/v1/reports/99-XYZ?period=week&cutoff=moon'),
    ).expect(400);
    expect(bad.body.code).toBe('REPORT_FORM_INVALID');
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'cutoff',
      'form',
      'period',
    ]);

    const index = await as(
      'inspectorate_leader',
      api().get('/api/v1/reports/01-TCD?period=quarter&year=2026&index=5'),
    ).expect(400);
    expect(index.body).toMatchObject({ code: 'REPORT_PERIOD_INVALID', details: [{ field: 'index' }] });

    const dates = await as(
      'inspectorate_leader',
      api().get('/api/v1/reports/01-TCD?from=2026-02-30&to=2026-03-01'),
    ).expect(400);
    expect(dates.body).toMatchObject({ code: 'DATE_INVALID', details: [{ field: 'from' }] });

    const reversed = await as(
      'inspectorate_leader',
      api().get('/api/v1/reports/01-TCD?from=2026-03-01&to=2026-02-01'),
    ).expect(400);
    expect(reversed.body).toMatchObject({ code: 'REPORT_WINDOW_INVALID', details: [{ field: 'to' }] });

    const none = await as('inspectorate_leader', api().get('/api/v1/reports/01-TCD')).expect(400);
    expect(none.body).toMatchObject({ code: 'REPORT_PERIOD_INVALID', details: [{ field: 'period' }] });

    const format = await as(
      'inspectorate_leader',
      api().get(`/api/v1/reports/01-TCD?${Q3}&format=pdf`),
    ).expect(400);
    expect(format.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers 404 for a unit outside the viewer’s scope and 403 without reports:read', async () => {
    const out = await as(
      'unit_head',
      api().get(`/api/v1/reports/01-TCD?${Q3}&unitId=${world.agencyA.id}`),
    ).expect(404);
    expect(out.body.code).toBe('REPORT_UNIT_NOT_FOUND');
    await as(
      'inspectorate_leader',
      api().get(`/api/v1/reports/01-TCD?${Q3}&unitId=${world.divisionB.id}`),
    ).expect(404);
    const forbidden = await as('case_handler', api().get(`/api/v1/reports/01-TCD?${Q3}`)).expect(403);
    expect(forbidden.body.code).toBe('AUTH_FORBIDDEN');
  });
});
