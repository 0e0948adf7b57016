import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Role } from '../../src/auth/domain/roles.js';
import { AppConfig } from '../../src/config/app-config.js';
import { QUEUES } from '../../src/queue/queues.js';
import { MAX_CLAIMS, ReportRunBuilder } from '../../src/reports/report-run-builder.service.js';
import { reportRunJobId } from '../../src/reports/report-run-jobs.js';
import { MAX_ACTIVE_RUNS_PER_USER } from '../../src/reports/report-runs.service.js';
import { resolveReportQuery, ReportsService } from '../../src/reports/reports.service.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { eventually, until } from '../support/wait.js';
import { startWorker } from '../support/worker.js';

jest.setTimeout(60_000);

interface RunBody {
  id: string;
  form: string;
  status: string;
  progress: number;
  unitsTotal: number;
  unitsDone: number;
  errorCode: string | null;
  file: { filename: string; size: number; sha256: string } | null;
  links: { self: string; download: string | null };
}

const binary = (r: request.Test) =>
  r.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });

/** Everything a reader sees in a workbook: each sheet's name, cell values and merged ranges. */
async function workbookContent(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => ({
    name: sheet.name,
    values: sheet.getSheetValues(),
    merges: [...((sheet.model as { merges?: string[] }).merges ?? [])].sort(),
  }));
}

/**
 * Background report runs end to end in one process pair: the API records and enqueues, the real worker
 * module builds the file, the download equals the synchronous report for the same query.
 */
