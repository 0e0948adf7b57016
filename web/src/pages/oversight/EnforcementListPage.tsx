import { useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { DueTag } from '../../components/DueTag';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { showDate } from '../../lib/dates';
import { useScopeUnits } from '../../lib/units';
import { ENFORCEMENT_STATUS_TEXT } from './labels';
import { useSearchState } from './useSearchState';

/** Thi hành quyết định behind the dashboard's backlog: by status as of today and unit. */
export default function EnforcementListPage() {
  const { get, set } = useSearchState();
  const units = useScopeUnits();
  const status = get('trang-thai');
  const unitId = get('don-vi');
  const page = Number(get('trang') ?? '1');
  const records = useQuery({
    queryKey: ['oversight-enforcement', { status, unitId, page }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/enforcement-records', {
          params: { query: { status: status as never, unitId, page, pageSize: 50 } },
        }),
      ),
  });
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  return (
    <>
      <PageTitle>Thi hành quyết định</PageTitle>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} aria-label="Lọc thi hành quyết định">
        <Form.Item label="Trạng thái">
          <Select
            aria-label="Trạng thái"
            allowClear
            placeholder="Tất cả"
            style={{ minWidth: 180 }}
            value={status}
            onChange={(v) => set({ 'trang-thai': v })}
            options={Object.entries(ENFORCEMENT_STATUS_TEXT).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="Đơn vị">
          <Select
            aria-label="Đơn vị"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="Mọi đơn vị trong phạm vi"
            style={{ minWidth: 240 }}
            value={unitId}
            onChange={(v) => set({ 'don-vi': v })}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      </Form>
      <QueryState query={records}>
        {(data) => (
          <ScrollTable
            label="Danh sách thi hành quyết định"
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
              { title: 'Quyết định', render: (_, r) => <Link to={`/thi-hanh/${r.id}`}>{r.title}</Link> },
              { title: 'Đơn vị', render: (_, r) => unitName.get(r.unitId) ?? '' },
              { title: 'Trạng thái', render: (_, r) => ENFORCEMENT_STATUS_TEXT[r.status] ?? r.status },
              { title: 'Ngày mở', render: (_, r) => showDate(r.openedOn) },
              { title: 'Nghĩa vụ quá hạn', dataIndex: 'overdueObligations' },
              {
                title: 'Hạn gần nhất',
                render: (_, r) => (r.nextDue ? <DueTag due={r.nextDue} unitId={r.unitId} /> : '—'),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
