import type { Rule, Scope, World } from './accounts.rules.js';

/**
 * Agencies' reporting schedules (src/reporting-reminders). A schedule belongs to an agency-kind unit;
 * every role's scope in the matrix world is division A's subtree (the inspectorate leader's, agency A's),
 * so the agency used is a fresh one under division A ("in") or division B ("out") — fresh per call, so a
 * PUT always starts from version 0.
 */
const agency = (w: World, s: Scope) =>
  w.f.unit('Xã Thử nghiệm', 'commune', s === 'in' ? w.divisionA.id : w.divisionB.id);

export const REPORTING_SCHEDULE_RULES: Record<string, Rule> = {
  'GET /api/v1/reporting-schedules/{unitId}': {
    access: 'reports:deadlines',
    scoped: true,
    success: 200,
    make: async (w, s) => ({ path: `/api/v1/reporting-schedules/${(await agency(w, s)).id}` }),
  },
  'PUT /api/v1/reporting-schedules/{unitId}': {
    access: 'reports:configure',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/reporting-schedules/${(await agency(w, s)).id}`,
      body: {
        version: 0,
        enabled: true,
        reports: [{ kind: 'year', rule: { type: 'before', month: 11, day: 10, source: 'Kế hoạch thử' } }],
        remindDaysBefore: [3, 0],
        recipients: ['unit_head'],
      },
    }),
  },
};
