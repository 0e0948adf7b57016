import type { Rule } from './accounts.rules.js';

/**
 * What the escalation ladder fired (docs/escalations.md): reports:read, the rows limited to the viewer's
 * units (console-oversight-browser.e2e-spec.ts checks a unit head sees none of another unit's).
 */
export const ESCALATION_RULES: Record<string, Rule> = {
  'GET /api/v1/escalations': {
    access: 'reports:read',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/escalations' }),
    mustNotShow: (w) => [w.agencyB.id, w.divisionB.id, w.outsider.id, w.outsider.email],
  },
};
