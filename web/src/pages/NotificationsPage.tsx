import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, List, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { showDateTime } from '../lib/dates';

export default function NotificationsPage() {
  const client = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useQuery({
    queryKey: ['notifications', 'list', unreadOnly],
    refetchInterval: 15_000,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/notifications', {
          params: { query: { unread: unreadOnly || undefined, pageSize: 50 } },
        }),
      ),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] });
  const markOne = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const markAll = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/notifications/read-all')),
    onSuccess: refresh,
  });
  return (
    <>
      <PageTitle
        extra={
          <Button onClick={() => markAll.mutate()} loading={markAll.isPending}>
            Đánh dấu tất cả đã đọc
          </Button>
        }
      >
        Thông báo
      </PageTitle>
      <Segmented
        style={{ marginBottom: 16 }}
        value={unreadOnly ? 'unread' : 'all'}
        onChange={(v) => setUnreadOnly(v === 'unread')}
        options={[
          { value: 'all', label: 'Tất cả' },
          { value: 'unread', label: 'Chưa đọc' },
        ]}
      />
      <QueryState query={list}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty description="Không có thông báo" />
          ) : (
            <List
              dataSource={page.items}
              renderItem={(n) => (
                <List.Item
                  data-testid="notification"
                  actions={
                    n.readAt
                      ? []
                      : [
                          <Button
                            key="read"
                            size="small"
                            onClick={() => markOne.mutate(n.id)}
                            aria-label={`Đánh dấu đã đọc: ${n.title}`}
                          >
                            Đã đọc
                          </Button>,
                        ]
                  }
                >
                  <List.Item.Meta
                    title={
                      <span>
                        {!n.readAt && <Tag color="#0b57d0">Mới</Tag>}
                        {n.title}
                      </span>
                    }
                    description={
                      <span style={{ color: 'rgba(0,0,0,0.7)' }}>
                        {n.body} · {showDateTime(n.createdAt)}
                      </span>
                    }
                  />
                </List.Item>
              )}
            />
          )
        }
      </QueryState>
    </>
  );
}
