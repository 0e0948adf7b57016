import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { CaseDeadlinesService } from '../../src/case-deadlines/case-deadlines.service.js';
import { DeadlineSubjects } from '../../src/case-deadlines/deadline-subject.js';
import { CLOSED_COMPLAINT_STATES } from '../../src/complaints/domain/complaint-lifecycle.js';
import { Clock } from '../../src/common/clock.js';
import { CLOSED_DENUNCIATION_STATES } from '../../src/denunciations/domain/denunciation-lifecycle.js';
import { EscalationService } from '../../src/escalations/escalation.service.js';
import { QUEUES } from '../../src/queue/queues.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { Fixtures } from '../support/fixtures.js';
import { Seeder, type Values } from '../support/seeder.js';
import { startWorker } from '../support/worker.js';

/** Noon in Vietnam on a local date. */
const at = (date: string) => new Date(`${date}T05:00:00Z`);
let idNo = 0;
const newId = () => `00000000-0000-7000-a000-${String(++idNo).padStart(12, '0')}`;

/**
 * Deadline subjects through their adapters (case-deadlines/deadline-subject.ts): the escalation job in
 * the worker asks each subject's feature whether it is closed, who handles it and how to name it, and
 * the deadline records ask it to keep the copy on its row.
 */
// An API and a worker start in beforeAll: on a busy machine that alone can take most of the default.
jest.setTimeout(90_000);

