import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, QueryRunner } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { addDays } from '../../src/common/domain/local-date.js';
import { FORMS, leafColumns, type FormCode } from '../../src/reports/domain/forms.js';
import { rollUp } from '../../src/reports/domain/rollup.js';
import { NOT_DERIVED, ReportDataService } from '../../src/reports/report-data.service.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { Fixtures } from '../support/fixtures.js';
import { Seeder, type Values } from '../support/seeder.js';

// Seeded rows inside and outside the window for a parent, its child and an out-of-scope unit; the
// expected counters are computed here in plain JS from the seed arrays (the definitions documented in
// report-data.service.ts), never by re-running the service's SQL.

const FROM = '2026-01-01';
const TO = '2026-03-31';
/** Seeded dates run from SPAN_START over SPAN_DAYS days: before, inside and after the window. */
const SPAN_START = '2025-10-01';
const SPAN_DAYS = 270;

type Counters = Record<string, number>;

/** mulberry32: a small deterministic PRNG, so a failure reproduces. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
    /** A day of the span; one in eight is a day at an edge of the window (inside or just outside). */
    date: () =>
      next() < 0.125
        ? [addDays(FROM, -1), FROM, TO, addDays(TO, 1)][Math.floor(next() * 4)]
        : addDays(SPAN_START, Math.floor(next() * SPAN_DAYS)),
  };
}

const inWindow = (d: string | null | undefined) => d != null && d >= FROM && d <= TO;

const JSON_DEFAULTS = {
  reception_sessions: { officers: '[]' },
  letters: { eligibility: '[]', flags: '[]' },
  case_deadlines: { options: '{}', explanation: '{"vi":[],"en":[]}' },
};

const zeros = (code: FormCode): Counters =>
  Object.fromEntries(leafColumns(FORMS.find((f) => f.code === code)!.columns).map((c) => [c.key, 0]));

