import { useQuery } from '@tanstack/react-query';
import { Button, Form, Segmented, Select, Space, Tag } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { DueTag } from '../../components/DueTag';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { showDate } from '../../lib/dates';
import { useScopeUnits } from '../../lib/units';
import { KIND_TEXT, STATE_TEXT, type CaseKind } from './labels';
import { useSearchState } from './useSearchState';

const PATHS = { complaint: '/api/v1/complaint-cases', denunciation: '/api/v1/denunciation-cases' } as const;

interface Row {
  id: string;
  caseNumber: string;
  unitId: string;
  state: string;
  subject: string;
  receivedOn: string;
  nextDue?: string | null;
}

/**
 * Vụ việc behind a dashboard figure: one kind, by state, unit, month received or overdue — the filters in
 * the address. Denunciation subjects are the redacted ones the API gives (never the denouncer).
 */
export default function CaseListPage() {
  const { get, set } = useSearchState();
  const units = useScopeUnits();
  const kind = (get('loai') === 'denunciation' ? 'denunciation' : 'complaint') as CaseKind;
  const state = get('trang-thai');
  const unitId = get('don-vi');
  const overdue = get('han') === 'qua-han';
  const from = get('tu');
  const to = get('den');
  const page = Number(get('trang') ?? '1');
  const cases = useQuery({
    queryKey: ['oversight-cases', { kind, state, unitId, overdue, from, to, page }],
    queryFn: async (): Promise<{ items: Row[]; total: number }> => {
      const query = {
        scope: 'unit' as const,
        state: state as never,
        unitId,
        due: overdue ? ('overdue' as const) : undefined,
        receivedFrom: from,
        receivedTo: to,
        sort: overdue ? ('due' as const) : ('received' as const),
        order: overdue ? ('asc' as const) : ('desc' as const),
        page,
        pageSize: 50,
      };
      return kind === 'complaint'
        ? unwrap(await api.GET(PATHS.complaint, { params: { query } }))
        : unwrap(await api.GET(PATHS.denunciation, { params: { query } }));
    },
  });
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const filters = [
    state && `Trạng thái: ${STATE_TEXT[kind][state] ?? state}`,
    unitId && `Đơn vị: ${unitName.get(unitId) ?? '…'}`,
    overdue && 'Có hạn đã quá',
    from && to && `Tiếp nhận từ ${showDate(from)} đến ${showDate(to)}`,
  ].filter(Boolean) as string[];

  return (
    <>
      <PageTitle>Danh sách vụ việc</PageTitle>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} aria-label="Lọc danh sách vụ việc">
        <Form.Item label="Loại">
          <Segmented
            aria-label="Loại vụ việc"
            value={kind}
            onChange={(v) => set({ loai: String(v), 'trang-thai': undefined })}
            options={(['complaint', 'denunciation'] as const).map((k) => ({ value: k, label: KIND_TEXT[k] }))}
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
        <Form.Item label="Trạng thái">
          <Select
            aria-label="Trạng thái"
            allowClear
            placeholder="Tất cả"
            style={{ minWidth: 200 }}
            value={state}
            onChange={(v) => set({ 'trang-thai': v })}
            options={Object.entries(STATE_TEXT[kind]).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      </Form>
      {filters.length > 0 && (
        <Space wrap style={{ marginBottom: 12 }} aria-label="Đang lọc theo">
          {filters.map((f) => (
            <Tag key={f}>{f}</Tag>
          ))}
          <Button
            size="small"
            onClick={() =>
              set({
                'trang-thai': undefined,
                'don-vi': undefined,
                han: undefined,
                tu: undefined,
                den: undefined,
              })
            }
          >
            Bỏ lọc
          </Button>
        </Space>
      )}
      <QueryState query={cases}>
        {(data) => (
          <>
            <p data-testid="case-total">
              {data.total.toLocaleString('vi-VN')} vụ việc {KIND_TEXT[kind].toLowerCase()}
            </p>
            <ScrollTable<Row>
              label="Danh sách vụ việc"
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
                { title: 'Số hồ sơ', dataIndex: 'caseNumber' },
                { title: 'Nội dung', dataIndex: 'subject' },
                { title: 'Đơn vị', render: (_, c) => unitName.get(c.unitId) ?? '' },
                { title: 'Trạng thái', render: (_, c) => STATE_TEXT[kind][c.state] ?? c.state },
                { title: 'Ngày tiếp nhận', render: (_, c) => showDate(c.receivedOn) },
                {
                  title: 'Hạn gần nhất',
                  render: (_, c) => (c.nextDue ? <DueTag due={c.nextDue} unitId={c.unitId} /> : '—'),
                },
                {
                  title: 'Cảnh báo',
                  render: (_, c) => (
                    <Link
                      to={`/giam-sat/canh-bao?ho-so=${c.id}`}
                      aria-label={`Xem cảnh báo đã gửi về hồ sơ ${c.caseNumber}`}
                    >
                      Xem
                    </Link>
                  ),
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
