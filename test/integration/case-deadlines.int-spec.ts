import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { nationalCalendar } from '../../src/calendar/domain/national-calendar.js';
import { CaseDeadlinesModule } from '../../src/case-deadlines/case-deadlines.module.js';
import { CaseDeadlinesService } from '../../src/case-deadlines/case-deadlines.service.js';
import { CliModule } from '../../src/cli.module.js';
import { computeDeadline } from '../../src/deadlines/domain/deadline-engine.js';
import { DEADLINE_SUBJECT_MODULES } from '../../src/worker.module.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { Fixtures } from '../support/fixtures.js';
import { Seeder } from '../support/seeder.js';

describe('statutory deadlines as records', () => {
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let deadlines: CaseDeadlinesService;
  let unitId: string;
  let caseNo = 0;
  const subject = () => ({
    subjectType: 'complaint_case',
    subjectId: `00000000-0000-7000-8000-${String(++caseNo).padStart(12, '0')}`,
  });
  const tx = <T>(work: (m: EntityManager) => Promise<T>) => dataSource.transaction(work);
  const history = (deadlineId: string) =>
    dataSource.query(
      'SELECT version, reason, previous_due AS previousDue, new_due AS newDue FROM case_deadline_changes WHERE deadline_id = ? ORDER BY id',
      [deadlineId],
    );

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(
      {
        module: class CaseDeadlinesTest {},
        // The subjects' adapters keep the copies on the case and letter rows (deadline-subject.ts).
        imports: [CliModule.forRoot(testConfig()), CaseDeadlinesModule, ...DEADLINE_SUBJECT_MODULES],
      },
      { logger: false },
    );
    dataSource = app.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    deadlines = app.get(CaseDeadlinesService);
    unitId = (await new Fixtures(app).unit('Thanh tra Sở', 'inspectorate')).id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('stores the engine answer with its rule version, calendar version and explanation', async () => {
    const s = subject();
    const d = await tx((m) =>
      deadlines.open(m, SYSTEM_ACTOR, {
        ...s,
        unitId,
        purpose: 'resolution',
        ruleId: 'KN-3',
        trigger: '2026-01-16',
      }),
    );
    const engine = computeDeadline('KN-3', '2026-01-16', {}, nationalCalendar());
    const [row] = await dataSource.query('SELECT * FROM case_deadlines WHERE id = ?', [d.id]);
    expect(row).toMatchObject({
      rule_id: 'KN-3',
      rule_version: engine.ruleVersion,
      trigger_date: '2026-01-16',
      raw_end: '2026-02-15',
      due_date: '2026-02-23', // golden W03: Sun 15 Feb inside Tết → Mon 23 Feb
      calendar_version: engine.calendarVersion,
      status: 'open',
      version: 1,
    });
    expect(row.explanation.vi.length).toBeGreaterThan(1);
    expect(await history(d.id)).toEqual([
      { version: 1, reason: 'opened', previousDue: null, newDue: '2026-02-23' },
    ]);
  });

  it('passes each rule only the case facts it accepts (remote means nothing to KN-4)', async () => {
    const s = subject();
    const d = await tx((m) =>
      deadlines.open(m, SYSTEM_ACTOR, {
        ...s,
        unitId,
        purpose: 'send_decision',
        ruleId: 'KN-4',
        trigger: '2026-02-13',
        options: { remote: true, complicated: true },
      }),
    );
    expect(d.dueDate).toBe('2026-02-25'); // golden W05
    expect(d.options).toEqual({});
  });

  it('a suspension and its continuation move the due date by the suspended days (golden W13)', async () => {
    const s = subject();
    const d = await tx((m) =>
      deadlines.open(m, SYSTEM_ACTOR, {
        ...s,
        unitId,
        purpose: 'resolution',
        ruleId: 'KN-3',
        trigger: '2026-07-06',
      }),
    );
    expect(d.dueDate).toBe('2026-08-05');
    await tx((m) => deadlines.pause(m, SYSTEM_ACTOR, s, 'resolution', '2026-07-20'));
    const [paused] = await dataSource.query(
      'SELECT status, paused_since AS since FROM case_deadlines WHERE id = ?',
      [d.id],
    );
    expect(paused).toEqual({ status: 'paused', since: '2026-07-20' });
    const [resumed] = await tx((m) => deadlines.resume(m, SYSTEM_ACTOR, s, 'resolution', '2026-08-10'));
    expect(resumed).toMatchObject({ dueDate: '2026-08-26', status: 'open', version: 2 });
    expect(resumed.options.suspensions).toEqual([{ suspended: '2026-07-20', resumed: '2026-08-10' }]);
    expect(await history(d.id)).toEqual([
      { version: 1, reason: 'opened', previousDue: null, newDue: '2026-08-05' },
      { version: 1, reason: 'paused', previousDue: '2026-08-05', newDue: '2026-08-05' },
      { version: 2, reason: 'continued', previousDue: '2026-08-05', newDue: '2026-08-26' },
    ]);
  });

  it('a flag decided later (complicated) recomputes the running deadline and keeps the old date in history', async () => {
    const s = subject();
    const d = await tx((m) =>
      deadlines.open(m, SYSTEM_ACTOR, {
        ...s,
        unitId,
        purpose: 'resolution',
        ruleId: 'KN-3',
        trigger: '2026-01-26',
      }),
    );
    expect(d.dueDate).toBe('2026-02-25'); // golden W02a
    const [changed] = await tx((m) => deadlines.changeFlags(m, SYSTEM_ACTOR, s, { complicated: true }));
    expect(changed).toMatchObject({ dueDate: '2026-03-12', version: 2 }); // golden W02b
    expect((await history(d.id)).at(-1)).toEqual({
      version: 2,
      reason: 'flags_changed',
      previousDue: '2026-02-25',
      newDue: '2026-03-12',
    });
  });

  it('settling says met on or before the due date, missed after it, cancelled when the step will not happen', async () => {
    const onTime = subject();
    const late = subject();
    const dropped = subject();
    for (const s of [onTime, late, dropped]) {
      await tx((m) =>
        deadlines.open(m, SYSTEM_ACTOR, {
          ...s,
          unitId,
          purpose: 'resolution',
          ruleId: 'KN-3',
          trigger: '2026-01-26',
        }),
      );
    }
    const [met] = await tx((m) =>
      deadlines.settle(m, SYSTEM_ACTOR, onTime, 'resolution', 'done', '2026-02-25'),
    );
    const [missed] = await tx((m) =>
      deadlines.settle(m, SYSTEM_ACTOR, late, 'resolution', 'done', '2026-02-26'),
    );
    const [cancelled] = await tx((m) =>
      deadlines.settle(m, SYSTEM_ACTOR, dropped, 'resolution', 'cancelled', '2026-02-01'),
    );
    expect([met.status, missed.status, cancelled.status]).toEqual(['met', 'missed', 'cancelled']);
    // Settled deadlines are not settled twice.
    expect(
      await tx((m) => deadlines.settle(m, SYSTEM_ACTOR, onTime, 'resolution', 'done', '2026-03-01')),
    ).toEqual([]);
  });

  it('a purpose that recurs gets the next sequence number; the database refuses a duplicate', async () => {
    const s = subject();
    const first = await tx((m) =>
      deadlines.open(m, SYSTEM_ACTOR, {
        ...s,
        unitId,
        purpose: 'suspension_notice',
        ruleId: 'KN-12',
        trigger: '2026-07-20',
      }),
    );
    const second = await tx((m) =>
      deadlines.open(m, SYSTEM_ACTOR, {
        ...s,
        unitId,
        purpose: 'suspension_notice',
        ruleId: 'KN-12',
        trigger: '2026-08-10',
      }),
    );
    expect([first.sequence, second.sequence]).toEqual([1, 2]);
    await expect(
      dataSource.query('UPDATE case_deadlines SET sequence = 1 WHERE id = ?', [second.id]),
    ).rejects.toThrow(/uq_case_deadlines_subject_purpose/);
  });

  it('a step that fails after opening its deadline leaves no deadline behind', async () => {
    const s = subject();
    await expect(
      tx(async (m) => {
        await deadlines.open(m, SYSTEM_ACTOR, {
          ...s,
          unitId,
          purpose: 'resolution',
          ruleId: 'KN-3',
          trigger: '2026-01-26',
        });
        throw new Error('the rest of the command failed');
      }),
    ).rejects.toThrow('the rest of the command failed');
    expect(
      await dataSource.query('SELECT id FROM case_deadlines WHERE subject_id = ?', [s.subjectId]),
    ).toEqual([]);
  });

  it("keeps the case row's copy of its first resolution deadline in step with every write, and only that one", async () => {
    const s = subject();
    const runner = dataSource.createQueryRunner();
    try {
      // A bare case row (its letter is not the point here).
      await runner.query('SET FOREIGN_KEY_CHECKS = 0');
      await runner.query(
        `INSERT INTO complaint_cases (id, case_number, letter_id, unit_id, track, state, subject, received_on, search_text)
         VALUES (?, ?, ?, ?, 'first_time', 'accepted', 'Hồ sơ thử', '2026-01-10', '')`,
        [s.subjectId, `KN-T-${caseNo}`, s.subjectId, unitId],
      );
    } finally {
      await runner.query('SET FOREIGN_KEY_CHECKS = 1');
      await runner.release();
    }
    const copy = async () =>
      (
        await dataSource.query(
          `SELECT resolution_due AS due, resolution_status AS status, resolution_settled_on AS settledOn,
             resolution_target AS target FROM complaint_cases WHERE id = ?`,
          [s.subjectId],
        )
      )[0];
    const row = async (id: string) =>
      (
        await dataSource.query(
          `SELECT due_date AS due, status, settled_on AS settledOn, internal_target AS target
           FROM case_deadlines WHERE id = ?`,
          [id],
        )
      )[0];
    expect(await copy()).toEqual({ due: null, status: null, settledOn: null, target: null });
    const updatedAt = async () =>
      (await dataSource.query('SELECT updated_at AS at FROM complaint_cases WHERE id = ?', [s.subjectId]))[0]
        .at;
    const before = await updatedAt();

    // Another purpose is not copied.
    await tx((m) =>
      deadlines.open(m, SYSTEM_ACTOR, {
        ...s,
        unitId,
        purpose: 'acceptance',
        ruleId: 'KN-2',
        trigger: '2026-01-10',
      }),
    );
    expect(await copy()).toEqual({ due: null, status: null, settledOn: null, target: null });

    const d = await tx((m) =>
      deadlines.open(m, SYSTEM_ACTOR, {
        ...s,
        unitId,
        purpose: 'resolution',
        ruleId: 'KN-3',
        trigger: '2026-07-06',
      }),
    );
    expect(await copy()).toEqual(await row(d.id));
    expect((await copy()).due).toBe(computeDeadline('KN-3', '2026-07-06', {}, nationalCalendar()).due);

    await tx((m) => deadlines.setInternalTarget(m, SYSTEM_ACTOR, d.id, '2026-07-31'));
    await tx((m) => deadlines.pause(m, SYSTEM_ACTOR, s, 'resolution', '2026-07-20'));
    expect(await copy()).toMatchObject({ status: 'paused', target: '2026-07-31' });
    await tx((m) => deadlines.resume(m, SYSTEM_ACTOR, s, 'resolution', '2026-07-30'));
    const resumed = await row(d.id);
    expect(resumed.due).not.toBe(computeDeadline('KN-3', '2026-07-06', {}, nationalCalendar()).due); // the suspended days were added
    expect(await copy()).toEqual(resumed);
    await tx((m) => deadlines.changeFlags(m, SYSTEM_ACTOR, s, { complicated: true }));
    expect(await copy()).toEqual(await row(d.id));

    // A second resolution deadline of the same case leaves the copy on the first.
    const second = await tx((m) =>
      deadlines.open(m, SYSTEM_ACTOR, {
        ...s,
        unitId,
        purpose: 'resolution',
        ruleId: 'KN-3',
        trigger: '2026-09-01',
      }),
    );
    expect(second.sequence).toBe(2);
    expect(await copy()).toEqual(await row(d.id));

    await tx((m) => deadlines.settle(m, SYSTEM_ACTOR, s, 'resolution', 'done', '2026-08-05'));
    expect(await copy()).toEqual(await row(d.id));
    expect(await copy()).toMatchObject({ status: 'met', settledOn: '2026-08-05', target: '2026-07-31' });
    // A copy is not a change of the case: the work lists' "recently updated" order stays.
    expect(await updatedAt()).toEqual(before);
  });

  it("moves the letter's processing due date (letters.processing_due, the overdue list) with its deadline", async () => {
    const letterId = subject().subjectId;
    const letter = { subjectType: 'letter', subjectId: letterId };
    const d = await tx((m) =>
      deadlines.open(m, SYSTEM_ACTOR, {
        ...letter,
        unitId,
        purpose: 'processing',
        ruleId: 'XLD-1',
        trigger: '2026-08-03',
      }),
    );
    // The letter row is written after its first deadline, with that due date (LettersService).
    const runner = dataSource.createQueryRunner();
    try {
      await runner.query('SET FOREIGN_KEY_CHECKS = 0');
      await new Seeder(runner).insert('letters', {
        id: letterId,
        unit_id: unitId,
        status: 'registered',
        processing_due: d.dueDate,
        eligibility: '[]',
        flags: '[]',
      });
    } finally {
      await runner.query('SET FOREIGN_KEY_CHECKS = 1');
      await runner.release();
    }
    const due = async () =>
      (await dataSource.query('SELECT processing_due AS due FROM letters WHERE id = ?', [letterId]))[0].due;
    // A stale due date (as under an older calendar version) is put right by the recomputation, and the
    // letter's copy with it.
    await dataSource.query('UPDATE case_deadlines SET due_date = ? WHERE id = ?', ['2026-08-04', d.id]);
    await dataSource.query('UPDATE letters SET processing_due = ? WHERE id = ?', ['2026-08-04', letterId]);
    const moved = await tx((m) => deadlines.recomputeForCalendar(m, SYSTEM_ACTOR, [unitId], '2026-08-01'));
    expect(moved.map((x) => x.id)).toContain(d.id);
    expect(await due()).toBe(d.dueDate);
    expect(d.dueDate).not.toBe('2026-08-04');
  });
});
