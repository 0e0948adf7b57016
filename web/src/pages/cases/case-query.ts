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
