import type { Rule, Scope, World } from './accounts.rules.js';

const unitOf = (w: World, s: Scope) => (s === 'in' ? w.divisionA.id : w.divisionB.id);

/** The periodic reports (src/reports): aggregates of the units in scope; a unit outside it is 404. */
export const REPORT_RULES: Record<string, Rule> = {
  'GET /api/v1/reports/{form}': {
    access: 'reports:read',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/reports/01-TCD?period=quarter&year=2026&index=1&unitId=${unitOf(w, s)}`,
    }),
    mustNotShow: (w) => [w.divisionB.id, w.agencyB.id, w.schoolB.id],
  },
};
