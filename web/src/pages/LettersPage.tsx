import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useCan } from '../auth/me';
import { DueTag } from '../components/DueTag';
import { ScrollTable } from '../components/ScrollTable';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { addDays, showDate, todayInVietnam } from '../lib/dates';
import { CHANNEL, CONTENT_KIND, LETTER_STATUS } from '../lib/labels';

/** Danh sách đơn: filters in the address (shareable), search without diacritics, nearest deadline first. */
export default function LettersPage() {
  const [params, setParams] = useSearchParams();
  const can = useCan();
  const status = params.get('trang-thai') ?? undefined;
  const channel = params.get('kenh') ?? undefined;
  const classification = params.get('loai') ?? undefined;
  const due = params.get('han') ?? undefined; // 'tuan-nay' | 'qua-han'
  const q = params.get('q') ?? undefined;
  const sort = (params.get('sap-xep') ?? 'due') as 'due' | 'received';
  const page = Number(params.get('trang') ?? '1');
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v) next.set(k, v);
      else next.delete(k);
    if (!('trang' in patch)) next.delete('trang');
    setParams(next, { replace: true });
  };
  const today = todayInVietnam();
  const letters = useQuery({
    queryKey: ['letters', { status, channel, classification, due, q, sort, page }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/letters', {
          params: {
            query: {
              status: status as never,
              channel: channel as never,
              classification: classification as never,
              overdue: due === 'qua-han' ? 'true' : undefined,
              dueTo: due === 'tuan-nay' ? addDays(today, 6) : undefined,
              q: q && q.trim().length >= 2 ? q.trim() : undefined,
              sort,
              page,
              pageSize: 50,
            },
          },
        }),
      ),
  });

  return (
    <>
      <PageTitle
        extra={
          can('letters:write') && (
            <Link to="/don/tiep-nhan">
              <Button type="primary">Tiếp nhận đơn</Button>
            </Link>
          )
        }
      >
        Danh sách đơn
      </PageTitle>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} aria-label="Lọc danh sách đơn">
        <Form.Item label="Tìm">
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder="Từ trong trích yếu, nội dung (gõ có dấu hoặc không)"
            style={{ minWidth: 260 }}
            onSearch={(value) => set({ q: value || undefined })}
            aria-label="Tìm đơn"
          />
        </Form.Item>
        <Form.Item label="Trạng thái">
          <Select
            aria-label="Trạng thái"
            allowClear
            placeholder="Tất cả"
            style={{ minWidth: 140 }}
            value={status}
            onChange={(v) => set({ 'trang-thai': v })}
            options={Object.entries(LETTER_STATUS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="Nguồn đơn">
          <Select
            aria-label="Nguồn đơn"
            allowClear
            placeholder="Tất cả"
            style={{ minWidth: 200 }}
            value={channel}
            onChange={(v) => set({ kenh: v })}
            options={Object.entries(CHANNEL).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="Phân loại">
          <Select
            aria-label="Phân loại"
            allowClear
            placeholder="Tất cả"
            style={{ minWidth: 160 }}
            value={classification}
            onChange={(v) => set({ loai: v })}
            options={Object.entries(CONTENT_KIND).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="Hạn xử lý">
          <Select
            aria-label="Hạn xử lý"
            allowClear
            placeholder="Tất cả"
            style={{ minWidth: 160 }}
            value={due}
            onChange={(v) => set({ han: v })}
            options={[
              { value: 'tuan-nay', label: 'Đến hạn trong tuần' },
              { value: 'qua-han', label: 'Quá hạn' },
            ]}
          />
        </Form.Item>
        <Form.Item label="Sắp xếp">
          <Select
            aria-label="Sắp xếp"
            style={{ minWidth: 170 }}
            value={sort}
            onChange={(v) => set({ 'sap-xep': v })}
            options={[
              { value: 'due', label: 'Hạn gần nhất trước' },
              { value: 'received', label: 'Mới nhận trước' },
            ]}
          />
        </Form.Item>
      </Form>
      <QueryState query={letters}>
        {(data) => (
          <ScrollTable
            label="Danh sách đơn"
            rowKey="id"
            size="small"
            dataSource={data.items}
            pagination={{
              current: page,
              pageSize: 50,
              total: data.total,
              showSizeChanger: false,
              onChange: (p) => set({ trang: String(p) }),
            }}
            columns={[
              { title: 'Mã', dataIndex: 'receiptCode' },
              { title: 'Trích yếu', render: (_, l) => <Link to={`/don/${l.id}`}>{l.subject}</Link> },
              { title: 'Phân loại', render: (_, l) => CONTENT_KIND[l.classification] },
              { title: 'Nguồn', render: (_, l) => CHANNEL[l.channel] },
              { title: 'Ngày nhận', render: (_, l) => showDate(l.receivedOn) },
              { title: 'Trạng thái', render: (_, l) => LETTER_STATUS[l.status] },
              {
                title: 'Hạn xử lý',
                render: (_, l) =>
                  l.status === 'registered' ? (
                    <DueTag due={l.processingDue} unitId={l.unitId} />
                  ) : (
                    showDate(l.processingDue)
                  ),
              },
            ]}
          />
        )}
      </QueryState>
      <Space />
    </>
  );
}
