import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { api, type Schemas } from '../../api/client';
import { errorText, unwrap } from '../../api/errors';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { addDays, showDateTime } from '../../lib/dates';
import { useSearchState } from './useSearchState';

type Entry = Schemas['AuditEntryDto'];

const ENTITY_TYPES: Record<string, string> = {
  unit: 'Đơn vị',
  user: 'Tài khoản',
  letter: 'Đơn',
  reception_visit: 'Lượt tiếp công dân',
  complaint_case: 'Vụ việc khiếu nại',
  denunciation_case: 'Vụ việc tố cáo',
  enforcement_record: 'Thi hành quyết định',
  reporting_schedule: 'Lịch báo cáo',
  webhook_endpoint: 'Địa chỉ webhook',
  report_run: 'Báo cáo lập trong nền',
  subject_access_request: 'Yêu cầu về dữ liệu cá nhân',
};

/** A value of a change as text: strings as they are, anything else as JSON; absent as "—". */
function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `{ field: { before, after } }` as rows; `{ fields: [...] }` (a read) as the fields read. */
function ChangeTable({ changes }: { changes: Entry['changes'] }) {
  if (!changes) return <p style={{ margin: 0 }}>Không ghi thay đổi.</p>;
  const record = changes as Record<string, unknown>;
  if (Array.isArray(record.fields))
    return (
      <p style={{ margin: 0 }}>Đã xem các trường: {(record.fields as unknown[]).map(String).join(', ')}</p>
    );
  const rows = Object.entries(record).map(([field, v]) => {
    const change = (v ?? {}) as { before?: unknown; after?: unknown };
    return { field, before: show(change.before), after: show(change.after) };
  });
  const cell = { border: '1px solid #d9d9d9', padding: '2px 6px', verticalAlign: 'top' } as const;
  return (
    <table style={{ borderCollapse: 'collapse', fontSize: 13 }}>
      <caption className="visually-hidden">Trước và sau khi thay đổi</caption>
      <thead>
        <tr>
          <th scope="col" style={cell}>
            Trường
          </th>
          <th scope="col" style={cell}>
            Trước
          </th>
          <th scope="col" style={cell}>
            Sau
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.field}>
            <th scope="row" style={{ ...cell, fontWeight: 400 }}>
              {r.field}
            </th>
            <td style={{ ...cell, overflowWrap: 'anywhere' }}>{r.before}</td>
            <td style={{ ...cell, overflowWrap: 'anywhere' }}>{r.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Whether the hash chain is intact, or where it first breaks (positions and ids only). */
function ChainState() {
  const check = useQuery({
    queryKey: ['audit-verification'],
    enabled: false,
    retry: false,
    queryFn: async () => unwrap(await api.GET('/api/v1/audit-entries/verification')),
  });
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={<h2 style={{ fontSize: 16, fontWeight: 600, margin: 0 }}>Tính toàn vẹn của nhật ký</h2>}
      extra={
        <Button onClick={() => void check.refetch()} loading={check.isFetching}>
          Kiểm tra chuỗi
        </Button>
      }
    >
      {check.isError ? (
        <Alert type="error" showIcon role="alert" title={errorText(check.error)} />
      ) : !check.data ? (
        <p style={{ margin: 0 }}>
          Mỗi mục nhật ký được nối vào một chuỗi băm SHA-256; kiểm tra lại toàn bộ chuỗi để biết có mục nào bị
          sửa hoặc xóa.
        </p>
      ) : check.data.ok ? (
        <Alert
          type="success"
          showIcon
          role="status"
          data-testid="chain-state"
          title={`Chuỗi nguyên vẹn: ${check.data.entries.toLocaleString('vi-VN')} mục đã kiểm tra, ${check.data.unchained.toLocaleString('vi-VN')} mục đang chờ nối chuỗi.`}
          description={`Kiểm tra lúc ${showDateTime(check.data.checkedAt)}.`}
        />
      ) : (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="chain-state"
          title={
            check.data.firstBrokenSeq
              ? `Chuỗi bị đứt tại vị trí ${check.data.firstBrokenSeq}${check.data.firstBrokenId ? ` (mục số ${check.data.firstBrokenId})` : ''}.`
              : `Mục số ${check.data.unchainedId} chưa được nối chuỗi quá lâu.`
          }
          description={`${check.data.entries.toLocaleString('vi-VN')} mục trước đó kiểm tra đúng. Chi tiết kỹ thuật: ${check.data.reason ?? ''}. Báo ngay cho quản trị cơ sở dữ liệu.`}
        />
      )}
    </Card>
  );
}

/** Nhật ký hệ thống: search by record, person and time; each entry's before → after. */
export default function AuditPage() {
  const { get, set } = useSearchState();
  const entityType = get('loai');
  const entityId = get('ma');
  const actorUserId = get('nguoi');
  const from = get('tu');
  const to = get('den');
  const page = Number(get('trang') ?? '1');
  const users = useQuery({
    queryKey: ['users', 'all'],
    staleTime: 600_000,
    queryFn: async () => unwrap(await api.GET('/api/v1/users', { params: { query: { pageSize: 200 } } })),
  });
  const entries = useQuery({
    queryKey: ['audit', { entityType, entityId, actorUserId, from, to, page }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/audit-entries', {
          params: {
            query: {
              entityType,
              entityId,
              actorUserId,
              // Whole local days in Asia/Ho_Chi_Minh: [from 00:00, the day after to 00:00).
              from: from ? `${from}T00:00:00+07:00` : undefined,
              to: to ? `${addDays(to, 1)}T00:00:00+07:00` : undefined,
              page,
              pageSize: 50,
            },
          },
        }),
      ),
  });
  const userName = new Map((users.data?.items ?? []).map((u) => [u.id, u.fullName]));
  return (
    <>
      <PageTitle>Nhật ký hệ thống</PageTitle>
      <ChainState />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} aria-label="Tìm trong nhật ký">
        <Form.Item label="Loại bản ghi">
          <Select
            aria-label="Loại bản ghi"
            allowClear
            placeholder="Tất cả"
            style={{ minWidth: 200 }}
            value={entityType}
            onChange={(v) => set({ loai: v })}
            options={Object.entries(ENTITY_TYPES).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="Mã bản ghi">
          <Input.Search
            aria-label="Mã bản ghi"
            allowClear
            defaultValue={entityId}
            placeholder="Mã (UUID) của bản ghi"
            style={{ width: 220 }}
            onSearch={(v) => set({ ma: v.trim() || undefined })}
          />
        </Form.Item>
        <Form.Item label="Người thực hiện">
          <Select
            aria-label="Người thực hiện"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="Mọi người"
            style={{ minWidth: 220 }}
            value={actorUserId}
            onChange={(v) => set({ nguoi: v })}
            options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
          />
        </Form.Item>
        <Form.Item label="Thời gian">
          <DatePicker.RangePicker
            style={{ width: 250 }}
            aria-label="Thời gian"
            format="DD/MM/YYYY"
            value={from && to ? [dayjs(from), dayjs(to)] : null}
            onChange={(v) => set({ tu: v?.[0]?.format('YYYY-MM-DD'), den: v?.[1]?.format('YYYY-MM-DD') })}
          />
        </Form.Item>
      </Form>
      <QueryState query={entries}>
        {(data) => (
          <>
            <p data-testid="audit-total">{data.total.toLocaleString('vi-VN')} mục</p>
            <ScrollTable<Entry>
              label="Các mục nhật ký"
              rowKey="id"
              size="small"
              dataSource={data.items}
              expandable={{
                expandedRowRender: (e) => <ChangeTable changes={e.changes} />,
                expandRowByClick: false,
              }}
              pagination={{
                current: page,
                pageSize: 50,
                total: data.total,
                showSizeChanger: false,
                onChange: (p) => set({ trang: String(p) }),
              }}
              columns={[
                { title: 'Thời điểm', render: (_, e) => showDateTime(e.occurredAt) },
                {
                  title: 'Người thực hiện',
                  render: (_, e) =>
                    e.actorUserId === null ? 'Hệ thống' : (userName.get(e.actorUserId) ?? e.actorUserId),
                },
                { title: 'Hành động', dataIndex: 'action' },
                { title: 'Bản ghi', render: (_, e) => ENTITY_TYPES[e.entityType] ?? e.entityType },
                {
                  title: 'Mã bản ghi',
                  render: (_, e) => (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => set({ loai: e.entityType, ma: e.entityId })}
                    >
                      {e.entityId}
                    </Button>
                  ),
                },
                { title: 'Vị trí trong chuỗi', render: (_, e) => e.chainSeq ?? 'chờ nối' },
              ]}
            />
          </>
        )}
      </QueryState>
      <Space />
    </>
  );
}
