import type { Rule } from './accounts.rules.js';

/**
 * The audit chain's verification (docs/audit.md): audit:read, not scoped by a path id; the answer holds
 * chain positions, entry ids and counts only.
 */
export const AUDIT_RULES: Record<string, Rule> = {
  'GET /api/v1/audit-entries/verification': {
    access: 'audit:read',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/audit-entries/verification' }),
    mustNotShow: (w) => [w.agencyB.id, w.divisionB.id, w.outsider.id, w.outsider.email],
  },
};
