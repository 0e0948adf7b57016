import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

/**
 * GET /api/v1/dashboard as a query: used by the page, and started by App.tsx as soon as a reload's session
 * is restored on /giam-sat, while the shell's and the page's chunks are still loading (docs/console.md,
 * the dashboard figure).
 */
export const dashboardQuery = {
  queryKey: ['dashboard'],
  queryFn: async () => unwrap(await api.GET('/api/v1/dashboard')),
};
