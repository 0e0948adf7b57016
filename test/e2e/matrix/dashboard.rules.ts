import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Rule } from './accounts.rules.js';

/**
 * The inspectorate dashboard (docs/dashboard.md): both API routes need reports:read and are not
 * scoped by a path id (the figures themselves are limited to the viewer's units: dashboard.e2e-spec.ts).
 * The page /bang-dieu-khien is outside the OpenAPI document (cookie session, tested in the dashboard specs).
 */
export const DASHBOARD_RULES: Record<string, Rule> = {
  'GET /api/v1/dashboard': {
    access: 'reports:read',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/dashboard' }),
  },
  'POST /api/v1/dashboard/session': {
    access: 'reports:read',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/dashboard/session' }),
  },
};

/** Rows for the dashboard's tables, written directly (the dashboard only counts them). */
export interface DashboardSeed {
  cases?: { kind: 'complaint' | 'denunciation'; unitId: string; state: string; receivedOn: string }[];
  deadlines?: {
    unitId: string;
    purpose: string;
    status: string;
    dueDate: string;
    settledOn?: string | null;
  }[];
  enforcement?: { unitId: string; status: string }[];
}

/**
 * Inserts the rows with foreign-key checks off for this one connection: cases need a letter and
 * deadlines a subject, neither of which the dashboard reads.
 */
export async function insertDashboardRows(dataSource: DataSource, seed: DashboardSeed): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SET FOREIGN_KEY_CHECKS = 0');
    for (const c of seed.cases ?? []) {
      const number = `DB-${randomUUID().slice(0, 8)}`;
      if (c.kind === 'complaint') {
        await runner.query(
          `INSERT INTO complaint_cases (id, case_number, letter_id, unit_id, track, state, subject, received_on, search_text)
           VALUES (?, ?, ?, ?, 'first_time', ?, 'Hồ sơ thử', ?, '')`,
          [randomUUID(), number, randomUUID(), c.unitId, c.state, c.receivedOn],
        );
      } else {
        await runner.query(
          `INSERT INTO denunciation_cases (id, case_number, letter_id, unit_id, track, state, subject, received_on, complexity, search_text)
           VALUES (?, ?, ?, ?, 'denunciation', ?, 'Hồ sơ thử', ?, 'normal', '')`,
          [randomUUID(), number, randomUUID(), c.unitId, c.state, c.receivedOn],
        );
      }
    }
    for (const d of seed.deadlines ?? []) {
      await runner.query(
        `INSERT INTO case_deadlines (id, subject_type, subject_id, unit_id, purpose, rule_id, rule_version, trigger_date,
           options, raw_end, due_date, status, settled_on, calendar_version, policy_version, explanation)
         VALUES (?, 'complaint_case', ?, ?, ?, 'KN-3', 'test', ?, '{}', ?, ?, ?, ?, 'test', 'test', '{}')`,
        [
          randomUUID(),
          randomUUID(),
          d.unitId,
          d.purpose,
          d.dueDate,
          d.dueDate,
          d.dueDate,
          d.status,
          d.settledOn ?? null,
        ],
      );
    }
    for (const r of seed.enforcement ?? []) {
      await runner.query(
        `INSERT INTO enforcement_records (id, subject_type, subject_id, unit_id, title, opened_on, status)
         VALUES (?, 'complaint_case', ?, ?, 'Thi hành thử', '2026-01-05', ?)`,
        [randomUUID(), randomUUID(), r.unitId, r.status],
      );
    }
  } finally {
    await runner.query('SET FOREIGN_KEY_CHECKS = 1').catch(() => undefined);
    await runner.release();
  }
}
