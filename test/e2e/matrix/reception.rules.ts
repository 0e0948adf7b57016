import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../../src/auth/domain/actor.js';
import { addDays } from '../../../src/common/domain/local-date.js';
import { ReceptionBookService } from '../../../src/reception/reception-book.service.js';
import { Clock } from '../../../src/common/clock.js';
import { ReceptionPlacesService } from '../../../src/reception/reception-places.service.js';
import { ReceptionSchedulesService } from '../../../src/reception/reception-schedules.service.js';
import { ReceptionSessionsService } from '../../../src/reception/reception-sessions.service.js';
import type { Rule, Scope, World } from './accounts.rules.js';

/** Records of divisionB (outside every scoped role's units) that lists must never show. */
const outside: Record<'place' | 'schedule' | 'session' | 'visit', string[]> = {
  place: [],
  schedule: [],
  session: [],
  visit: [],
};
const places = new Map<string, string>();

const unitOf = (w: World, s: Scope) => (s === 'in' ? w.divisionA.id : w.divisionB.id);
const today = (w: World) => w.app.get(Clock).today();
const ahead = (w: World, days = 30) => addDays(today(w), days);

async function placeOf(w: World, s: Scope): Promise<string> {
  const unitId = unitOf(w, s);
  let id = places.get(unitId);
  if (!id) {
    id = (
      await w.app.get(ReceptionPlacesService).create(SYSTEM_ACTOR, {
        unitId,
        name: 'Phòng tiếp công dân',
        address: '1 Lê Lợi',
      })
    ).id;
    places.set(unitId, id);
    if (s === 'out') outside.place.push(id);
  }
  return id;
}

async function freshSession(w: World, s: Scope) {
  const { session } = await w.app.get(ReceptionSessionsService).createSession(SYSTEM_ACTOR, {
    unitId: unitOf(w, s),
    kind: 'ad_hoc',
    placeId: await placeOf(w, s),
    date: ahead(w),
    startTime: '08:00',
    endTime: '10:00',
    receiverName: 'Trần Văn Bình',
  });
  if (s === 'out') outside.session.push(session.id);
  return session;
}

async function freshSchedule(w: World, s: Scope) {
  const { schedule } = await w.app.get(ReceptionSchedulesService).createSchedule(SYSTEM_ACTOR, {
    unitId: unitOf(w, s),
    kind: 'periodic',
    placeId: await placeOf(w, s),
    recurrence: { type: 'monthly_day', day: 15 },
    slots: [{ startTime: '07:30', endTime: '11:30' }],
    validFrom: ahead(w, 10),
    validUntil: ahead(w, 100),
    receiverName: 'Nguyễn Văn Hùng',
  });
  if (s === 'out') outside.schedule.push(schedule.id);
  return schedule;
}

const CITIZEN = { fullName: 'Nguyễn Văn An', address: 'xã Tân Lập', idNumber: '075203004567' };

const visitBody = (w: World, s: Scope) => ({
  unitId: unitOf(w, s),
  visitDate: today(w),
  visitTime: '08:30',
  receivingOfficerName: 'Lê Văn Cường',
  citizens: [CITIZEN],
  peopleCount: 1,
  summary: 'Khiếu nại quyết định hành chính',
  contentKind: 'complaint' as const,
  withinCompetence: true,
  outcome: 'letter_received' as const,
});

async function freshVisit(w: World, s: Scope) {
  const visit = await w.app.get(ReceptionBookService).record(SYSTEM_ACTOR, visitBody(w, s));
  if (s === 'out') outside.visit.push(visit.id);
  return visit;
}

/** Lists get one record outside the scoped roles' units first, so `mustNotShow` has something to catch. */
async function withOutside(
  w: World,
  make: (w: World, s: Scope) => Promise<unknown>,
  kind: keyof typeof outside,
) {
  if (outside[kind].length === 0) await make(w, 'out');
}

