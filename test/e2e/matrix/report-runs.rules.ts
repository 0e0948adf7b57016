import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Role } from '../../../src/auth/domain/roles.js';
import { uuid7 } from '../../../src/common/ids/uuid7.js';
import { AppConfig } from '../../../src/config/app-config.js';
import { ReportRunEntity, type ReportRunStatus } from '../../../src/reports/entities/report-run.entity.js';
import { ReportFileStore } from '../../../src/reports/report-file-store.js';
import type { Rule, Scope, World } from './accounts.rules.js';

const unitOf = (w: World, s: Scope) => (s === 'in' ? w.divisionA.id : w.divisionB.id);

/** A run's owner: the caller ('in'), or a user of agency B ('out' — someone else's run is 404 to all). */
const ownerOf = (w: World, s: Scope, role: Role) => (s === 'in' ? w.users[role].id : w.outsider.id);

/** A run row written directly (the matrix runs no worker); a done one gets its file in REPORTS_DIR. */
async function insertRun(w: World, requestedBy: string, status: ReportRunStatus): Promise<string> {
  const id = uuid7();
  const now = new Date();
  let file: { name: string; size: number; sha256: string } | null = null;
  if (status === 'done') {
    const store = new ReportFileStore(w.app.get(AppConfig).reports.dir);
    file = await store.put(ReportFileStore.nameFor(id, 1, 'csv'), Buffer.from('\ufeffĐơn vị,1\r\n', 'utf8'));
  }
  await w.app
    .get<DataSource>(getDataSourceToken())
    .getRepository(ReportRunEntity)
    .insert({
      id,
      requestedBy,
      formCode: '01/TCD',
      windowFrom: '2026-01-01',
      windowTo: '2026-03-31',
      unitId: w.divisionA.id,
      scopeRootUnitIds: [w.divisionA.id],
      format: 'csv',
      status,
      progress: status === 'done' ? 100 : 0,
      filePath: file?.name ?? null,
      fileSize: file?.size ?? null,
      fileSha256: file?.sha256 ?? null,
      createdAt: now,
      finishedAt: status === 'done' ? now : null,
      expiresAt: new Date(now.getTime() + 24 * 3600 * 1000),
    });
  return id;
}

let foreignRunId = '';

/**
 * Background report runs (docs/reports.md, "Background runs"): reports:read like the synchronous report.
 * A new run's unit must be in scope (404 otherwise); a run is its requester's alone, so "out" here is
 * another user's run — 404 for every role (the admin has no reports:read at all).
 */
export const REPORT_RUN_RULES: Record<string, Rule> = {
  'POST /api/v1/report-runs': {
    access: 'reports:read',
    scoped: true,
    success: 202,
    make: async (w, s) => ({
      path: '/api/v1/report-runs',
      body: { form: '01-TCD', period: 'quarter', year: 2026, index: 1, unitId: unitOf(w, s), format: 'csv' },
    }),
  },
  'GET /api/v1/report-runs': {
    access: 'reports:read',
    scoped: false,
    success: 200,
    make: async (w) => {
      foreignRunId = await insertRun(w, w.outsider.id, 'queued');
      return { path: '/api/v1/report-runs' };
    },
    mustNotShow: () => [foreignRunId],
  },
  'GET /api/v1/report-runs/{id}': {
    access: 'reports:read',
    scoped: true,
    success: 200,
    make: async (w, s, role) => ({
      path: `/api/v1/report-runs/${await insertRun(w, ownerOf(w, s, role), 'queued')}`,
    }),
  },
  'GET /api/v1/report-runs/{id}/file': {
    access: 'reports:read',
    scoped: true,
    success: 200,
    make: async (w, s, role) => ({
      path: `/api/v1/report-runs/${await insertRun(w, ownerOf(w, s, role), 'done')}/file`,
    }),
  },
};
