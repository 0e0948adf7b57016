import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { CaseKind } from './step-forms';

export type AnyCase = Schemas['CaseView'] | Schemas['DenunciationCaseView'];

/**
 * A case's page's read (`GET /complaint-cases/{id}` or `/denunciation-cases/{id}`): shared by the page
 * and by the boot's preload (app/preload.ts), which asks for it alongside the officer's own record.
 * Fresh for a few seconds, so the page does not read again what the preload has just read.
 */
export function caseQuery(kind: CaseKind, id: string) {
  return {
    queryKey: ['case', kind, id],
    staleTime: 5_000,
    queryFn: async (): Promise<AnyCase> =>
      kind === 'complaint'
        ? unwrap(await api.GET('/api/v1/complaint-cases/{id}', { params: { path: { id } } }))
        : unwrap(await api.GET('/api/v1/denunciation-cases/{id}', { params: { path: { id } } })),
  };
}

/** A case's documents (`GET …-cases/{id}/attachments`): CaseDocuments' list, and the boot's preload. */
export function caseFilesQuery(kind: CaseKind, id: string) {
  return {
    queryKey: ['case-files', kind, id],
    staleTime: 5_000,
    queryFn: async () =>
      kind === 'complaint'
        ? unwrap(await api.GET('/api/v1/complaint-cases/{id}/attachments', { params: { path: { id } } }))
        : unwrap(await api.GET('/api/v1/denunciation-cases/{id}/attachments', { params: { path: { id } } })),
  };
}

/** A unit's active case handlers (the reassignment form's list; the boot's preload for a head). */
export function handlersQuery(unitId: string) {
  return {
    queryKey: ['handlers', unitId],
    staleTime: 60_000,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/users', {
          params: { query: { unitId, role: 'case_handler', active: true, pageSize: 200 } },
        }),
      ),
  };
}

/**
 * `POST …/assignment-preview`: the running deadlines as a reassignment to `unitId` (and handler) would
 * leave them. The form's, and the boot's preload for the case as it stands (its own unit, no handler
 * chosen yet — what the form first asks for).
 */
export function assignmentPreviewQuery(
  kind: CaseKind,
  c: AnyCase,
  unitId: string,
  handlerUserId: string | null,
) {
  const base = kind === 'complaint' ? '/api/v1/complaint-cases/{id}' : '/api/v1/denunciation-cases/{id}';
  return {
    queryKey: ['assignment-preview', kind, c.id, c.version, unitId, handlerUserId],
    // Fresh for a few seconds (the case's version is in the key): the form does not ask again for what
    // the boot's preload has just asked for.
    staleTime: 5_000,
    queryFn: async () =>
      unwrap(
        await api.POST(`${base}/assignment-preview` as '/api/v1/complaint-cases/{id}/assignment-preview', {
          params: { path: { id: c.id } },
          body: {
            unitId: unitId === c.unitId ? undefined : unitId,
            handlerUserId: handlerUserId || undefined,
          },
        }),
      ),
  };
}
