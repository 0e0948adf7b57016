import { Clock } from '../../../src/common/clock.js';
import type { Rule } from './accounts.rules.js';
import { freshComplaintCase, freshLetter } from './letters.rules.js';

const outside: string[] = [];

/**
 * The console's case work (src/work-items, src/case-work): the work list is not scoped by a path id (a
 * complaint case of the other agency must not appear in any scoped role's answer); the decision preview
 * takes a letter of the caller's units.
 */
export const WORK_ITEM_RULES: Record<string, Rule> = {
  'GET /api/v1/work-items': {
    access: 'cases:read',
    scoped: false,
    success: 200,
    make: async (w) => {
      if (outside.length === 0) outside.push((await freshComplaintCase(w, 'out')).id);
      return { path: '/api/v1/work-items?pageSize=200' };
    },
    mustNotShow: () => outside,
  },
  'POST /api/v1/letters/{id}/decision-preview': {
    access: 'letters:write',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/letters/${(await freshLetter(w, s)).id}/decision-preview`,
      body: { decision: 'accept', decidedOn: w.app.get(Clock).today() },
    }),
  },
};
