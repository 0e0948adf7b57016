import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { Link } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/errors';

/**
 * For calendar administrators: the readiness warning (from 2 November while next year is
 * unconfirmed; while this year is) with a link to the calendar page.
 */
export function CalendarReadinessBanner() {
  const readiness = useQuery({
    queryKey: ['calendar-readiness'],
    staleTime: 600_000,
    queryFn: async () => unwrap(await api.GET('/api/v1/calendars/readiness')),
  });
  const warnings = readiness.data?.warnings ?? [];
  if (warnings.length === 0) return null;
  const first = warnings[0];
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="calendar-readiness-banner"
      title={
        <>
          {first.message.vi}
          {warnings.length > 1 && ` (còn ${warnings.length - 1} cảnh báo ở lịch khác)`}{' '}
          <Link
            to={`/quan-tri/lich-lam-viec?pham-vi=${first.scope}&nam=${first.year}`}
            style={{ textDecoration: 'underline' }}
          >
            Mở lịch làm việc
          </Link>
        </>
      }
    />
  );
}
