import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { ScrollTable } from '../components/ScrollTable';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { addDays, showDate, todayInVietnam } from '../lib/dates';
import { CONTENT_KIND, OUTCOME } from '../lib/labels';
import { useScopeUnits } from '../lib/units';

/** Sổ tiếp công dân: filter by unit, period, kind, outcome; open a visit; export as the API does. */
export default function ReceptionBookPage() {
  const [params, setParams] = useSearchParams();
  const units = useScopeUnits();
  const today = todayInVietnam();
  const unitId = params.get('don-vi') ?? undefined;
  const from = params.get('tu') ?? addDays(today, -30);
  const to = params.get('den') ?? today;
  const outcome = params.get('ket-qua') ?? undefined;
  const kind = params.get('loai') ?? undefined;
  const page = Number(params.get('trang') ?? '1');
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v) next.set(k, v);
      else next.delete(k);
    if (!('trang' in patch)) next.delete('trang');
    setParams(next, { replace: true });
  };
  const visits = useQuery({
    queryKey: ['visits', unitId, from, to, outcome, page],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/reception/visits', {
          params: {
            query: { unitId, from, to, outcome: outcome as never, page, pageSize: 50 },
          },
        }),
      ),
  });
  const rows = (visits.data?.items ?? []).filter((v) => !kind || v.contentKind === kind);
  const exportUrl = (format: 'xlsx' | 'csv') =>
    `/api/v1/reception/book/export?${new URLSearchParams({ unitId: unitId ?? '', from, to, format })}`;

  async function download(format: 'xlsx' | 'csv') {
    // The export needs the access token: fetched through the client, then saved.
    const res = await api.GET('/api/v1/reception/book/export', {
      params: { query: { unitId: unitId!, from, to, format } },
      parseAs: 'blob',
    });
    if (!res.data) return;
    const url = URL.createObjectURL(res.data as Blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `so-tiep-cong-dan-${from}-${to}.${format}`;
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <>
      <PageTitle
        extra={
          <Space>
            <Button
              disabled={!unitId}
              onClick={() => void download('xlsx')}
              title={unitId ? exportUrl('xlsx') : 'Chọn đơn vị để xuất sổ'}
            >
              Xuất Excel
            </Button>
            <Button disabled={!unitId} onClick={() => void download('csv')}>
              Xuất CSV
            </Button>
          </Space>
        }
      >
        Sổ tiếp công dân
      </PageTitle>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} aria-label="Lọc sổ tiếp công dân">
        <Form.Item label="Đơn vị">
          <Select
            aria-label="Đơn vị"
            allowClear
            style={{ minWidth: 220 }}
            value={unitId}
            placeholder="Mọi đơn vị trong phạm vi"
            onChange={(v) => set({ 'don-vi': v })}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item label="Thời gian">
          <DatePicker.RangePicker
            aria-label="Thời gian"
            format="DD/MM/YYYY"
            value={[dayjs(from), dayjs(to)]}
            allowClear={false}
            onChange={(range) =>
              range?.[0] &&
              range[1] &&
              set({ tu: range[0].format('YYYY-MM-DD'), den: range[1].format('YYYY-MM-DD') })
            }
          />
        </Form.Item>
        <Form.Item label="Phân loại">
          <Select
            aria-label="Phân loại"
            allowClear
            style={{ minWidth: 160 }}
            value={kind}
            placeholder="Tất cả"
            onChange={(v) => set({ loai: v })}
            options={Object.entries(CONTENT_KIND)
              .filter(([k]) => k !== 'anonymous')
              .map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="Kết quả">
          <Select
            aria-label="Kết quả"
            allowClear
            style={{ minWidth: 200 }}
            value={outcome}
            placeholder="Tất cả"
            onChange={(v) => set({ 'ket-qua': v })}
            options={Object.entries(OUTCOME).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      </Form>
      <QueryState query={visits}>
        {(data) => (
          <ScrollTable
            label="Sổ tiếp công dân"
            rowKey="id"
            size="small"
            dataSource={rows}
            pagination={{
              current: page,
              pageSize: 50,
              total: data.total,
              showSizeChanger: false,
              onChange: (p) => set({ trang: String(p) }),
            }}
            columns={[
              { title: 'Ngày', render: (_, v) => `${showDate(v.visitDate)} ${v.visitTime}` },
              {
                title: 'Nội dung',
                render: (_, v) => (
                  <Link to={`/so-tiep-cong-dan/${v.id}`}>
                    {v.textWithheld ? '(nội dung tố cáo được bảo vệ)' : (v.summary ?? '').slice(0, 80)}
                  </Link>
                ),
              },
              { title: 'Phân loại', render: (_, v) => CONTENT_KIND[v.contentKind] },
              { title: 'Số người', dataIndex: 'peopleCount', align: 'right' },
              {
                title: 'Lượt',
                render: (_, v) => (v.visitNumber > 1 ? <Tag>Tiếp lại lần {v.visitNumber}</Tag> : 'Lần đầu'),
              },
              { title: 'Kết quả', render: (_, v) => OUTCOME[v.outcome] },
              { title: 'Người tiếp', dataIndex: 'receivingOfficerName' },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
