import { SYSTEM_ACTOR, type Actor } from '../../../src/auth/domain/actor.js';
import type { Permission } from '../../../src/auth/domain/roles.js';
import { Clock } from '../../../src/common/clock.js';
import { addDays } from '../../../src/common/domain/local-date.js';
import { DenunciationCasesService } from '../../../src/denunciations/denunciation-cases.service.js';
import { RevealRequestsService } from '../../../src/identity/reveal-requests.service.js';
import { LettersService } from '../../../src/letters/letters.service.js';
import { LetterDecisionsService } from '../../../src/letters/letter-decisions.service.js';
import type { Rule, Scope, World } from './accounts.rules.js';
import { PDF, storedFile, type UploadCall } from './letters.rules.js';
import { ALL_PASSED } from '../../support/eligibility.js';

/** Records of divisionB (outside every scoped role's units) that lists must never show. */
const outside: Record<'case' | 'reveal', string[]> = { case: [], reveal: [] };

/** The head's decisions need `cases:manage`; the system actor has no permission of its own. */
const HEAD: Actor = { ...SYSTEM_ACTOR, permissions: new Set<Permission>(['cases:manage']) };

const unitOf = (w: World, s: Scope) => (s === 'in' ? w.divisionA.id : w.divisionB.id);
const today = (w: World) => w.app.get(Clock).today();
const daysAgo = (w: World, days: number) => addDays(today(w), -days);

const DENOUNCER = {
  fullName: 'Lê Văn Hùng',
  address: 'Tổ 7, phường Hố Nai, tỉnh Đồng Nai',
  idNumber: '075201003579',
  phone: '0913000222',
};

/**
 * A denunciation letter (its denouncer's identity protected), received three days ago. `receiverUserId`
 * makes that user the officer who registered it (the identity basis 'receiver'); by default the system.
 */
export async function freshDenunciationLetter(w: World, s: Scope, receiverUserId: string | null = null) {
  const actor: Actor = { ...SYSTEM_ACTOR, userId: receiverUserId };
  return w.app.get(LettersService).create(actor, {
    unitId: unitOf(w, s),
    receivedOn: daysAgo(w, 3),
    channel: 'post',
    classification: 'denunciation',
    subject: 'Tố cáo cán bộ địa chính nhận tiền',
    content:
      'Tôi tố cáo cán bộ địa chính xã nhận tiền để cấp giấy chứng nhận quyền sử dụng đất trái quy định.',
    petitioners: [DENOUNCER],
    eligibility: ALL_PASSED,
  });
}

/** A denunciation case in `received` (its letter accepted two days ago): no deadlines yet. */
async function freshCase(w: World, s: Scope) {
  const letter = await freshDenunciationLetter(w, s);
  const decided = await w.app.get(LetterDecisionsService).decide(SYSTEM_ACTOR, letter.id, {
    decision: 'accept',
    decidedOn: daysAgo(w, 2),
    legalBasis: 'LTC 25/2018/QH14 art. 24',
    version: letter.version,
  });
  if (s === 'out') outside.case.push(decided.caseId!);
  return w.app.get(DenunciationCasesService).get(SYSTEM_ACTOR, decided.caseId!);
}

/** A denunciation case the head accepted yesterday (TC-2/TC-3 open): the handler verifies next. */
async function acceptedCase(w: World, s: Scope) {
  const c = await freshCase(w, s);
  return w.app.get(DenunciationCasesService).transition(HEAD, c.id, {
    event: 'accept',
    date: daysAgo(w, 1),
    documentRef: '01/QĐ-TLTC',
    legalBasis: 'LTC 25/2018/QH14 art. 29',
    version: c.version,
  });
}

/** A pending reveal request on a denunciation letter, made by a user other than any caller. */
async function freshRevealRequest(w: World, s: Scope) {
  const letter = await freshDenunciationLetter(w, s);
  const requester: Actor = {
    ...SYSTEM_ACTOR,
    userId: w.outsider.id,
    permissions: new Set<Permission>(['identity:request']),
  };
  const r = await w.app.get(RevealRequestsService).request(requester, letter.id, {
    reason: 'Cần liên hệ người tố cáo để bổ sung tài liệu chứng minh',
  });
  if (s === 'out') outside.reveal.push(r.id);
  return r;
}

