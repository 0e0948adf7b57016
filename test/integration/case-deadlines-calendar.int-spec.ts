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
import { until } from '../support/wait.js';
import { startWorker } from '../support/worker.js';

jest.setTimeout(30_000);

describe('case deadlines follow calendar changes', () => {
  let api: NestFastifyApplication;
  let worker: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    dataSource = worker.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
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
});