describe('report data: own counters per unit (real MariaDB)', () => {
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let service: ReportDataService;
  let runner: QueryRunner;
  let seeder: Seeder;
  let parentId: string;
  let childId: string;
  let outsideId: string;
  let units: string[];

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(AppModule.forRoot(testConfig()), { logger: false });
    await app.init();
    dataSource = app.get<DataSource>(getDataSourceToken());
    service = app.get(ReportDataService);
  });
  afterAll(async () => {
    await app?.close();
  });
  beforeEach(async () => {
    await truncateAll(dataSource);
    const f = new Fixtures(app);
    const parent = await f.unit('Sở Thử nghiệm', 'agency');
    const child = await f.unit('Phòng Thử nghiệm', 'division', parent.id);
    const outside = await f.unit('Sở Khác', 'agency');
    [parentId, childId, outsideId] = [parent.id, child.id, outside.id];
    units = [parentId, childId];
    runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.query('SET FOREIGN_KEY_CHECKS = 0');
    seeder = new Seeder(runner);
  });
  afterEach(async () => {
    await runner.query('SET FOREIGN_KEY_CHECKS = 1');
    await runner.release();
  });

  /** own counters vs the expected ones, then the roll-up: parent total = own + child's. */
  async function check(code: FormCode, expected: Map<string, Counters>) {
    const own = await service.ownCounters(code, { from: FROM, to: TO }, units);
    expect([...own.keys()].sort()).toEqual([...units].sort());
    for (const id of units) expect(own.get(id)).toEqual(expected.get(id));
    for (const key of NOT_DERIVED[code]) for (const id of units) expect(own.get(id)![key]).toBe(0);
    // Something counted for both units, so the roll-up check is not vacuous.
    for (const id of units) expect(Object.values(own.get(id)!).some((v) => v > 0)).toBe(true);

    const totals = rollUp(
      [
        { id: parentId, parentId: null },
        { id: childId, parentId },
      ],
      own,
    );
    for (const key of Object.keys(zeros(code))) {
      expect(totals.get(parentId)![key]).toBe(own.get(parentId)![key] + own.get(childId)![key]);
      expect(totals.get(childId)![key]).toBe(own.get(childId)![key]);
    }
    return own;
  }

  it('01/TCD: visits, people, first / repeat matters, groups, sessions, content', async () => {
    const r = prng(101);
    const all = [parentId, childId, outsideId];
    const sessions: { id: string; unit: string; date: string; status: string }[] = [];
    for (let i = 0; i < 30; i++) {
      const s = {
        id: randomUUID(),
        unit: r.pick(all),
        date: r.date(),
        status: r.pick(['scheduled', 'postponed', 'cancelled']),
      };
      sessions.push(s);
      await seeder.insert('reception_sessions', {
        id: s.id,
        unit_id: s.unit,
        kind: r.pick(['periodic', 'ad_hoc']),
        mode: 'direct',
        session_date: s.date,
        status: s.status,
        ...JSON_DEFAULTS.reception_sessions,
      });
    }
    const visits: {
      unit: string;
      matter: string;
      number: number;
      session: string | null;
      date: string;
      people: number;
      kind: string;
    }[] = [];
    for (let m = 0; m < 40; m++) {
      const unit = r.pick(all);
      const matter = randomUUID();
      const kind = r.pick(['complaint', 'denunciation', 'petition', 'mixed']);
      let date = r.date();
      const count = 1 + r.int(3);
      await seeder.insert('reception_matters', {
        id: matter,
        unit_id: unit,
        opened_on: date,
        content_kind: kind,
        last_visit_on: date,
      });
      for (let n = 1; n <= count; n++) {
        const own = sessions.filter((s) => s.unit === unit);
        const v = {
          unit,
          matter,
          number: n,
          session: own.length > 0 && r.chance(0.4) ? r.pick(own).id : null,
          date,
          people: r.chance(0.3) ? 5 + r.int(10) : 1 + r.int(4),
          kind,
        };
        visits.push(v);
        await seeder.insert('reception_visits', {
          id: randomUUID(),
          unit_id: unit,
          matter_id: matter,
          visit_number: n,
          session_id: v.session,
          visit_date: v.date,
          people_count: v.people,
          content_kind: kind,
          within_competence: 1,
          outcome: 'guided',
        });
        date = addDays(date, 1 + r.int(60));
      }
    }

    const expected = new Map<string, Counters>();
    for (const unit of units) {
      const e = zeros('01/TCD');
      const vs = visits.filter((v) => v.unit === unit && inWindow(v.date));
      const distinct = (xs: typeof vs) => new Set(xs.map((v) => v.matter)).size;
      const block = (prefix: string, xs: typeof vs) => {
        const crowd = xs.filter((v) => v.people >= 5);
        e[`${prefix}.visits`] = xs.length;
        e[`${prefix}.people`] = xs.reduce((s, v) => s + v.people, 0);
        e[`${prefix}.matters.first`] = distinct(xs.filter((v) => v.number === 1));
        e[`${prefix}.matters.repeat`] = distinct(xs.filter((v) => v.number > 1));
        e[`${prefix}.groups.count`] = crowd.length;
        e[`${prefix}.groups.people`] = crowd.reduce((s, v) => s + v.people, 0);
        e[`${prefix}.groups.matters.first`] = distinct(crowd.filter((v) => v.number === 1));
        e[`${prefix}.groups.matters.repeat`] = distinct(crowd.filter((v) => v.number > 1));
      };
      e['total.visits'] = vs.length;
      e['total.people'] = vs.reduce((s, v) => s + v.people, 0);
      e['total.matters'] = distinct(vs);
      block(
        'regular',
        vs.filter((v) => v.session === null),
      );
      block(
        'head.direct',
        vs.filter((v) => v.session !== null),
      );
      e['head.direct.sessions'] = sessions.filter(
        (s) => s.unit === unit && inWindow(s.date) && s.status !== 'cancelled',
      ).length;
      for (const k of ['complaint', 'denunciation', 'petition']) {
        e[`content.${k}`] = distinct(vs.filter((v) => v.kind === k));
      }
      expected.set(unit, e);
    }
    const own = await check('01/TCD', expected);
    expect(own.get(parentId)!['total.visits']).toBeGreaterThan(0);
  });

  it('02/XLD: carried over, received, classification, handling', async () => {
    const r = prng(202);
    const all = [parentId, childId, outsideId];
    const letters: {
      unit: string;
      received: string;
      decided: string | null;
      decision: string | null;
      status: string;
      eligible: boolean;
      classification: string;
    }[] = [];
    for (let i = 0; i < 120; i++) {
      const received = r.date();
      const split = r.chance(0.08);
      const decided = !split && r.chance(0.7) ? addDays(received, r.int(40)) : null;
      const l = {
        unit: r.pick(all),
        received,
        decided,
        decision: decided ? r.pick(['accept', 'guide', 'transfer', 'return', 'archive']) : null,
        status: split ? 'split' : decided ? 'decided' : 'registered',
        eligible: r.chance(0.7),
        classification: split ? 'mixed' : r.pick(['complaint', 'denunciation', 'petition', 'anonymous']),
      };
      letters.push(l);
      await seeder.insert('letters', {
        id: randomUUID(),
        unit_id: l.unit,
        received_on: l.received,
        decided_on: l.decided,
        decision: l.decision,
        status: l.status,
        eligible: l.eligible ? 1 : 0,
        classification: l.classification,
        ...JSON_DEFAULTS.letters,
      });
    }

    const expected = new Map<string, Counters>();
    for (const unit of units) {
      const e = zeros('02/XLD');
      const mine = letters.filter((l) => l.unit === unit && l.status !== 'split');
      const carried = mine.filter((l) => l.received < FROM && (l.decided === null || l.decided >= FROM));
      const received = mine.filter((l) => inWindow(l.received));
      const period = [...carried, ...received];
      e['letters.carried_over'] = carried.length;
      e['letters.received'] = received.length;
      e['letters.total'] = period.length;
      e['ineligible'] = period.filter((l) => !l.eligible).length;
      e['eligible.total'] = period.filter((l) => l.eligible).length;
      for (const k of ['complaint', 'denunciation', 'petition']) {
        e[`eligible.${k}`] = period.filter((l) => l.eligible && l.classification === k).length;
      }
      const decided = mine.filter((l) => inWindow(l.decided));
      const byDecision = { accept: 'accepted', guide: 'guided', transfer: 'transferred', return: 'returned' };
      for (const [decision, key] of Object.entries(byDecision)) {
        e[`handled.${key}`] = decided.filter((l) => l.decision === decision).length;
      }
      e['handled.filed'] = decided.filter((l) => l.decision === 'archive').length;
      expected.set(unit, e);
    }
    await check('02/XLD', expected);
  });

  describe.each([
    [
      '03/GQKN',
      'complaint_cases',
      'complaint_case_events',
      'complaint_case',
      'decided_on',
      'decision_outcome',
    ],
    [
      '04/GQTC',
      'denunciation_cases',
      'denunciation_case_events',
      'denunciation_case',
      'concluded_on',
      'conclusion_outcome',
    ],
  ] as const)('%s', (code, table, eventsTable, subjectType, decidedColumn, outcomeColumn) => {
    it('accepted, carried over, resolved by outcome, withdrawn, terminated, timeliness, pending', async () => {
      const r = prng(code === '03/GQKN' ? 303 : 404);
      const all = [parentId, childId, outsideId];
      interface Case {
        unit: string;
        accepted: string | null;
        decided: string | null;
        outcome: string | null;
        /** Every withdrawal step's date (a denunciation may be withdrawn again after going on). */
        withdrawals: string[];
        terminateOn: string | null;
        endedOn: string | null;
        deadline: { due: string; status: string; internal: string | null; settled: string | null } | null;
      }
      const cases: Case[] = [];
      for (let i = 0; i < 150; i++) {
        const id = randomUUID();
        const received = r.date();
        const accepted = r.chance(0.85) ? addDays(received, r.int(10)) : null;
        const ending = accepted ? r.next() : 1;
        const decided = accepted && ending < 0.5 ? addDays(accepted, r.int(60)) : null;
        // Ended without a decision: withdrawn (a denunciation may continue after it) or terminated.
        const withdrawals: string[] = [];
        let terminateOn: string | null = null;
        let endedOn: string | null = null;
        const events: Values[] = [];
        if (accepted) events.push({ event: 'accept', to_state: 'accepted', event_date: accepted });
        if (accepted && !decided && ending < 0.65) {
          const withdrawnOn = addDays(accepted, r.int(60));
          const continues = code === '04/GQTC' && r.chance(0.5);
          if (!continues) endedOn = withdrawnOn;
          withdrawals.push(withdrawnOn);
          events.push({
            event: 'withdraw',
            to_state: continues ? 'verifying' : 'terminated',
            event_date: withdrawnOn,
          });
          if (continues && r.chance(0.5)) {
            // Withdrawn again later (the case went on): counted at its first withdrawal only.
            const again = addDays(withdrawnOn, r.int(40));
            withdrawals.push(again);
            events.push({ event: 'withdraw', to_state: 'verifying', event_date: again });
          }
        } else if (accepted && !decided && ending < 0.8) {
          terminateOn = addDays(accepted, r.int(60));
          endedOn = terminateOn;
          events.push({ event: 'terminate', to_state: 'terminated', event_date: terminateOn });
        }
        let deadline: Case['deadline'] = null;
        if (accepted && r.chance(0.9)) {
          const due = addDays(accepted, 45);
          const settled = decided ?? endedOn;
          deadline = {
            due,
            status: decided ? (decided <= due ? 'met' : 'missed') : endedOn ? 'cancelled' : 'open',
            internal: r.chance(0.5) ? addDays(accepted, 30) : null,
            settled,
          };
          await seeder.insert('case_deadlines', {
            id: randomUUID(),
            subject_type: subjectType,
            subject_id: id,
            unit_id: r.pick(all), // the report counts by the case's unit
            purpose: 'resolution',
            sequence: 1,
            trigger_date: accepted,
            raw_end: due,
            due_date: due,
            internal_target: deadline.internal,
            status: deadline.status,
            settled_on: settled,
            ...JSON_DEFAULTS.case_deadlines,
          });
        }
        if (accepted && r.chance(0.3)) {
          // Another purpose of the same case: must not be joined.
          await seeder.insert('case_deadlines', {
            id: randomUUID(),
            subject_type: subjectType,
            subject_id: id,
            unit_id: parentId,
            purpose: 'acceptance',
            sequence: 1,
            trigger_date: received,
            raw_end: received,
            due_date: received,
            status: 'met',
            settled_on: accepted,
            ...JSON_DEFAULTS.case_deadlines,
          });
        }
        const c: Case = {
          unit: r.pick(all),
          accepted,
          decided,
          outcome: decided ? r.pick(['right', 'partly_right', 'wrong']) : null,
          withdrawals,
          terminateOn,
          endedOn,
          deadline,
        };
        cases.push(c);
        await seeder.insert(table, {
          id,
          unit_id: c.unit,
          received_on: received,
          accepted_on: accepted,
          [decidedColumn]: decided,
          [outcomeColumn]: c.outcome,
          state: endedOn ? 'terminated' : decided ? 'decided' : accepted ? 'verifying' : 'received',
          terminated_on: endedOn,
          terminated_by: endedOn ? (terminateOn ? 'terminate' : 'withdraw') : null,
          withdrawn_on: withdrawals[0] ?? null,
          // The case row's copy of its resolution deadline, as CaseDeadlinesService keeps it.
          resolution_due: deadline?.due ?? null,
          resolution_status: deadline?.status ?? null,
          resolution_settled_on: deadline?.settled ?? null,
          resolution_target: deadline?.internal ?? null,
        });
        for (const [i, ev] of events.entries()) {
          await seeder.insert(eventsTable, { id: randomUUID(), case_id: id, sequence: i + 1, ...ev });
        }
      }

      const expected = new Map<string, Counters>();
      for (const unit of units) {
        const e = zeros(code);
        const open = cases.filter(
          (c) =>
            c.unit === unit &&
            c.accepted !== null &&
            c.accepted <= TO &&
            (c.decided === null || c.decided >= FROM) &&
            (c.endedOn === null || c.endedOn >= FROM),
        );
        e['cases.carried_over'] = open.filter((c) => c.accepted! < FROM).length;
        e['cases.accepted'] = open.filter((c) => inWindow(c.accepted)).length;
        e['cases.total'] = e['cases.carried_over'] + e['cases.accepted'];
        const resolved = open.filter((c) => inWindow(c.decided));
        e['resolved.total'] = resolved.length;
        for (const o of ['right', 'partly_right', 'wrong']) {
          e[`resolved.${o}`] = resolved.filter((c) => c.outcome === o).length;
        }
        // A case counts in the window of its first withdrawal only (the periods add up to the year).
        e['withdrawn'] = open.filter((c) => inWindow(c.withdrawals[0])).length;
        e['terminated'] = open.filter((c) => inWindow(c.terminateOn)).length;
        e['timeliness.statutory.on_time'] = resolved.filter((c) => c.deadline?.status === 'met').length;
        e['timeliness.statutory.overdue'] = resolved.filter((c) => c.deadline?.status === 'missed').length;
        const targeted = resolved.filter((c) => c.deadline?.internal);
        e['timeliness.internal.on_time'] = targeted.filter(
          (c) => c.deadline!.settled! <= c.deadline!.internal!,
        ).length;
        e['timeliness.internal.overdue'] = targeted.filter(
          (c) => c.deadline!.settled! > c.deadline!.internal!,
        ).length;
        const pending = open.filter(
          (c) => (c.decided === null || c.decided > TO) && (c.endedOn === null || c.endedOn > TO),
        );
        e['pending.overdue'] = pending.filter((c) => c.deadline !== null && c.deadline.due < TO).length;
        e['pending.within_period'] = pending.length - e['pending.overdue'];
        expected.set(unit, e);
      }
      await check(code, expected);
    });
  });

  it('05/KQTH: to enforce, done, in progress, overdue, blocked per decision kind', async () => {
    const r = prng(505);
    const all = [parentId, childId, outsideId];
    const records: {
      unit: string;
      subject: string;
      opened: string;
      status: string;
      closed: string | null;
    }[] = [];
    for (let i = 0; i < 120; i++) {
      const opened = r.date();
      const status = r.pick(['not_started', 'in_progress', 'done', 'overdue', 'blocked']);
      const rec = {
        unit: r.pick(all),
        subject: r.pick(['complaint_case', 'denunciation_case']),
        opened,
        status,
        closed: status === 'done' ? addDays(opened, r.int(90)) : null,
      };
      records.push(rec);
      await seeder.insert('enforcement_records', {
        id: randomUUID(),
        subject_type: rec.subject,
        subject_id: randomUUID(),
        unit_id: rec.unit,
        opened_on: rec.opened,
        status: rec.status,
        closed_on: rec.closed,
      });
    }

    const expected = new Map<string, Counters>();
    for (const unit of units) {
      const e = zeros('05/KQTH');
      for (const [subject, prefix] of [
        ['complaint_case', 'complaint'],
        ['denunciation_case', 'denunciation'],
      ]) {
        const mine = records.filter(
          (x) =>
            x.unit === unit &&
            x.subject === subject &&
            x.opened <= TO &&
            (x.closed === null || x.closed >= FROM),
        );
        e[`${prefix}.due.carried_over`] = mine.filter((x) => x.opened < FROM).length;
        e[`${prefix}.due.new`] = mine.filter((x) => inWindow(x.opened)).length;
        e[`${prefix}.due.total`] = mine.length;
        e[`${prefix}.done`] = mine.filter((x) => inWindow(x.closed)).length;
        const stillOpen = mine.filter((x) => x.closed === null || x.closed > TO);
        e[`${prefix}.blocked`] = stillOpen.filter((x) => x.status === 'blocked').length;
        e[`${prefix}.overdue`] = stillOpen.filter((x) => x.status === 'overdue').length;
        e[`${prefix}.in_progress`] = stillOpen.filter(
          (x) => x.status !== 'blocked' && x.status !== 'overdue',
        ).length;
      }
      expected.set(unit, e);
    }
    await check('05/KQTH', expected);
  });

  it('an empty unit list, an unknown form and a reversed window', async () => {
    expect((await service.ownCounters('03/GQKN', { from: FROM, to: TO }, [])).size).toBe(0);
    await expect(service.ownCounters('99/XX', { from: FROM, to: TO }, units)).rejects.toMatchObject({
      code: 'REPORT_FORM_INVALID',
    });
    await expect(service.ownCounters('03/GQKN', { from: TO, to: FROM }, units)).rejects.toMatchObject({
      code: 'REPORT_WINDOW_INVALID',
    });
  });
});
