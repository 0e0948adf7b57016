import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useCan } from '../auth/me';

/** The active units in the officer's scope, for pickers. */
export function useScopeUnits() {
  const can = useCan();
  return useQuery({
    queryKey: ['units', 'active'],
    enabled: can('units:read'),
    staleTime: 600_000,
    queryFn: async () => unwrap(await api.GET('/api/v1/units', { params: { query: { active: true } } })),
  });
}
