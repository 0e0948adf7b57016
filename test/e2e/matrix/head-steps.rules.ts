import { SYSTEM_ACTOR, type Actor } from '../../../src/auth/domain/actor.js';
import { ROLE_PERMISSIONS, type Permission, type Role } from '../../../src/auth/domain/roles.js';
import { ComplaintCasesService } from '../../../src/complaints/complaint-cases.service.js';
import { Clock } from '../../../src/common/clock.js';
import { DenunciationCasesService } from '../../../src/denunciations/denunciation-cases.service.js';
import type { Call, Scope, World } from './accounts.rules.js';
import { acceptedDenunciationCase, freshDenunciationCase } from './denunciations.rules.js';
import { acceptedComplaintCase, freshComplaintCase } from './letters.rules.js';

/**
 * The head's decisions of complaint and denunciation cases, one by one: they share one route
 * (`POST …/transitions`, `cases:handle`), and inside it each needs `cases:manage` over the case's unit
 * (src/cases/case-records.ts, `assertHeadOf`). Being the case's assignee gives no authority: the
 * `assigned` caller is a division head who is also a case handler, assigned the case of the unit above.
 */
export type StepCaller = Role | 'assigned';

export interface HeadStepRule {
  kind: 'complaint-cases' | 'denunciation-cases';
  event: string;
  make: (w: World, scope: Scope) => Promise<Call & { caseId: string; version: number }>;
}

const HEAD: Actor = { ...SYSTEM_ACTOR, permissions: new Set<Permission>(['cases:manage']) };
const today = (w: World) => w.app.get(Clock).today();

function step(
  kind: HeadStepRule['kind'],
  event: string,
  load: (w: World, s: Scope) => Promise<{ id: string; version: number }>,
  extra: Record<string, unknown>,
): HeadStepRule {
  return {
    kind,
    event,
    make: async (w, s) => {
      const c = await load(w, s);
      return {
        caseId: c.id,
        version: c.version,
        path: `/api/v1/${kind}/${c.id}/transitions`,
        body: {
          event,
          date: today(w),
          documentRef: '02/QĐ-TT',
          legalBasis: kind === 'complaint-cases' ? 'LKN 02/2011/QH13' : 'LTC 25/2018/QH14',
          version: c.version,
          ...extra,
        },
      };
    },
  };
}

/** A complicated denunciation case, accepted: it may be extended once (LTC art. 30(2)). */
async function complicatedDenunciation(w: World, s: Scope) {
  const c = await acceptedDenunciationCase(w, s);
  return w.app.get(DenunciationCasesService).setComplexity(HEAD, c.id, {
    complexity: 'complicated',
    reason: 'Xác minh tại nhiều địa phương (NĐ 31 art. 3(2))',
    version: c.version,
  });
}

const note = 'Căn cứ theo quy định';

export const HEAD_STEP_RULES: HeadStepRule[] = [
  step('complaint-cases', 'accept', freshComplaintCase, {}),
  step('complaint-cases', 'refuse', freshComplaintCase, {}),
  step('complaint-cases', 'decide', acceptedComplaintCase, { outcome: 'right' }),
  step('complaint-cases', 'suspend', acceptedComplaintCase, { note }),
  step('complaint-cases', 'terminate', acceptedComplaintCase, { note }),
  step('denunciation-cases', 'accept', freshDenunciationCase, {}),
  step('denunciation-cases', 'refuse', freshDenunciationCase, {}),
  step('denunciation-cases', 'extend', complicatedDenunciation, { note }),
  step('denunciation-cases', 'suspend', acceptedDenunciationCase, { note }),
  step('denunciation-cases', 'conclude', acceptedDenunciationCase, { outcome: 'right' }),
  step('denunciation-cases', 'terminate', acceptedDenunciationCase, { note }),
];

/** What each caller must get: the status and the code. */
export function expectedHeadStep(caller: StepCaller, scope: Scope): { status: number; code: string } {
  if (caller === 'assigned') return { status: 403, code: 'CASE_STEP_FORBIDDEN' };
  const permissions = ROLE_PERMISSIONS[caller];
  if (!permissions.includes('cases:handle')) return { status: 403, code: 'AUTH_FORBIDDEN' };
  if (!permissions.includes('cases:manage')) return { status: 403, code: 'CASE_STEP_FORBIDDEN' };
  return scope === 'in' ? { status: 201, code: '' } : { status: 404, code: 'CASE_NOT_FOUND' };
}

/** Makes `userId` the case's handler, as the head of its unit would. */
export async function assignTo(w: World, kind: HeadStepRule['kind'], caseId: string, userId: string) {
  const service =
    kind === 'complaint-cases' ? w.app.get(ComplaintCasesService) : w.app.get(DenunciationCasesService);
  const c = await service.get(SYSTEM_ACTOR, caseId);
  const assigned = await service.assign(HEAD, caseId, {
    handlerUserId: userId,
    reason: 'Giao xác minh',
    version: c.version,
  });
  return assigned.version;
}
