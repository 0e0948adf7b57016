import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';

/** GET /auth/me as a query: `useMe` and the boot's preload (app/preload.ts) share it. */
export const meQuery = {
  queryKey: ['me'],
  staleTime: 300_000,
  queryFn: async () => unwrap(await api.GET('/api/v1/auth/me')) as Schemas['MeView'],
};
