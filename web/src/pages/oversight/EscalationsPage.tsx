import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { showDate, showDateTime } from '../../lib/dates';
import { useScopeUnits } from '../../lib/units';
import { DEADLINE_PURPOSE_TEXT } from './labels';
import { useSearchState } from './useSearchState';

type Escalation = Schemas['EscalationView'];

/** Cảnh báo quá hạn: what the ladder fired, to whom and when, per unit or per case. */
export default function EscalationsPage() {
  const { get, set } = useSearchState();
  const units = useScopeUnits();
  const unitId = get('don-vi');
  const subjectId = get('ho-so');
  const from = get('tu');
  const to = get('den');
  const page = Number(get('trang') ?? '1');
  const escalations = useQuery({
    queryKey: ['escalations', { unitId, subjectId, from, to, page }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/escalations', {
          params: { query: { unitId, subjectId, from, to, status: 'fired', page, pageSize: 50 } },
        }),
      ),
  });
  return (
    <>
      <PageTitle>Cảnh báo quá hạn đã gửi</PageTitle>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} aria-label="Lọc cảnh báo">
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
        <Form.Item label="Ngày gửi">
          <DatePicker.RangePicker
            style={{ width: 250 }}
            aria-label="Ngày gửi"
            format="DD/MM/YYYY"
            value={from && to ? [dayjs(from), dayjs(to)] : null}
            onChange={(v) => set({ tu: v?.[0]?.format('YYYY-MM-DD'), den: v?.[1]?.format('YYYY-MM-DD') })}
          />
        </Form.Item>
        {subjectId && (
          <Space>
            <Tag>Một hồ sơ</Tag>
            <Button size="small" onClick={() => set({ 'ho-so': undefined })}>
              Mọi hồ sơ
            </Button>
          </Space>
        )}
      </Form>
      <QueryState query={escalations}>
        {(data) => (
          <>
            <p data-testid="escalation-total">{data.total.toLocaleString('vi-VN')} cảnh báo</p>
            <ScrollTable<Escalation>
              label="Các cảnh báo đã gửi"
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
                { title: 'Gửi lúc', render: (_, e) => showDateTime(e.firedAt) },
                { title: 'Mức', render: (_, e) => `Mức ${e.level}` },
                {
                  title: 'Hồ sơ',
                  render: (_, e) => (
                    <Button type="link" size="small" onClick={() => set({ 'ho-so': e.subjectId })}>
                      {e.caseNumber ?? e.subjectId}
                    </Button>
                  ),
                },
                {
                  title: 'Hạn',
                  render: (_, e) =>
                    `${DEADLINE_PURPOSE_TEXT[e.purpose] ?? e.purpose} (${e.ruleId}): ${showDate(e.dueDate)}`,
                },
                { title: 'Đơn vị', dataIndex: 'unitName' },
                {
                  title: 'Người nhận',
                  render: (_, e) =>
                    e.recipients.length === 0
                      ? 'Không có ai nhận'
                      : e.recipients.map((r) => r.fullName).join(', '),
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
