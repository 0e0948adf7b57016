import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

/**
 * A letter as its page reads it: a denouncer's identity is NOT in it (`identity=on_request`) — the
 * identity panel opens it only when the officer asks; `identityBasis` says whether they may. Shared
 * by the letter page and the identity panel of a case (one cache entry).
 */
export function letterPageQuery(id: string) {
  return {
    queryKey: ['letters', id],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/letters/{id}', {
          params: { path: { id }, query: { identity: 'on_request' } },
        }),
      ),
  };
}

/** Requests of mine about one letter. */
export function myRequestsQuery(letterId: string) {
  return {
    queryKey: ['reveal-requests', 'mine', letterId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/reveal-requests', {
          params: { query: { letterId, requester: 'mine', page: 1, pageSize: 20 } },
        }),
      ),
  };
}