describe('background report runs: API, queue, worker, file', () => {
  let api: NestFastifyApplication;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let queue: Queue;
  let builder: ReportRunBuilder;
  let reportsDir: string;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  const tokens = {} as Record<Role, string>;
  const http = () => request(api.getHttpServer());
  const as = <T extends request.Test>(role: Role, r: T) => r.set('authorization', `Bearer ${tokens[role]}`);
  const Q3 = { period: 'quarter', year: 2026, index: 3, cutoff: 'calendar' };
  const Q3_QUERY = 'period=quarter&year=2026&index=3&cutoff=calendar';

  async function start(body: Record<string, unknown>, role: Role = 'inspectorate_leader'): Promise<RunBody> {
    const res = await as(role, http().post('/api/v1/report-runs')).send(body);
    if (res.status !== 202) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as RunBody;
  }

  async function status(id: string, role: Role = 'inspectorate_leader'): Promise<RunBody> {
    return (await as(role, http().get(`/api/v1/report-runs/${id}`)).expect(200)).body as RunBody;
  }

  const finished = (id: string) =>
    eventually(
      () => status(id),
      (r) => r.status === 'done' || r.status === 'failed',
      20_000,
    );

  const runRow = async (id: string) =>
    (
      (await dataSource.query(
        'SELECT status, progress, attempts, file_path, finished_at FROM report_runs WHERE id = ?',
        [id],
      )) as { status: string; progress: number; attempts: number; file_path: string; finished_at: Date }[]
    )[0];

  const filesOf = async (id: string) => (await readdir(reportsDir)).filter((n) => n.startsWith(id));

  beforeAll(async () => {
    api = await startApi();
    // Emptied before the worker starts: a worker started on the last suite's rows would be busy with them
    // (deliveries, sweeps) while the tables are truncated.
    await truncateAll(api.get<DataSource>(getDataSourceToken()));
    worker = await startWorker();
    dataSource = worker.get<DataSource>(getDataSourceToken());
    queue = api.get<Queue>(getQueueToken(QUEUES.reports.name));
    builder = worker.get(ReportRunBuilder);
    reportsDir = api.get(AppConfig).reports.dir;
    await queue.resume();
    world = await twoAgencies(api);
    for (const role of ['reception_officer', 'unit_head', 'inspectorate_leader'] as Role[]) {
      tokens[role] = (await login(api.getHttpServer(), world.users[role].email)).accessToken;
    }
    // Two visits in quarter III: one at division A, one at the school under it.
    for (const [unitId, day, name] of [
      [world.divisionA.id, '2026-08-03', 'Trần Thị Mai'],
      [world.schoolA.id, '2026-09-02', 'Đỗ Văn Nam'],
    ]) {
      await as('reception_officer', http().post('/api/v1/reception/visits'))
        .send({
          unitId,
          visitDate: day,
          visitTime: '08:30',
          receivingOfficerName: 'Lê Văn Cường',
          citizens: [{ fullName: name, address: 'xã Tân Lập', idNumber: '075203001111' }],
          peopleCount: 1,
          summary: 'Kiến nghị',
          contentKind: 'petition',
          withinCompetence: true,
          outcome: 'guided',
          guidanceBody: 'Ủy ban nhân dân xã Tân Lập',
        })
        .expect(201);
    }
  });
  afterEach(async () => {
    await queue.resume();
  });
  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await worker?.close();
    await api?.close();
  });

  it('builds a CSV run to 100% whose download equals GET /reports/01-TCD?format=csv', async () => {
    const accepted = await start({ form: '01-TCD', ...Q3, format: 'csv' });
    expect(accepted).toMatchObject({
      status: 'queued',
      progress: 0,
      links: { self: `/api/v1/report-runs/${accepted.id}`, download: null },
    });
    const job = await queue.getJob(reportRunJobId(accepted.id));
    expect(job?.data).toEqual({ runId: accepted.id }); // ids only

    const done = await finished(accepted.id);
    // The leader's scope: agency A, its inspectorate, division A and the school.
    expect(done).toMatchObject({
      status: 'done',
      progress: 100,
      unitsTotal: 4,
      unitsDone: 4,
      errorCode: null,
    });
    expect(done.links.download).toBe(`/api/v1/report-runs/${accepted.id}/file`);

    const file = await as('inspectorate_leader', http().get(done.links.download!)).expect(200);
    const sync = await as(
      'inspectorate_leader',
      http().get(`/api/v1/reports/01-TCD?${Q3_QUERY}&format=csv`),
    ).expect(200);
    expect(file.headers['content-type']).toBe(sync.headers['content-type']);
    expect(file.headers['content-disposition']).toBe(sync.headers['content-disposition']);
    expect(file.headers['content-disposition']).toBe(
      'attachment; filename="bao-cao_01-TCD_2026-07-01_2026-09-30.csv"',
    );
    const rows = parse(file.text, { bom: true }) as string[][];
    expect(rows).toEqual(parse(sync.text, { bom: true }));
    expect(rows[rows.length - 1]).toEqual(expect.arrayContaining(['Tổng cộng']));
    expect(file.text).not.toContain('Trần Thị Mai'); // aggregates only
    const bytes = Buffer.from(file.text, 'utf8');
    expect(done.file).toEqual({
      filename: 'bao-cao_01-TCD_2026-07-01_2026-09-30.csv',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });

    // The request was audited, in its transaction.
    const audit = await dataSource.query(
      "SELECT actor_user_id AS actor FROM audit_log WHERE entity_type = 'report_run' AND entity_id = ? AND action = 'report_run.request'",
      [accepted.id],
    );
    expect(audit).toEqual([{ actor: world.users.inspectorate_leader.id }]);
  });

  it('builds XLSX and JSON runs of a unit subtree equal to the synchronous report', async () => {
    const unitId = world.divisionA.id;
    const xlsxRun = await start({ form: '01-TCD', ...Q3, unitId, format: 'xlsx' });
    const jsonRun = await start({ form: '01-TCD', ...Q3, unitId, format: 'json' });
    expect((await finished(xlsxRun.id)).status).toBe('done');
    expect((await finished(jsonRun.id)).status).toBe('done');

    const file = await binary(
      as('inspectorate_leader', http().get(`/api/v1/report-runs/${xlsxRun.id}/file`)),
    ).expect(200);
    const sync = await binary(
      as(
        'inspectorate_leader',
        http().get(`/api/v1/reports/01-TCD?${Q3_QUERY}&unitId=${unitId}&format=xlsx`),
      ),
    ).expect(200);
    expect(file.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const content = await workbookContent(file.body as Buffer);
    expect(content).toEqual(await workbookContent(sync.body as Buffer));
    expect(JSON.stringify(content)).toContain('Quý III năm 2026');

    const json = await as('inspectorate_leader', http().get(`/api/v1/report-runs/${jsonRun.id}/file`)).expect(
      200,
    );
    const syncJson = await as(
      'inspectorate_leader',
      http().get(`/api/v1/reports/01-TCD?${Q3_QUERY}&unitId=${unitId}`),
    ).expect(200);
    expect(JSON.parse(json.text)).toEqual(syncJson.body);
    expect(syncJson.body.rows.map((r: { unitId: string }) => r.unitId)).toEqual([unitId, world.schoolA.id]);
    expect(syncJson.body.total.cells[syncJson.body.keys.indexOf('total.visits')]).toBe(2);
  });

  it('counts unit by unit with a progress call per chunk, to the same table as in one pass', async () => {
    const reports = worker.get(ReportsService);
    const resolved = resolveReportQuery('01-TCD', { from: '2026-07-01', to: '2026-09-30', format: 'json' });
    const scope = await reports.unitsUnder([world.agencyA.id]);
    const calls: [number, number][] = [];
    const chunked = await reports.render(
      resolved,
      scope,
      async (done, total) => void calls.push([done, total]),
      1,
    );
    expect(calls).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    const whole = await reports.render(resolved, scope);
    expect(chunked).toEqual(whole);
    expect(whole.format === 'json' && whole.view.total.cells[whole.view.keys.indexOf('total.visits')]).toBe(
      2,
    );
  });

  it('answers 409 for the file before the run is done, and 404 to anyone but the requester', async () => {
    await queue.pause();
    const run = await start({ form: '02-XLD', from: '2026-08-01', to: '2026-08-31', format: 'csv' });
    const early = await as('inspectorate_leader', http().get(`/api/v1/report-runs/${run.id}/file`)).expect(
      409,
    );
    expect(early.body).toMatchObject({ code: 'REPORT_RUN_NOT_READY', status: 'queued', progress: 0 });

    // The unit head has reports:read and sees division A, but this is not their run.
    const other = await as('unit_head', http().get(`/api/v1/report-runs/${run.id}`)).expect(404);
    expect(other.body.code).toBe('REPORT_RUN_NOT_FOUND');
    const otherFile = await as('unit_head', http().get(`/api/v1/report-runs/${run.id}/file`)).expect(404);
    expect(otherFile.body.code).toBe('REPORT_RUN_NOT_FOUND');
    const theirList = await as('unit_head', http().get('/api/v1/report-runs')).expect(200);
    expect(theirList.body.items.map((r: RunBody) => r.id)).not.toContain(run.id);

    const mine = await as('inspectorate_leader', http().get('/api/v1/report-runs?pageSize=2')).expect(200);
    expect(mine.body.items[0].id).toBe(run.id); // newest first
    expect(mine.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(mine.body.total).toBeGreaterThanOrEqual(3);

    await queue.resume();
    expect((await finished(run.id)).status).toBe('done');
    await as('unit_head', http().get(`/api/v1/report-runs/${run.id}/file`)).expect(404);
    await as('inspectorate_leader', http().get(`/api/v1/report-runs/${run.id}/file`)).expect(200);
  });

  it('answers 400 field by field (or 404 for a unit out of scope) and writes no row', async () => {
    const [{ n: before }] = await dataSource.query('SELECT COUNT(*) AS n FROM report_runs');
    const post = (body: Record<string, unknown>) =>
      as('inspectorate_leader', http().post('/api/v1/report-runs')).send(body);

    const bad = await post({ form: '99-XYZ', period: 'week', cutoff: 'moon', format: 'csv' }).expect(400);
    expect(bad.body.code).toBe('REPORT_FORM_INVALID');
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'cutoff',
      'form',
      'period',
    ]);

    const index = await post({
      form: '01-TCD',
      period: 'quarter',
      year: 2026,
      index: 5,
      format: 'csv',
    }).expect(400);
    expect(index.body).toMatchObject({ code: 'REPORT_PERIOD_INVALID', details: [{ field: 'index' }] });

    const reversed = await post({
      form: '01-TCD',
      from: '2026-03-01',
      to: '2026-02-01',
      format: 'csv',
    }).expect(400);
    expect(reversed.body).toMatchObject({ code: 'REPORT_WINDOW_INVALID', details: [{ field: 'to' }] });

    const both = await post({
      form: '01-TCD',
      ...Q3,
      from: '2026-01-01',
      to: '2026-02-01',
      format: 'csv',
    }).expect(400);
    expect(both.body).toMatchObject({ code: 'REPORT_PERIOD_INVALID', details: [{ field: 'period' }] });

    const shape = await post({
      form: '01-TCD',
      period: 'year',
      year: '2026',
      format: 'pdf',
      extra: 1,
    }).expect(400);
    expect(shape.body.code).toBe('VALIDATION_FAILED');
    expect([...new Set(shape.body.details.map((d: { field: string }) => d.field))].sort()).toEqual([
      'extra',
      'format',
      'year',
    ]);

    const out = await post({ form: '01-TCD', ...Q3, unitId: world.divisionB.id, format: 'csv' }).expect(404);
    expect(out.body.code).toBe('REPORT_UNIT_NOT_FOUND');

    const [{ n: after }] = await dataSource.query('SELECT COUNT(*) AS n FROM report_runs');
    expect(Number(after)).toBe(Number(before));
    const audits = await dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_log WHERE entity_type = 'report_run'",
    );
    expect(Number(audits[0].n)).toBe(Number(before));
  });

  it('builds a run once when its job is delivered twice: one file, one done transition', async () => {
    await queue.pause();
    const run = await start({ form: '03-GQKN', ...Q3, format: 'csv' });
    // The same deterministic job id again: BullMQ keeps one job.
    await queue.add(QUEUES.reports.jobs.run, { runId: run.id }, { jobId: reportRunJobId(run.id) });
    const jobs = (await queue.getJobs(['waiting', 'prioritized', 'delayed', 'active'])).filter(
      (j) => j.id === reportRunJobId(run.id),
    );
    expect(jobs).toHaveLength(1);

    // Two deliveries at the same moment (as after a stall): one builds, the other finds it claimed.
    const outcomes = await Promise.all([builder.run(run.id), builder.run(run.id)]);
    expect(outcomes.sort()).toEqual(['done', 'not-claimed']);
    const first = await runRow(run.id);
    expect(first).toMatchObject({ status: 'done', progress: 100, attempts: 1 });
    // A delivery after it is done changes nothing.
    expect(await builder.run(run.id)).toBe('not-claimed');
    await queue.resume();
    await until(async () => (await queue.getJob(reportRunJobId(run.id))) === undefined); // completed, removed
    const last = await runRow(run.id);
    expect(last).toEqual(first);
    expect(await filesOf(run.id)).toEqual([first.file_path]);
  });

  it('picks up a run whose job was lost (row queued, nothing in Redis) with the sweep', async () => {
    await queue.pause();
    const run = await start({ form: '05-KQTH', ...Q3, format: 'json' });
    await (await queue.getJob(reportRunJobId(run.id)))?.remove();
    expect(await queue.getJob(reportRunJobId(run.id))).toBeUndefined();
    await queue.resume();

    // Younger than a minute: not yet the sweep's (its job may still be on the way).
    await builder.sweep();
    expect(await queue.getJob(reportRunJobId(run.id))).toBeUndefined();
    expect((await status(run.id)).status).toBe('queued');

    await dataSource.query(
      'UPDATE report_runs SET created_at = created_at - INTERVAL 2 MINUTE WHERE id = ?',
      [run.id],
    );
    const swept = await builder.sweep();
    if (swept.ran) expect(swept.enqueued).toBeGreaterThanOrEqual(1); // else the scheduled sweep holds the lock
    const done = await finished(run.id);
    expect(done).toMatchObject({ status: 'done', progress: 100 });
  });

  it('takes over a run stalled while running (its worker died) once its heartbeat is old', async () => {
    await queue.pause();
    const run = await start({ form: '04-GQTC', ...Q3, format: 'csv' });
    await (await queue.getJob(reportRunJobId(run.id)))?.remove();
    await dataSource.query(
      `UPDATE report_runs SET status = 'running', attempts = 1, progress = 30, started_at = ?, heartbeat_at = ?
        WHERE id = ?`,
      [new Date(Date.now() - 5 * 60_000), new Date(Date.now() - 3 * 60_000), run.id],
    );
    await queue.resume();
    await eventually(
      async () => (await builder.sweep()).ran,
      (ran) => ran,
    );
    const done = await finished(run.id);
    expect(done).toMatchObject({ status: 'done', progress: 100 });
    expect((await runRow(run.id)).attempts).toBe(2);
    expect(await filesOf(run.id)).toEqual([`${run.id}-a2.csv`]);
  });

  it('fails a run whose query no longer resolves, with a code and no file (409 REPORT_RUN_FAILED)', async () => {
    await queue.pause();
    const run = await start({ form: '01-TCD', ...Q3, format: 'csv' });
    await dataSource.query('UPDATE report_runs SET period_index = 9 WHERE id = ?', [run.id]);
    expect(await builder.run(run.id)).toBe('failed');
    const failed = await status(run.id);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'REPORT_PERIOD_INVALID', file: null });
    const res = await as('inspectorate_leader', http().get(`/api/v1/report-runs/${run.id}/file`)).expect(409);
    expect(res.body).toMatchObject({ code: 'REPORT_RUN_FAILED', errorCode: 'REPORT_PERIOD_INVALID' });
    expect(await filesOf(run.id)).toEqual([]);
  });

  it(`refuses a run while its requester has ${MAX_ACTIVE_RUNS_PER_USER} queued or running (429), writing nothing`, async () => {
    await queue.pause();
    await dataSource.query("UPDATE report_runs SET status = 'failed' WHERE status IN ('queued', 'running')");
    const runs: RunBody[] = [];
    for (let i = 0; i < MAX_ACTIVE_RUNS_PER_USER; i++)
      runs.push(await start({ form: '01-TCD', ...Q3, format: 'csv' }));
    const count = async () => Number((await dataSource.query('SELECT COUNT(*) AS n FROM report_runs'))[0].n);
    const before = await count();
    const refused = await as('inspectorate_leader', http().post('/api/v1/report-runs'))
      .send({ form: '01-TCD', ...Q3, format: 'csv' })
      .expect(429);
    expect(refused.body.code).toBe('REPORT_RUN_TOO_MANY');
    expect(await count()).toBe(before);
    // Another user is not held back by them.
    await start({ form: '01-TCD', ...Q3, format: 'csv' }, 'unit_head');
    for (const run of [...runs]) await (await queue.getJob(reportRunJobId(run.id)))?.remove();
    await dataSource.query("UPDATE report_runs SET status = 'failed' WHERE status IN ('queued', 'running')");
  });

  it(`gives up a run after ${MAX_CLAIMS} claims instead of queueing it for ever (REPORT_RUN_GAVE_UP)`, async () => {
    await queue.pause();
    const run = await start({ form: '01-TCD', ...Q3, format: 'csv' });
    await (await queue.getJob(reportRunJobId(run.id)))?.remove();
    // As after five deliveries that each died: back to queued, its claims used up.
    await dataSource.query(
      'UPDATE report_runs SET attempts = ?, created_at = created_at - INTERVAL 2 MINUTE WHERE id = ?',
      [MAX_CLAIMS, run.id],
    );
    expect(await builder.run(run.id)).toBe('not-claimed');
    await eventually(
      async () => (await builder.sweep()).ran,
      (ran) => ran,
    );
    expect(await status(run.id)).toMatchObject({ status: 'failed', errorCode: 'REPORT_RUN_GAVE_UP' });
    expect(await queue.getJob(reportRunJobId(run.id))).toBeUndefined();
  });

  it('answers 410 once a run has expired, and the sweep deletes the row and its file', async () => {
    const run = await start({ form: '01-TCD', ...Q3, format: 'csv' });
    expect((await finished(run.id)).status).toBe('done');
    expect(await filesOf(run.id)).toHaveLength(1);
    await dataSource.query('UPDATE report_runs SET expires_at = ? WHERE id = ?', [
      new Date(Date.now() - 1000),
      run.id,
    ]);
    const gone = await as('inspectorate_leader', http().get(`/api/v1/report-runs/${run.id}/file`)).expect(
      410,
    );
    expect(gone.body.code).toBe('REPORT_RUN_EXPIRED');

    await eventually(
      async () => (await builder.sweep()).ran,
      (ran) => ran,
    );
    expect(await runRow(run.id)).toBeUndefined();
    expect(await filesOf(run.id)).toEqual([]);
    await as('inspectorate_leader', http().get(`/api/v1/report-runs/${run.id}`)).expect(404);
  });
});
