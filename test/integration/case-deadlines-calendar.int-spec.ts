import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { CalendarAdminService } from '../../src/calendar/calendar-admin.service.js';
import { CaseDeadlinesService } from '../../src/case-deadlines/case-deadlines.service.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { Fixtures } from '../support/fixtures.js';
import { Seeder } from '../support/seeder.js';
import { until } from '../support/wait.js';
import { startWorker } from '../support/worker.js';

jest.setTimeout(30_000);

describe('case deadlines follow calendar changes', () => {
  let api: NestFastifyApplication;
  let worker: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    api = await startApi();
    // Emptied before the worker starts: a worker started on the last suite's rows would be busy with them
    // (deliveries, sweeps) while the tables are truncated.
    await truncateAll(api.get<DataSource>(getDataSourceToken()));
    worker = await startWorker();
    dataSource = worker.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('a day off added for an agency moves the running deadlines of its units, and only theirs, once', async () => {
    const f = new Fixtures(api);
    const province = await f.unit('Ủy ban nhân dân tỉnh', 'province');
    const agency = await f.unit('Sở Giáo dục', 'agency', province.id);
    const school = await f.unit('Trường THPT', 'public_service_unit', agency.id);
    const other = await f.unit('Sở Y tế', 'agency', province.id);
    const deadlines = worker.get(CaseDeadlinesService);
    const open = (unitId: string, subjectId: string) =>
      dataSource.transaction((m) =>
        deadlines.open(m, SYSTEM_ACTOR, {
          subjectType: 'complaint_case',
          subjectId,
          unitId,
          purpose: 'acceptance',
          ruleId: 'KN-2',
          trigger: '2026-11-20', // 7 working days: 23–27, 30 Nov, 1 Dec
        }),
      );
    const inSchool = await open(school.id, '00000000-0000-7000-8000-000000000001');
    const elsewhere = await open(other.id, '00000000-0000-7000-8000-000000000002');
    expect([inSchool.dueDate, elsewhere.dueDate]).toEqual(['2026-12-01', '2026-12-01']);

    await api
      .get(CalendarAdminService)
      .setEntry(SYSTEM_ACTOR, agency.id, '2026-11-24', { kind: 'day_off', name: 'Ngày Văn hóa Việt Nam' });

    const due = async (id: string) =>
      (
        await dataSource.query('SELECT due_date AS d, version AS v FROM case_deadlines WHERE id = ?', [id])
      )[0];
    await until(async () => (await due(inSchool.id)).d === '2026-12-02', 15000);
    expect(await due(inSchool.id)).toEqual({ d: '2026-12-02', v: 2 });
    expect(await due(elsewhere.id)).toEqual({ d: '2026-12-01', v: 1 });
    const history = await dataSource.query(
      'SELECT reason, previous_due AS previousDue, new_due AS newDue FROM case_deadline_changes WHERE deadline_id = ? ORDER BY id',
      [inSchool.id],
    );
    expect(history).toEqual([
      { reason: 'opened', previousDue: null, newDue: '2026-12-01' },
      { reason: 'calendar_changed', previousDue: '2026-12-01', newDue: '2026-12-02' },
    ]);
    const [{ pending }] = await dataSource.query(
      'SELECT COUNT(*) AS pending FROM calendar_changes WHERE processed_at IS NULL',
    );
    expect(Number(pending)).toBe(0);
  });
  it('a recomputation takes the case row before its deadlines, so a case step meanwhile waits, never deadlocks', async () => {
    const f = new Fixtures(api);
    const unit = await f.unit('Sở Tài chính', 'agency');
    const caseId = '00000000-0000-7000-8000-0000000000c1';
    const runner = dataSource.createQueryRunner();
    try {
      await runner.query('SET FOREIGN_KEY_CHECKS = 0');
      await new Seeder(runner).insert('complaint_cases', { id: caseId, unit_id: unit.id, state: 'accepted' });
    } finally {
      await runner.query('SET FOREIGN_KEY_CHECKS = 1');
      await runner.release();
    }
    const deadlines = worker.get(CaseDeadlinesService);
    const opened = await dataSource.transaction((m) =>
      deadlines.open(m, SYSTEM_ACTOR, {
        subjectType: 'complaint_case',
        subjectId: caseId,
        unitId: unit.id,
        purpose: 'resolution',
        ruleId: 'KN-3',
        trigger: '2026-11-20',
      }),
    );
    // As if the calendar had changed under it: the recomputation will move the date and copy it to the case.
    await dataSource.query("UPDATE case_deadlines SET due_date = '2026-12-31' WHERE id = ?", [opened.id]);
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // A case step: the case row first, a moment of work, then its deadline.
    const step = dataSource.transaction(async (m) => {
      await m.query('SELECT id FROM complaint_cases WHERE id = ? FOR UPDATE', [caseId]);
      await pause(400);
      await m.query('UPDATE case_deadlines SET internal_target = ? WHERE id = ?', ['2026-12-10', opened.id]);
    });
    await pause(100);
    // Meanwhile a calendar change recomputes the unit's deadlines (no retry here: a deadlock would show).
    const recompute = dataSource.transaction((m) =>
      deadlines.recomputeForCalendar(m, SYSTEM_ACTOR, [unit.id], '2026-11-01'),
    );
    const outcomes = await Promise.allSettled([step, recompute]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual(['ok', 'ok']);
    const [row] = await dataSource.query('SELECT resolution_due AS due FROM complaint_cases WHERE id = ?', [
      caseId,
    ]);
    expect(row.due).toBe(opened.dueDate);
  });
});
