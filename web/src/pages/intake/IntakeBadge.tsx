import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { api, session } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useStore } from '../../lib/store';

/**
 * The menu's count of online submissions waiting for a check (the queue's total, one row fetched),
 * refreshed every minute and after each check; shown for those who may check (letters:write).
 */
export function IntakeBadge() {
  const { status } = useStore(session);
  const waiting = useQuery({
    queryKey: ['intake-queue', 'count'],
    enabled: status === 'signed-in',
    refetchInterval: 60_000,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/letters/intake-queue', { params: { query: { pageSize: 1 } } })).total,
  });
  const n = waiting.data ?? 0;
  if (n === 0) return null;
  return (
    <>
      <Badge count={n} overflowCount={999} color="#c41d1d" style={{ marginInlineStart: 8 }} aria-hidden />
      <span className="visually-hidden" data-testid="intake-count">
        : {n} đơn chờ kiểm tra
      </span>
    </>
  );
}
