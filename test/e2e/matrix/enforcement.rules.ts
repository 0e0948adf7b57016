import { Readable } from 'node:stream';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MAX_ATTACHMENT_BYTES } from '../../../src/attachments/domain/attachment-policy.js';
import { FILE_STORE, type FileStore } from '../../../src/attachments/file-store.js';
import { SYSTEM_ACTOR } from '../../../src/auth/domain/actor.js';
import { Clock } from '../../../src/common/clock.js';
import { addDays } from '../../../src/common/domain/local-date.js';
import { uuid7 } from '../../../src/common/ids/uuid7.js';
import { EnforcementService } from '../../../src/enforcement/enforcement.service.js';
import { EnforcementEvidenceEntity } from '../../../src/enforcement/entities/enforcement-evidence.entity.js';
import type { Rule, Scope, World } from './accounts.rules.js';
import type { UploadCall } from './letters.rules.js';

/** Records of divisionB (outside every scoped role's units) that lists must never show. */
const outside: string[] = [];

const unitOf = (w: World, s: Scope) => (s === 'in' ? w.divisionA.id : w.divisionB.id);
const today = (w: World) => w.app.get(Clock).today();

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A record of a (stand-in) legally effective complaint decision of the scope's division, opened 3 days ago. */
async function freshRecord(w: World, s: Scope) {
  const service = w.app.get(EnforcementService);
  const record = await w.app.get<DataSource>(getDataSourceToken()).transaction((manager) =>
    service.openFor(manager, SYSTEM_ACTOR, {
      subjectType: 'complaint_case',
      subjectId: uuid7(),
      unitId: unitOf(w, s),
      title: 'KN-2026-000001 — Khiếu nại quyết định thu hồi đất',
      decisionRef: '125/QĐ-UBND',
      openedOn: addDays(today(w), -3),
    }),
  );
  if (s === 'out') outside.push(record.id);
  return service.get(SYSTEM_ACTOR, record.id);
}

/** An obligation of a fresh record, owned by the record's unit, due on a date set by the decision. */
async function freshObligation(w: World, s: Scope) {
  const r = await freshRecord(w, s);
  const view = await w.app.get(EnforcementService).addObligation(SYSTEM_ACTOR, r.id, {
    kind: 'restore_rights',
    description: 'Hoàn trả diện tích đất đã thu hồi',
    owningUnitId: unitOf(w, s),
    due: { date: addDays(today(w), 30) },
    version: r.version,
  });
  return view.obligations[0];
}

/** A progress report on a fresh obligation. */
async function freshUpdate(w: World, s: Scope) {
  const o = await freshObligation(w, s);
  const view = await w.app.get(EnforcementService).addUpdate(SYSTEM_ACTOR, o.id, {
    reportedOn: today(w),
    note: 'Đã ban hành quyết định hủy quyết định thu hồi đất',
    status: 'in_progress',
    version: o.version,
  });
  return view.obligations[0].updates[0];
}

/** An evidence file of a fresh report, stored the way the upload stores it (file store, then row). */
async function freshEvidence(w: World, s: Scope) {
  const u = await freshUpdate(w, s);
  const stored = await w.app
    .get<FileStore>(FILE_STORE, { strict: false })
    .put(Readable.from([PDF]), { maxBytes: MAX_ATTACHMENT_BYTES });
  const id = uuid7();
  await w.app.get<DataSource>(getDataSourceToken()).getRepository(EnforcementEvidenceEntity).insert({
    id,
    updateId: u.id,
    storageKey: stored.key,
    fileName: 'bien-ban-ban-giao.pdf',
    mediaType: 'application/pdf',
    sizeBytes: stored.size,
    sha256: stored.sha256,
  });
  return id;
}

/** Enforcement of final decisions (src/enforcement). */
export const ENFORCEMENT_RULES: Record<string, Rule> = {
  'GET /api/v1/enforcement-records': {
    access: 'enforcement:read',
    scoped: false,
    success: 200,
    make: async (w) => {
      if (outside.length === 0) await freshRecord(w, 'out');
      return { path: '/api/v1/enforcement-records?pageSize=200' };
    },
    mustNotShow: () => outside,
  },
  'GET /api/v1/enforcement-records/backlog': {
    access: 'enforcement:read',
    scoped: false,
    success: 200,
    make: async (w) => {
      if (outside.length === 0) await freshRecord(w, 'out');
      return { path: '/api/v1/enforcement-records/backlog' };
    },
    // Units of agency B, where the outside records are (the province may appear as agency A's parentId).
    mustNotShow: (w) => [w.divisionB.id, w.agencyB.id],
  },
  'GET /api/v1/enforcement-records/{id}': {
    access: 'enforcement:read',
    scoped: true,
    success: 200,
    make: async (w, s) => ({ path: `/api/v1/enforcement-records/${(await freshRecord(w, s)).id}` }),
  },
  'POST /api/v1/enforcement-records/{id}/obligations': {
    access: 'enforcement:write',
    scoped: true,
    success: 201,
    make: async (w, s) => {
      const r = await freshRecord(w, s);
      return {
        path: `/api/v1/enforcement-records/${r.id}/obligations`,
        body: {
          kind: 'revoke_decision',
          description: 'Hủy Quyết định số 12/QĐ-UBND',
          owningUnitId: unitOf(w, s),
          due: { rule: 'KN-11' },
          version: r.version,
        },
      };
    },
  },
  'POST /api/v1/enforcement-records/obligations/{id}/updates': {
    access: 'enforcement:write',
    scoped: true,
    success: 201,
    make: async (w, s) => {
      const o = await freshObligation(w, s);
      return {
        path: `/api/v1/enforcement-records/obligations/${o.id}/updates`,
        body: {
          reportedOn: today(w),
          note: 'Đang làm thủ tục hoàn trả',
          status: 'in_progress',
          version: o.version,
        },
      };
    },
  },
  'POST /api/v1/enforcement-records/updates/{id}/evidence': {
    access: 'enforcement:write',
    scoped: true,
    success: 201,
    make: async (w, s): Promise<UploadCall> => ({
      path: `/api/v1/enforcement-records/updates/${(await freshUpdate(w, s)).id}/evidence`,
      attach: { field: 'file', buffer: PDF, filename: 'bien-ban.pdf' },
    }),
  },
  'GET /api/v1/enforcement-records/evidence/{id}': {
    access: 'enforcement:read',
    scoped: true,
    success: 200,
    make: async (w, s) => ({ path: `/api/v1/enforcement-records/evidence/${await freshEvidence(w, s)}` }),
  },
};
