import type { INestApplicationContext } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditModule } from '../../src/audit/audit.module.js';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { CalendarModule } from '../../src/calendar/calendar.module.js';
import { CaseDeadlinesModule } from '../../src/case-deadlines/case-deadlines.module.js';
import { CaseDeadlinesService } from '../../src/case-deadlines/case-deadlines.service.js';
import { DeadlineExplanationRefresh } from '../../src/case-deadlines/explanation-refresh.service.js';
import { CliModule } from '../../src/cli.module.js';
import { ClockModule } from '../../src/common/clock.js';
import { DEADLINE_SUBJECT_MODULES } from '../../src/worker.module.js';
import { truncateAll } from '../support/database.js';
import { testConfig, workerDatabaseName } from '../support/env.js';
import { Fixtures } from '../support/fixtures.js';

const OLD = {
  vi: ['KN-3 (KN-3/v1) — …', 'Lịch làm việc vn-public-sector@bff720fa1418aa00; chính sách …'],
  en: ['old'],
};

describe('rewriting stored explanations in the current wording (deadlines:refresh-explanations)', () => {
  let app: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(
      {
        module: class ExplanationRefreshTest {},
        imports: [
          CliModule.forRoot(testConfig()),
          ClockModule,
          CalendarModule,
          AuditModule,
          CaseDeadlinesModule,
          ...DEADLINE_SUBJECT_MODULES,
        ],
        providers: [DeadlineExplanationRefresh],
      },
      { logger: false },
    );
    dataSource = app.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('rewrites only what differs in wording alone, without history or version, and says what it left', async () => {
    const unitId = (await new Fixtures(app).unit('Thanh tra Sở', 'inspectorate')).id;
    const deadlines = app.get(CaseDeadlinesService);
    const open = (n: number) =>
      dataSource.transaction((m) =>
        deadlines.open(m, SYSTEM_ACTOR, {
          subjectType: 'complaint_case',
          subjectId: `00000000-0000-7000-8000-00000000000${n}`,
          unitId,
          purpose: 'resolution',
          ruleId: 'KN-3',
          trigger: '2026-01-16',
        }),
      );
    const [stale, fresh, otherCalendar] = [await open(1), await open(2), await open(3)];
    const row = async (id: string) =>
      (
        await dataSource.query(
          'SELECT explanation, version, calendar_version AS calendarVersion FROM case_deadlines WHERE id = ?',
          [id],
        )
      )[0] as { explanation: { vi: string[] }; version: number; calendarVersion: string };
    const current = (await row(fresh.id)).explanation;
    await dataSource.query('UPDATE case_deadlines SET explanation = ? WHERE id IN (?, ?)', [
      JSON.stringify(OLD),
      stale.id,
      otherCalendar.id,
    ]);
    // Computed on a calendar since changed (the worker's recomputation has not run): not the wording's business.
    await dataSource.query(
      "UPDATE case_deadlines SET calendar_version = 'vn-public-sector@0000000000000000' WHERE id = ?",
      [otherCalendar.id],
    );
    const changesBefore = await dataSource.query('SELECT COUNT(*) AS n FROM case_deadline_changes');

    const refresh = app.get(DeadlineExplanationRefresh);
    expect(await refresh.refresh(2)).toEqual({ refreshed: 1, current: 1, left: 1 });

    expect(await row(stale.id)).toMatchObject({ explanation: current, version: 1 });
    expect((await row(stale.id)).explanation.vi.at(-1)).toMatch(/^Lịch làm việc năm 2026 /);
    expect(await row(otherCalendar.id)).toMatchObject({ explanation: OLD, version: 1 });
    expect(await dataSource.query('SELECT COUNT(*) AS n FROM case_deadline_changes')).toEqual(changesBefore);
    expect(
      await dataSource.query(
        "SELECT entity_type AS entityType FROM audit_log WHERE action = 'case_deadline.explanation_refresh'",
      ),
    ).toEqual([{ entityType: 'case_deadline' }]);

    // Rerunnable: nothing left to rewrite.
    expect(await refresh.refresh()).toEqual({ refreshed: 0, current: 2, left: 1 });

    // npm run deadlines:refresh-explanations: the same, its report as one JSON line.
    const run = spawnSync(
      process.execPath,
      [join(__dirname, '..', '..', 'dist', 'src', 'case-deadlines', 'cli', 'refresh-explanations.cli.js')],
      {
        cwd: '/tmp',
        env: { ...process.env, DB_NAME: workerDatabaseName(), LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        timeout: 30000,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ refreshed: 0, current: 2, left: 1 });
  });
});
