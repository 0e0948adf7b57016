import { useQuery } from '@tanstack/react-query';
import { Card, Collapse, List, Tag } from 'antd';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { QueryState } from '../../components/QueryState';
import { showDate, showDateTime } from '../../lib/dates';
import { CHANGE_REASONS } from './calendar-model';
import { MovedItem } from './ImpactPreview';

/**
 * The scope's latest changes, each with the open deadlines it moved (GET …/changes). Polls while the
 * worker has not processed the latest one yet.
 */
export function RecentChanges({ scope, highlight }: { scope: string; highlight: string | null }) {
  const changes = useQuery({
    queryKey: ['calendar-changes', scope],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/calendars/{scope}/changes', {
          params: { path: { scope }, query: { limit: '10' } },
        }),
      ),
    refetchInterval: (q) => (q.state.data?.changes.some((c) => !c.processed) ? 1000 : false),
  });
  return (
    <Card
      size="small"
      data-testid="recent-changes"
      style={{ marginTop: 16 }}
      title={
        <h2 style={{ fontSize: 16, fontWeight: 600, margin: 0 }}>Thay đổi gần đây và các thời hạn đã dời</h2>
      }
    >
      <QueryState query={changes}>
        {(data) =>
          data.changes.length === 0 ? (
            <p style={{ margin: 0 }}>Phạm vi này chưa có thay đổi nào.</p>
          ) : (
            <Collapse
              defaultActiveKey={[highlight ?? data.changes[0].id]}
              key={highlight ?? 'none'}
              items={data.changes.map((c) => ({
                key: c.id,
                label: (
                  <span
                    data-testid={c.id === highlight ? 'latest-change' : undefined}
                    data-moved={c.processed ? c.movedCount : undefined}
                  >
                    {CHANGE_REASONS[c.reason] ?? c.reason} · {showDateTime(c.createdAt)} · từ ngày{' '}
                    {showDate(c.firstAffectedDate)} ·{' '}
                    {c.processed ? (
                      <Tag style={{ color: '#0b3d91', background: '#e6f4ff', borderColor: '#69b1ff' }}>
                        {c.movedCount} thời hạn đã dời
                      </Tag>
                    ) : (
                      <Tag>Đang tính lại thời hạn…</Tag>
                    )}
                  </span>
                ),
                children: !c.processed ? (
                  <p role="status">Hệ thống đang tính lại các thời hạn đang mở theo lịch mới…</p>
                ) : c.moved.length === 0 ? (
                  <p style={{ margin: 0 }}>Không thời hạn nào bị dời.</p>
                ) : (
                  <List
                    size="small"
                    aria-label="Các thời hạn đã dời"
                    data-testid={c.id === highlight ? 'moved-list' : undefined}
                    dataSource={c.moved}
                    renderItem={(m) => <MovedItem m={m} />}
                  />
                ),
              }))}
            />
          )
        }
      </QueryState>
    </Card>
  );
}