describe('deadline subjects', () => {
  let api: NestFastifyApplication;
  let worker: INestApplicationContext;
  let ds: DataSource;
  let unitId: string;
  let head: string;
  let handler: string;

  const seed = async (table: string, values: Values) => {
    const runner = ds.createQueryRunner();
    try {
      await runner.query('SET FOREIGN_KEY_CHECKS = 0');
      await new Seeder(runner).insert(table, values);
    } finally {
      await runner.query('SET FOREIGN_KEY_CHECKS = 1');
      await runner.release();
    }
  };
  const open = (subjectType: string, subjectId: string, ruleId: string, purpose: string) =>
    ds.transaction((m) =>
      worker.get(CaseDeadlinesService).open(m, SYSTEM_ACTOR, {
        subjectType,
        subjectId,
        unitId,
        purpose,
        ruleId,
        trigger: '2026-10-01',
      }),
    );
  /** Fires the deadline's first level on its day, in the worker; the outcome and what each user got. */
  const escalateFirst = async (d: Awaited<ReturnType<typeof open>>) => {
    const { levels } = await worker
      .get(CaseDeadlinesService)
      .ladderOf(worker.get<DataSource>(getDataSourceToken()).manager, d);
    jest.spyOn(worker.get(Clock), 'now').mockReturnValue(at(levels[0].on));
    const outcome = await worker
      .get(EscalationService)
      .escalate({ deadlineId: d.id, version: d.version, level: 1 });
    const notes: Array<{ userId: string; title: string; body: string; link: string | null }> = await ds.query(
      `SELECT user_id AS userId, title, body, link FROM notifications
       WHERE kind = 'escalation' AND subject_id = ? ORDER BY user_id`,
      [d.subjectId],
    );
    return { outcome, notes };
  };

  beforeAll(async () => {
    api = await startApi();
    // Emptied before the worker starts: a worker started on the last suite's rows would be busy with them
    // (deliveries, sweeps) while the tables are truncated.
    await truncateAll(api.get<DataSource>(getDataSourceToken()));
    worker = await startWorker();
    ds = worker.get<DataSource>(getDataSourceToken());
    const f = new Fixtures(api);
    unitId = (await f.unit('Phòng Tiếp công dân', 'division')).id;
    head = (await f.user(unitId, ['unit_head'])).id;
    handler = (await f.user(unitId, ['case_handler'])).id;
  });
  afterAll(async () => {
    await worker
      ?.get<Queue>(getQueueToken(QUEUES.escalation.name))
      .obliterate({ force: true })
      .catch(() => undefined);
    await worker?.close();
    await api?.close();
  });

  it('the API and the worker both know every kind of subject, and refuse one nobody registered', () => {
    const all = ['complaint_case', 'denunciation_case', 'enforcement_obligation', 'letter'];
    expect(api.get(DeadlineSubjects).types()).toEqual(all);
    expect(worker.get(DeadlineSubjects).types()).toEqual(all);
    expect(() => worker.get(DeadlineSubjects).of('reception_visit')).toThrow(/reception_visit/);
  });

  it("a complaint case's escalation goes to its handler, names it by number and links to it", async () => {
    const caseId = newId();
    await seed('complaint_cases', {
      id: caseId,
      unit_id: unitId,
      handler_user_id: handler,
      case_number: 'KN-2026-000101',
      subject: 'Khiếu nại về bồi thường đất',
      state: 'accepted',
    });
    const d = await open('complaint_case', caseId, 'KN-3', 'resolution');
    const { outcome, notes } = await escalateFirst(d);
    expect(outcome).toBe('fired');
    expect(notes.map((n) => n.userId)).toEqual([handler]);
    expect(notes[0].body).toMatch(/^Vụ việc KN-2026-000101 — Khiếu nại về bồi thường đất\n/);
    expect(notes[0].link).toBe(`/api/v1/complaint-cases/${caseId}`);
    // The first resolution deadline is copied to the case row (the reports' covering index).
    const [row] = await ds.query(
      'SELECT resolution_due AS due, resolution_status AS status FROM complaint_cases WHERE id = ?',
      [caseId],
    );
    expect(row).toEqual({ due: d.dueDate, status: 'open' });
  });

  it.each([
    ['complaint_case', 'complaint_cases', 'KN-3', CLOSED_COMPLAINT_STATES],
    ['denunciation_case', 'denunciation_cases', 'TC-3', CLOSED_DENUNCIATION_STATES],
  ])('a %s in a closed state of its lifecycle escalates nothing', async (type, table, rule, closed) => {
    expect(closed.length).toBeGreaterThan(0);
    for (const state of closed) {
      const caseId = newId();
      await seed(table, { id: caseId, unit_id: unitId, handler_user_id: handler, state });
      const d = await open(type, caseId, rule, 'resolution');
      const { outcome, notes } = await escalateFirst(d);
      expect({ state, outcome, notes: notes.length }).toEqual({ state, outcome: 'closed', notes: 0 });
      const [row] = await ds.query('SELECT next_escalation_on AS next FROM case_deadlines WHERE id = ?', [
        d.id,
      ]);
      expect(row.next).toBeNull();
    }
  });

  it('a denunciation case still open escalates, without a handler to its unit head', async () => {
    const caseId = newId();
    await seed('denunciation_cases', {
      id: caseId,
      unit_id: unitId,
      handler_user_id: null,
      case_number: 'TC-2026-000007',
      subject: 'Tố cáo hành vi nhận hối lộ',
      state: 'verifying',
    });
    const d = await open('denunciation_case', caseId, 'TC-3', 'resolution');
    const { outcome, notes } = await escalateFirst(d);
    expect(outcome).toBe('fired');
    expect(notes.map((n) => n.userId)).toEqual([head]);
    expect(notes[0].body).toMatch(/^Vụ việc TC-2026-000007 — Tố cáo hành vi nhận hối lộ\n/);
    expect(notes[0].link).toBe(`/api/v1/denunciation-cases/${caseId}`);
    const [row] = await ds.query('SELECT resolution_due AS due FROM denunciation_cases WHERE id = ?', [
      caseId,
    ]);
    expect(row.due).toBe(d.dueDate);
  });

  it("a letter's escalation goes to the officer who registered it and names the day it came", async () => {
    const letterId = newId();
    const d = await open('letter', letterId, 'XLD-1', 'processing');
    await seed('letters', {
      id: letterId,
      unit_id: unitId,
      registered_by_user_id: handler,
      received_on: '2026-10-01',
      subject: 'Đề nghị cấp giấy chứng nhận',
      status: 'registered',
      processing_due: d.dueDate,
      eligibility: '[]',
      flags: '[]',
    });
    const { outcome, notes } = await escalateFirst(d);
    expect(outcome).toBe('fired');
    expect(notes.map((n) => n.userId)).toEqual([handler]);
    expect(notes[0].body).toMatch(/^Đơn nhận ngày 01\/10\/2026 — Đề nghị cấp giấy chứng nhận\n/);
    expect(notes[0].link).toBe(`/api/v1/letters/${letterId}`);
  });
});
