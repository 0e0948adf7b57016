import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { CalendarAdminService } from '../../src/calendar/calendar-admin.service.js';
import { CalendarChangeImpactService } from '../../src/case-deadlines/calendar-change-impact.service.js';
import { CaseDeadlinesService } from '../../src/case-deadlines/case-deadlines.service.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { Fixtures } from '../support/fixtures.js';
import { until } from '../support/wait.js';
import { startWorker } from '../support/worker.js';

jest.setTimeout(30_000);

/** The preview of a calendar change is a dry run of it: it moves exactly what the change then moves. */
describe('calendar change impact: preview and what moved', () => {
  let api: NestFastifyApplication;
  let worker: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    api = await startApi();
    await truncateAll(api.get<DataSource>(getDataSourceToken()));
    worker = await startWorker();
    dataSource = worker.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const counts = async () =>
    (
      await dataSource.query(
        `SELECT (SELECT COUNT(*) FROM calendar_entries) AS entries,
                (SELECT COUNT(*) FROM calendar_changes) AS changes,
                (SELECT COUNT(*) FROM case_deadline_changes) AS history,
                (SELECT COUNT(*) FROM audit_log) AS audit,
                (SELECT GROUP_CONCAT(due_date ORDER BY id) FROM case_deadlines) AS dues`,
      )
    )[0] as Record<string, unknown>;

  it('previews a day off, keeps nothing, and the saved change moves exactly the previewed deadlines', async () => {
    const f = new Fixtures(api);
    const province = await f.unit('Ủy ban nhân dân tỉnh', 'province');
    const agency = await f.unit('Sở Giáo dục', 'agency', province.id);
    const school = await f.unit('Trường THPT', 'public_service_unit', agency.id);
    const other = await f.unit('Sở Y tế', 'agency', province.id);
    const deadlines = worker.get(CaseDeadlinesService);
    const open = (unitId: string, n: number, trigger: string) =>
      dataSource.transaction((m) =>
        deadlines.open(m, SYSTEM_ACTOR, {
          subjectType: 'complaint_case',
          subjectId: `00000000-0000-7000-8000-00000000000${n}`,
          unitId,
          purpose: 'acceptance',
          ruleId: 'KN-2',
          trigger,
        }),
      );
    const moves = await open(school.id, 1, '2026-11-20'); // due 2026-12-01, runs over 24 Nov
    const before = await open(agency.id, 2, '2026-11-05'); // due 2026-11-16: ends before 24 Nov
    const elsewhere = await open(other.id, 3, '2026-11-20'); // another agency: not affected
    const impact = api.get(CalendarChangeImpactService);
    const change = {
      action: 'set_entry' as const,
      date: '2026-11-24',
      kind: 'day_off' as const,
      name: 'Ngày Văn hóa Việt Nam',
    };

    const state = await counts();
    const preview = await impact.preview(SYSTEM_ACTOR, agency.id, change);
    expect(preview).toMatchObject({ scope: agency.id, changed: true, firstAffectedDate: '2026-11-24' });
    expect(preview.movedCount).toBe(1);
    expect(preview.moved.map((m) => [m.deadlineId, m.previousDue, m.newDue, m.unitName])).toEqual([
      [moves.id, '2026-12-01', '2026-12-02', 'Trường THPT'],
    ]);
    expect(await counts()).toEqual(state); // rolled back: no entry, change, history, audit or due date kept

    const saved = await api.get(CalendarAdminService).setEntry(SYSTEM_ACTOR, agency.id, change.date, change);
    expect(saved.changeId).toEqual(expect.any(String));
    await until(
      async () => (await impact.changes(SYSTEM_ACTOR, agency.id, 10)).changes[0]?.processed === true,
      15_000,
    );
    const [latest] = (await impact.changes(SYSTEM_ACTOR, agency.id, 10)).changes;
    expect(latest).toMatchObject({ id: saved.changeId, reason: 'entry.set', processed: true });
    expect(latest.movedCount).toBe(preview.movedCount);
    expect(latest.moved).toEqual(preview.moved);
    const dues = await dataSource.query(
      'SELECT id, due_date AS d FROM case_deadlines WHERE id IN (?, ?, ?) ORDER BY due_date, id',
      [moves.id, before.id, elsewhere.id],
    );
    expect(Object.fromEntries(dues.map((r: { id: string; d: string }) => [r.id, r.d]))).toEqual({
      [moves.id]: '2026-12-02',
      [before.id]: '2026-11-16',
      [elsewhere.id]: '2026-12-01',
    });

    // The same change again changes nothing; removing the day would move the deadline back.
    expect(await impact.preview(SYSTEM_ACTOR, agency.id, change)).toEqual({
      scope: agency.id,
      changed: false,
      firstAffectedDate: null,
      movedCount: 0,
      moved: [],
    });
    const back = await impact.preview(SYSTEM_ACTOR, agency.id, {
      action: 'remove_entry',
      date: '2026-11-24',
    });
    expect(back.moved.map((m) => [m.previousDue, m.newDue])).toEqual([['2026-12-02', '2026-12-01']]);
  });

  it('previews an import with the import’s own row errors, and confirming a year moves no due date', async () => {
    const impact = api.get(CalendarChangeImpactService);
    await expect(
      impact.preview(SYSTEM_ACTOR, 'national', {
        action: 'import',
        year: 2027,
        format: 'csv',
        content: 'date,kind,name\n2027-01-01,day_off,Tết Dương lịch\n2027-02-30,day_off,Sai\n',
      }),
    ).rejects.toMatchObject({ code: 'CALENDAR_IMPORT_INVALID' });
    const confirm = await impact.preview(SYSTEM_ACTOR, 'national', {
      action: 'set_year',
      year: 2027,
      confirmed: true,
    });
    expect(confirm).toMatchObject({ changed: true, firstAffectedDate: '2027-01-01', movedCount: 0 });
  });
});
