import { SYSTEM_ACTOR } from '../../../src/auth/domain/actor.js';
import { CalendarAdminService } from '../../../src/calendar/calendar-admin.service.js';
import type { Rule, Scope, World } from './accounts.rules.js';

/**
 * Calendars and deadlines (docs/deadlines.md): every signed-in role reads calendars and previews
 * deadlines; only admins change calendars; a unit's calendar is scoped (404 outside the role's units);
 * the rule table is public law.
 */

const unitOf = (w: World, scope: Scope) => (scope === 'in' ? w.schoolA.id : w.schoolB.id);
const admin = (w: World) => w.app.get(CalendarAdminService);

/** Gives agency B's subtree a calendar of its own, so that a list leaking it would show its ids. */
async function dataOutsideScope(w: World): Promise<void> {
  await admin(w).setEntry(SYSTEM_ACTOR, w.schoolB.id, '2026-12-31', { kind: 'day_off', name: 'Nghỉ' });
}

const outside = (w: World) => [w.agencyB.id, w.divisionB.id, w.schoolB.id];

export const CALENDAR_RULES: Record<string, Rule> = {
  'GET /api/v1/calendars': {
    access: 'calendars:read',
    scoped: false,
    success: 200,
    make: async (w) => {
      await dataOutsideScope(w);
      return { path: '/api/v1/calendars' };
    },
    mustNotShow: outside,
  },
  'GET /api/v1/calendars/readiness': {
    access: 'calendars:read',
    scoped: false,
    success: 200,
    make: async (w) => {
      await dataOutsideScope(w);
      return { path: '/api/v1/calendars/readiness' };
    },
    mustNotShow: outside,
  },
  'GET /api/v1/calendars/{scope}': {
    access: 'calendars:read',
    scoped: true,
    success: 200,
    make: async (w, s) => ({ path: `/api/v1/calendars/${unitOf(w, s)}` }),
  },
  'GET /api/v1/calendars/{scope}/years/{year}': {
    access: 'calendars:read',
    scoped: true,
    success: 200,
    make: async (w, s) => ({ path: `/api/v1/calendars/${unitOf(w, s)}/years/2026` }),
  },
  'GET /api/v1/calendars/{scope}/years/{year}/export': {
    access: 'calendars:read',
    scoped: true,
    success: 200,
    make: async (w, s) => ({ path: `/api/v1/calendars/${unitOf(w, s)}/years/2026/export?format=ics` }),
  },
  'PUT /api/v1/calendars/{scope}/entries/{date}': {
    access: 'calendars:write',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/calendars/${unitOf(w, s)}/entries/2026-11-24`,
      body: { kind: 'day_off', name: 'Ngày Văn hóa Việt Nam' },
    }),
  },
  'DELETE /api/v1/calendars/{scope}/entries/{date}': {
    access: 'calendars:write',
    scoped: true,
    success: 204,
    make: async (w, s) => {
      const unit = await w.freshUnit(s);
      await admin(w).setEntry(SYSTEM_ACTOR, unit.id, '2026-11-24', { kind: 'day_off', name: 'Nghỉ' });
      return { path: `/api/v1/calendars/${unit.id}/entries/2026-11-24` };
    },
  },
  'PUT /api/v1/calendars/{scope}/years/{year}': {
    access: 'calendars:write',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/calendars/${unitOf(w, s)}/years/2027`,
      body: { confirmed: true },
    }),
  },
  'DELETE /api/v1/calendars/{scope}/years/{year}': {
    access: 'calendars:write',
    scoped: true,
    success: 204,
    make: async (w, s) => {
      const unit = await w.freshUnit(s);
      await admin(w).setYear(SYSTEM_ACTOR, unit.id, 2027, { confirmed: true });
      return { path: `/api/v1/calendars/${unit.id}/years/2027` };
    },
  },
  'POST /api/v1/calendars/{scope}/years/{year}/import': {
    access: 'calendars:write',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/calendars/${unitOf(w, s)}/years/2027/import`,
      body: { format: 'csv', content: 'date,kind,name\n2027-01-01,day_off,Tết Dương lịch\n' },
    }),
  },
  'POST /api/v1/calendars/{scope}/changes/preview': {
    access: 'calendars:write',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/calendars/${unitOf(w, s)}/changes/preview`,
      body: { action: 'set_entry', date: '2026-11-24', kind: 'day_off', name: 'Ngày Văn hóa Việt Nam' },
    }),
  },
  'GET /api/v1/calendars/{scope}/changes': {
    access: 'calendars:read',
    scoped: true,
    success: 200,
    make: async (w, s) => ({ path: `/api/v1/calendars/${unitOf(w, s)}/changes` }),
  },
  'POST /api/v1/deadlines/preview': {
    access: 'deadlines:preview',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: '/api/v1/deadlines/preview',
      body: { rule: 'KN-3', trigger: '2026-01-16', unitId: unitOf(w, s) },
    }),
  },
  'GET /api/v1/deadline-rules': {
    access: 'public',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/deadline-rules' }),
  },
};
