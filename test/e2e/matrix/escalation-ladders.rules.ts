import type { Rule, Scope, World } from './accounts.rules.js';

/**
 * Escalation ladders kept as data (src/escalations, ADR 0017). A ladder for one agency is scoped to the
 * editor's units: a fresh unit under division A ("in") or division B ("out"), so every PUT starts from
 * version 0.
 */
const agency = (w: World, s: Scope) =>
  w.f.unit('Xã Thử nghiệm', 'commune', s === 'in' ? w.divisionA.id : w.divisionB.id);

export const ESCALATION_LADDER_RULES: Record<string, Rule> = {
  'GET /api/v1/escalation-ladders': {
    access: 'escalations:configure',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/escalation-ladders' }),
  },
  'GET /api/v1/escalation-ladders/{key}/versions': {
    access: 'escalations:configure',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/escalation-ladders/KN-3/versions?agencyUnitId=${(await agency(w, s)).id}`,
    }),
  },
  'PUT /api/v1/escalation-ladders/{key}': {
    access: 'escalations:configure',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: '/api/v1/escalation-ladders/KN-3',
      body: {
        version: 0,
        agencyUnitId: (await agency(w, s)).id,
        reason: 'Ma trận phân quyền',
        levels: [{ level: 1, workingDaysFromDue: -3, recipients: ['handler'] }],
      },
    }),
  },
};