/** Denunciation cases (src/denunciations) and reveal requests (src/identity). */
export const DENUNCIATION_RULES: Record<string, Rule> = {
  'GET /api/v1/denunciation-cases': {
    access: 'cases:read',
    scoped: false,
    success: 200,
    make: async (w) => {
      if (outside.case.length === 0) await freshCase(w, 'out');
      return { path: '/api/v1/denunciation-cases?pageSize=200' };
    },
    mustNotShow: () => outside.case,
  },
  'GET /api/v1/denunciation-cases/{id}': {
    access: 'cases:read',
    scoped: true,
    success: 200,
    make: async (w, s) => ({ path: `/api/v1/denunciation-cases/${(await freshCase(w, s)).id}` }),
  },
  'POST /api/v1/denunciation-cases/{id}/transitions': {
    access: 'cases:handle',
    scoped: true,
    success: 201,
    make: async (w, s) => {
      const c = await acceptedCase(w, s);
      return {
        path: `/api/v1/denunciation-cases/${c.id}/transitions`,
        body: {
          event: 'start_verification',
          date: today(w),
          legalBasis: 'LTC 25/2018/QH14 art. 31',
          version: c.version,
        },
      };
    },
  },
  'PATCH /api/v1/denunciation-cases/{id}/complexity': {
    access: 'cases:manage',
    scoped: true,
    success: 200,
    make: async (w, s) => {
      const c = await acceptedCase(w, s);
      return {
        path: `/api/v1/denunciation-cases/${c.id}/complexity`,
        body: {
          complexity: 'complicated',
          reason: 'Xác minh tại nhiều địa phương (NĐ 31 art. 3(2))',
          version: c.version,
        },
      };
    },
  },
  'PATCH /api/v1/denunciation-cases/{id}/assignment': {
    access: 'cases:manage',
    scoped: true,
    success: 200,
    make: async (w, s) => {
      const c = await freshCase(w, s);
      return {
        path: `/api/v1/denunciation-cases/${c.id}/assignment`,
        body: { handlerUserId: (await w.freshUser(s)).id, reason: 'Phân công xác minh', version: c.version },
      };
    },
  },
  'POST /api/v1/denunciation-cases/{id}/attachments': {
    access: 'cases:handle',
    scoped: true,
    success: 201,
    make: async (w, s): Promise<UploadCall> => ({
      path: `/api/v1/denunciation-cases/${(await freshCase(w, s)).id}/attachments`,
      attach: { field: 'file', buffer: PDF, filename: 'bien-ban-xac-minh.pdf' },
    }),
  },
  'GET /api/v1/denunciation-cases/{id}/attachments': {
    access: 'cases:read',
    scoped: true,
    success: 200,
    make: async (w, s) => {
      const c = await freshCase(w, s);
      await storedFile(w, c.letterId);
      return { path: `/api/v1/denunciation-cases/${c.id}/attachments` };
    },
  },
  'GET /api/v1/denunciation-cases/{id}/attachments/{attachmentId}': {
    access: 'cases:read',
    scoped: true,
    success: 200,
    make: async (w, s) => {
      const c = await freshCase(w, s);
      return { path: `/api/v1/denunciation-cases/${c.id}/attachments/${await storedFile(w, c.letterId)}` };
    },
  },
  'POST /api/v1/denunciation-cases/{id}/assignment-preview': {
    access: 'cases:manage',
    scoped: true,
    success: 200,
    make: async (w, s) => {
      const c = await freshCase(w, s);
      return {
        path: `/api/v1/denunciation-cases/${c.id}/assignment-preview`,
        body: { handlerUserId: (await w.freshUser(s)).id },
      };
    },
  },
  'PUT /api/v1/denunciation-cases/{id}/deadlines/{deadlineId}/target': {
    access: 'cases:manage',
    scoped: true,
    success: 200,
    make: async (w, s) => {
      const c = await acceptedCase(w, s);
      const d = c.deadlines.find((x) => x.status === 'open') ?? c.deadlines[0];
      if (!d) throw new Error(`accepted denunciation case ${c.id} has no deadline`);
      return {
        path: `/api/v1/denunciation-cases/${c.id}/deadlines/${d.id}/target`,
        body: { target: d.dueDate, version: c.version },
      };
    },
  },
  'POST /api/v1/letters/{id}/reveal-requests': {
    access: 'identity:request',
    scoped: true,
    success: 201,
    make: async (w, s) => ({
      path: `/api/v1/letters/${(await freshDenunciationLetter(w, s)).id}/reveal-requests`,
      body: { reason: 'Cần liên hệ người tố cáo để bổ sung tài liệu chứng minh', hours: 24 },
    }),
  },
  'GET /api/v1/reveal-requests': {
    access: 'identity:request',
    scoped: false,
    success: 200,
    make: async (w) => {
      if (outside.reveal.length === 0) await freshRevealRequest(w, 'out');
      return { path: '/api/v1/reveal-requests?pageSize=200' };
    },
    mustNotShow: () => outside.reveal,
  },
  'POST /api/v1/reveal-requests/{id}/decision': {
    access: 'identity:custody',
    scoped: true,
    success: 201,
    make: async (w, s) => {
      const r = await freshRevealRequest(w, s);
      return {
        path: `/api/v1/reveal-requests/${r.id}/decision`,
        body: { approve: true, version: r.version },
      };
    },
  },
};

export { freshCase as freshDenunciationCase, acceptedCase as acceptedDenunciationCase };