/** The reception routes (src/reception): places, schedules, sessions, the head's duty, the book, the public calendar. */
export const RECEPTION_RULES: Record<string, Rule> = {
  'GET /lich-tiep-cong-dan': {
    access: 'public',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/lich-tiep-cong-dan' }),
  },
  'GET /lich-tiep-cong-dan.json': {
    access: 'public',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/lich-tiep-cong-dan.json' }),
  },
  'GET /lich-tiep-cong-dan.ics': {
    access: 'public',
    scoped: false,
    success: 200,
    // The feed is one unit's (every unit's would be megabytes: docs/reception.md).
    make: async (w) => {
      const [unit] = await w.app
        .get<DataSource>(getDataSourceToken())
        .query('SELECT code FROM units WHERE id = ?', [w.divisionA.id]);
      return { path: `/lich-tiep-cong-dan.ics?don-vi=${encodeURIComponent(unit.code)}` };
    },
  },
  'GET /api/v1/reception/places': {
    access: 'reception:read',
    scoped: false,
    success: 200,
    make: async (w) => {
      await placeOf(w, 'out');
      return { path: '/api/v1/reception/places' };
    },
    mustNotShow: () => outside.place,
  },
  'POST /api/v1/reception/places': {
    access: 'reception:write',
    scoped: true,
    success: 201,
    make: async (w, s) => ({
      path: '/api/v1/reception/places',
      body: { unitId: unitOf(w, s), name: 'Điểm tiếp mới', address: '3 Hai Bà Trưng' },
    }),
  },
  'PATCH /api/v1/reception/places/{id}': {
    access: 'reception:write',
    scoped: true,
    success: 200,
    make: async (w, s) => {
      const place = await w.app
        .get(ReceptionPlacesService)
        .create(SYSTEM_ACTOR, { unitId: unitOf(w, s), name: 'Điểm tiếp', address: '5 Lý Thường Kiệt' });
      return { path: `/api/v1/reception/places/${place.id}`, body: { version: 1, room: 'Phòng 3' } };
    },
  },
  'GET /api/v1/reception/schedules': {
    access: 'reception:read',
    scoped: false,
    success: 200,
    make: async (w) => {
      await withOutside(w, freshSchedule, 'schedule');
      return { path: '/api/v1/reception/schedules' };
    },
    mustNotShow: () => outside.schedule,
  },
  'GET /api/v1/reception/schedules/{id}': {
    access: 'reception:read',
    scoped: true,
    success: 200,
    make: async (w, s) => ({ path: `/api/v1/reception/schedules/${(await freshSchedule(w, s)).id}` }),
  },
  'POST /api/v1/reception/schedules': {
    access: 'reception:write',
    scoped: true,
    success: 201,
    make: async (w, s) => ({
      path: '/api/v1/reception/schedules',
      body: {
        unitId: unitOf(w, s),
        kind: 'regular',
        placeId: await placeOf(w, s),
        slots: [{ startTime: '07:30', endTime: '11:30' }],
        validFrom: today(w),
        validUntil: ahead(w, 90),
      },
    }),
  },
  'POST /api/v1/reception/schedules/preview': {
    access: 'reception:read',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: '/api/v1/reception/schedules/preview',
      body: {
        unitId: unitOf(w, s),
        recurrence: { type: 'monthly_weekday', week: 2, weekday: 4 },
        validFrom: ahead(w, 10),
        validUntil: ahead(w, 100),
      },
    }),
  },
  'POST /api/v1/reception/schedules/{id}/end': {
    access: 'reception:write',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/reception/schedules/${(await freshSchedule(w, s)).id}/end`,
      body: { version: 1, from: ahead(w, 50), reason: 'Thay đổi lịch' },
    }),
  },
  'GET /api/v1/reception/sessions': {
    access: 'reception:read',
    scoped: false,
    success: 200,
    make: async (w) => {
      await withOutside(w, freshSession, 'session');
      return { path: '/api/v1/reception/sessions?pageSize=200' };
    },
    mustNotShow: () => outside.session,
  },
  'GET /api/v1/reception/sessions/{id}': {
    access: 'reception:read',
    scoped: true,
    success: 200,
    make: async (w, s) => ({ path: `/api/v1/reception/sessions/${(await freshSession(w, s)).id}` }),
  },
  'POST /api/v1/reception/sessions': {
    access: 'reception:write',
    scoped: true,
    success: 201,
    make: async (w, s) => ({
      path: '/api/v1/reception/sessions',
      body: {
        unitId: unitOf(w, s),
        kind: 'ad_hoc',
        placeId: await placeOf(w, s),
        date: ahead(w),
        startTime: '14:00',
        endTime: '16:00',
        receiverName: 'Trần Văn Bình',
      },
    }),
  },
  'PATCH /api/v1/reception/sessions/{id}': {
    access: 'reception:write',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/reception/sessions/${(await freshSession(w, s)).id}`,
      body: { version: 1, topics: 'Đất đai' },
    }),
  },
  'POST /api/v1/reception/sessions/{id}/cancel': {
    access: 'reception:write',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/reception/sessions/${(await freshSession(w, s)).id}/cancel`,
      body: { version: 1, reason: 'Lãnh đạo đi công tác' },
    }),
  },
  'POST /api/v1/reception/sessions/{id}/postpone': {
    access: 'reception:write',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/reception/sessions/${(await freshSession(w, s)).id}/postpone`,
      body: { version: 1, newDate: ahead(w, 40), reason: 'Trùng lịch họp' },
    }),
  },
  'GET /api/v1/reception/head-duty': {
    access: 'reception:read',
    scoped: false,
    success: 200,
    make: async (w) => ({ path: `/api/v1/reception/head-duty?month=${ahead(w).slice(0, 7)}` }),
    mustNotShow: (w) => [w.agencyB.id],
  },
  'GET /api/v1/reception/visits': {
    access: 'reception:read',
    scoped: false,
    success: 200,
    make: async (w) => {
      await withOutside(w, freshVisit, 'visit');
      return { path: '/api/v1/reception/visits?pageSize=200' };
    },
    mustNotShow: () => outside.visit,
  },
  'GET /api/v1/reception/visits/stats': {
    access: 'reception:read',
    scoped: false,
    success: 200,
    make: async (w) => ({
      path: `/api/v1/reception/visits/stats?from=${addDays(today(w), -30)}&to=${today(w)}`,
    }),
  },
  'GET /api/v1/reception/visits/{id}': {
    access: 'reception:read',
    scoped: true,
    success: 200,
    make: async (w, s) => ({ path: `/api/v1/reception/visits/${(await freshVisit(w, s)).id}` }),
  },
  'POST /api/v1/reception/visits': {
    access: 'reception:write',
    scoped: true,
    success: 201,
    make: async (w, s) => ({ path: '/api/v1/reception/visits', body: visitBody(w, s) }),
  },
  'PATCH /api/v1/reception/visits/{id}/follow-up': {
    access: 'reception:write',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/reception/visits/${(await freshVisit(w, s)).id}/follow-up`,
      body: { version: 1, followUp: 'Đã chuyển bộ phận xử lý đơn' },
    }),
  },
  'POST /api/v1/reception/matters/lookup': {
    access: 'reception:personal_data',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: '/api/v1/reception/matters/lookup',
      body: { unitId: unitOf(w, s), idNumber: CITIZEN.idNumber },
    }),
  },
  'GET /api/v1/reception/book/export': {
    access: 'reception:personal_data',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/reception/book/export?unitId=${unitOf(w, s)}&from=${addDays(today(w), -30)}&to=${today(w)}&format=csv`,
    }),
  },
  'GET /api/v1/reception/pending-intakes': {
    access: 'reception:read',
    scoped: false,
    success: 200,
    make: async (w) => {
      await withOutside(w, freshVisit, 'visit');
      return { path: '/api/v1/reception/pending-intakes?pageSize=200' };
    },
    mustNotShow: () => outside.visit,
  },
};
