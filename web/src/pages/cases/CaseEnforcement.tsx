import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useCan } from '../../auth/me';
import { ENFORCEMENT_STATUS_TEXT } from '../oversight/labels';

/** The states whose decision or conclusion has an enforcement record (docs/enforcement.md). */
const ENFORCED = ['legally_effective', 'enforcement', 'concluded', 'monitoring', 'closed'];
export const hasEnforcement = (state: string) => ENFORCED.includes(state);

/**
 * The case's enforcement record, linked from its header once the decision is legally effective (or the
 * denunciation concluded): `GET /enforcement-records?subjectId=…`, for officers with `enforcement:read`.
 */
export function CaseEnforcement({ caseId, state }: { caseId: string; state: string }) {
  const can = useCan();
  const enabled = can('enforcement:read') && ENFORCED.includes(state);
  const record = useQuery({
    queryKey: ['enforcement-records', 'of-case', caseId, state],
    enabled,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/enforcement-records', { params: { query: { subjectId: caseId } } }))
        .items[0] ?? null,
  });
  if (!enabled) return <>—</>;
  if (!record.data) return <>{record.isLoading ? '…' : 'Chưa có hồ sơ thi hành'}</>;
  return (
    <Link to={`/thi-hanh/${record.data.id}`} data-testid="case-enforcement">
      Hồ sơ thi hành ({ENFORCEMENT_STATUS_TEXT[record.data.status] ?? record.data.status})
    </Link>
  );
}
