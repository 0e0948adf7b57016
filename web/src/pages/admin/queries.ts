import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

/** Every unit in the administrator's scope, active or not (the tree is built in the browser). */
export function useAllUnits() {
  return useQuery({
    queryKey: ['admin', 'units'],
    queryFn: async () => unwrap(await api.GET('/api/v1/units')),
  });
}
