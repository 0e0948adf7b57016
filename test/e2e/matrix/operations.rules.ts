import type { Rule } from './accounts.rules.js';

/**
 * Operating the queues (docs/operations-queues.md): only administrators open a Bull Board session.
 * /metrics and the board itself are outside the OpenAPI document (tested in operations.e2e-spec.ts).
 */
export const OPERATIONS_RULES: Record<string, Rule> = {
  'POST /api/v1/admin/queue-board-session': {
    access: 'users:write',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/admin/queue-board-session' }),
  },
};
