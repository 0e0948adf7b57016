import { useQuery } from '@tanstack/react-query';
import { api, session, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';
import { useStore } from '../lib/store';
import { meQuery } from './me-query';

export type Me = Schemas['MeView'];

/** The signed-in officer (GET /auth/me): roles, permissions, unit scope. */
export function useMe() {
  const { status } = useStore(session);
  return useQuery({ ...meQuery, enabled: status === 'signed-in' });
}

export function useCan() {
  const me = useMe().data;
  return (permission: string) => !!me?.permissions.includes(permission);
}

export function useUnit(unitId: string | undefined) {
  const can = useCan();
  return useQuery({
    queryKey: ['unit', unitId],
    enabled: !!unitId && can('units:read'),
    staleTime: 600_000,
    queryFn: async () => unwrap(await api.GET('/api/v1/units/{id}', { params: { path: { id: unitId! } } })),
  });
}
