import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  InputNumber,
  Progress,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { api, type Schemas } from '../../api/client';
import { errorText, unwrap } from '../../api/errors';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { showDate, showDateTime, todayInVietnam } from '../../lib/dates';
import { useScopeUnits } from '../../lib/units';
import { CUTOFF_TEXT, PERIOD_TEXT, REPORT_FORMS, RUN_STATUS_TEXT } from './labels';
import { useSearchState } from './useSearchState';

type Form = (typeof REPORT_FORMS)[number]['value'];
type Period = 'month' | 'quarter' | 'six_months' | 'nine_months' | 'year';
type Cutoff = 'nd09' | 'calendar' | 'national_assembly';
type Run = Schemas['ReportRunView'];

/** The choices as the API takes them: a period (year, index, cut-off) or a from–to range; a unit. */
function useChoice() {
  const { get, set } = useSearchState();
  const from = get('tu');
  const to = get('den');
  const period = (get('ky') ?? 'year') as Period;
  const custom = !!(from && to) || get('ky') === 'custom';
  const needsIndex = period === 'month' || period === 'quarter';
  const choice = {
    form: (get('mau') ?? '01-TCD') as Form,
    custom,
    period,
    year: get('nam') ?? todayInVietnam().slice(0, 4),
    index: get('so') ?? (needsIndex ? '1' : undefined),
    cutoff: (get('moc') ?? 'nd09') as Cutoff,
    from,
    to,
    unitId: get('don-vi'),
  };
  const window = custom
    ? { from: choice.from, to: choice.to }
    : {
        period: choice.period,
        year: choice.year,
        index: needsIndex ? choice.index : undefined,
        cutoff: choice.cutoff,
      };
  return { choice, window, set, ready: !custom || !!(from && to) };
}

async function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Báo cáo: choose the form, the window and the unit; preview laid out like the form; files; background runs. */
export default function ReportsPage() {
  const { choice, window, set, ready } = useChoice();
  const units = useScopeUnits();
  const queryClient = useQueryClient();
  const query = { ...window, unitId: choice.unitId };

  const preview = useQuery({
    queryKey: ['report', choice.form, query],
    enabled: ready,
    retry: false,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/reports/{form}', {
          params: { path: { form: choice.form }, query: { ...query, format: 'json' } },
        }),
      ),
  });

  const download = useMutation({
    mutationFn: async (format: 'csv' | 'xlsx') => {
      const res = await api.GET('/api/v1/reports/{form}', {
        params: { path: { form: choice.form }, query: { ...query, format } },
        parseAs: 'blob',
      });
      if (!res.response.ok) unwrap(res);
      await save(res.data as unknown as Blob, `bao-cao-${choice.form}.${format}`);
    },
  });

  const background = useMutation({
    mutationFn: async (format: 'csv' | 'xlsx') =>
      unwrap(
        await api.POST('/api/v1/report-runs', {
          // cutoff has a default in the schema (so the generated type requires it), yet a from–to
          // window refuses it (REPORT_CUTOFF_INVALID): left out for a range.
          body: {
            form: choice.form,
            format,
            unitId: choice.unitId,
            ...(choice.custom
              ? { from: choice.from, to: choice.to }
              : {
                  period: choice.period,
                  year: Number(choice.year),
                  index: window.index === undefined ? undefined : Number(window.index),
                  cutoff: choice.cutoff,
                }),
          } as Schemas['CreateReportRunDto'],
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['report-runs'] }),
  });

  const needsIndex = choice.period === 'month' || choice.period === 'quarter';
  return (
    <>
      <PageTitle>Báo cáo định kỳ</PageTitle>
      <Form layout="vertical" aria-label="Chọn báo cáo" style={{ maxWidth: 960 }}>
        <Space wrap align="start" size="middle">
          <Form.Item label="Mẫu báo cáo" htmlFor="report-form">
            <Select
              id="report-form"
              style={{ minWidth: 280 }}
              value={choice.form}
              onChange={(v) => set({ mau: v })}
              options={REPORT_FORMS.map((f) => ({ value: f.value, label: f.label }))}
            />
          </Form.Item>
          <Form.Item label="Đơn vị" htmlFor="report-unit">
            <Select
              id="report-unit"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="Mọi đơn vị trong phạm vi"
              style={{ minWidth: 260 }}
              value={choice.unitId}
              onChange={(v) => set({ 'don-vi': v })}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        </Space>
        <Form.Item label="Kỳ báo cáo">
          <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
            <Segmented
              aria-label="Kỳ báo cáo"
              value={choice.custom ? 'custom' : choice.period}
              onChange={(v) =>
                v === 'custom'
                  ? set({ ky: 'custom', so: undefined })
                  : set({ ky: String(v), tu: undefined, den: undefined, so: undefined })
              }
              options={['month', 'quarter', 'six_months', 'nine_months', 'year', 'custom'].map((k) => ({
                value: k,
                label: PERIOD_TEXT[k],
              }))}
            />
          </div>
        </Form.Item>
        {choice.custom ? (
          <Form.Item label="Từ ngày – đến ngày" htmlFor="report-range">
            <DatePicker.RangePicker
              id="report-range"
              format="DD/MM/YYYY"
              value={choice.from && choice.to ? [dayjs(choice.from), dayjs(choice.to)] : null}
              onChange={(v) =>
                set({
                  ky: 'custom',
                  tu: v?.[0]?.format('YYYY-MM-DD'),
                  den: v?.[1]?.format('YYYY-MM-DD'),
                })
              }
            />
          </Form.Item>
        ) : (
          <Space wrap align="start" size="middle">
            <Form.Item label="Năm" htmlFor="report-year">
              <InputNumber
                id="report-year"
                min={2000}
                max={2100}
                value={Number(choice.year)}
                onChange={(v) => v && set({ nam: String(v) })}
              />
            </Form.Item>
            {needsIndex && (
              <Form.Item label={choice.period === 'month' ? 'Tháng' : 'Quý'} htmlFor="report-index">
                <Select
                  id="report-index"
                  style={{ minWidth: 100 }}
                  value={choice.index}
                  onChange={(v) => set({ so: v })}
                  options={Array.from({ length: choice.period === 'month' ? 12 : 4 }, (_, i) => ({
                    value: String(i + 1),
                    label: String(i + 1),
                  }))}
                />
              </Form.Item>
            )}
            <Form.Item label="Mốc số liệu" htmlFor="report-cutoff">
              <Select
                id="report-cutoff"
                style={{ minWidth: 300 }}
                value={choice.cutoff}
                onChange={(v) => set({ moc: v })}
                options={Object.entries(CUTOFF_TEXT).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          </Space>
        )}
        <Space wrap>
          <Button disabled={!ready} loading={download.isPending} onClick={() => download.mutate('xlsx')}>
            Tải Excel
          </Button>
          <Button disabled={!ready} loading={download.isPending} onClick={() => download.mutate('csv')}>
            Tải CSV
          </Button>
          <Button
            type="primary"
            disabled={!ready}
            loading={background.isPending}
            onClick={() => background.mutate('xlsx')}
          >
            Lập trong nền (Excel)
          </Button>
        </Space>
        {(download.error ?? background.error) && (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            role="alert"
            title={errorText(download.error ?? background.error)}
          />
        )}
        {background.isSuccess && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            role="status"
            title="Đã đưa báo cáo vào hàng đợi. Theo dõi ở mục “Báo cáo đã lập của tôi” bên dưới."
          />
        )}
      </Form>

      <h2 style={{ fontSize: 18, marginTop: 24 }}>Xem trước</h2>
      {ready ? (
        <QueryState query={preview}>{(view) => <Preview view={view} />}</QueryState>
      ) : (
        <p>Chọn từ ngày đến ngày để xem báo cáo.</p>
      )}
      <MyRuns />
    </>
  );
}

/** The report laid out like the form: the spanned header rows, the column numbers, units, the total. */
function Preview({ view }: { view: Schemas['ReportJsonView'] }) {
  const cell = { border: '1px solid #8c8c8c', padding: '4px 6px' } as const;
  return (
    <div>
      <p style={{ textAlign: 'center', fontWeight: 600, margin: 0, textTransform: 'uppercase' }}>
        {view.form.title.vi}
      </p>
      <p style={{ textAlign: 'center', marginTop: 4 }}>{view.window.label.vi}</p>
      {(view.unconfirmed.form || view.unconfirmed.cutoff) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title="Mẫu biểu hoặc mốc số liệu chưa được đối chiếu với văn bản chính thức (TT 06/2025/TT-TTCP)."
        />
      )}
      <div role="region" aria-label="Bảng báo cáo" tabIndex={0} style={{ overflowX: 'auto' }}>
        <table
          data-testid="report-table"
          style={{ borderCollapse: 'collapse', fontSize: 13, minWidth: '100%' }}
        >
          <caption className="visually-hidden">{`${view.form.code} — ${view.form.name.vi}`}</caption>
          <thead>
            {view.header.map((row, r) => (
              <tr key={r}>
                {row.map((h) => (
                  <th
                    key={`${h.row}-${h.col}`}
                    scope={h.colSpan > 1 ? 'colgroup' : 'col'}
                    colSpan={h.colSpan}
                    rowSpan={h.rowSpan}
                    style={{
                      ...cell,
                      background: '#fafafa',
                      fontWeight: 600,
                      textAlign: 'center',
                      minWidth: h.col === 0 ? 160 : undefined,
                    }}
                  >
                    {h.vi}
                  </th>
                ))}
              </tr>
            ))}
            <tr>
              {view.numbers.map((n) => (
                <td key={n} style={{ ...cell, textAlign: 'center', fontStyle: 'italic' }}>
                  {n}
                </td>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr style={{ fontWeight: 600 }}>
              <th scope="row" style={{ ...cell, textAlign: 'left' }}>
                {view.total.label.vi}
              </th>
              {view.total.cells.map((v, i) => (
                <td key={i} style={{ ...cell, textAlign: 'right' }}>
                  {v.toLocaleString('vi-VN')}
                </td>
              ))}
            </tr>
            {view.rows.map((row) => (
              <tr key={row.unitId}>
                <th
                  scope="row"
                  style={{ ...cell, textAlign: 'left', fontWeight: 400, paddingLeft: 6 + row.depth * 16 }}
                >
                  {row.unitName}
                </th>
                {row.cells.map((v, i) => (
                  <td key={i} style={{ ...cell, textAlign: 'right' }}>
                    {v.toLocaleString('vi-VN')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p style={{ fontSize: 12 }}>{view.form.legalBasis}</p>
    </div>
  );
}

/** Báo cáo đã lập của tôi: polled while one is queued or running; the file when done. */
function MyRuns() {
  const runs = useQuery({
    queryKey: ['report-runs'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/report-runs', { params: { query: { page: 1, pageSize: 20 } } })),
    refetchInterval: (q) =>
      q.state.data?.items.some((r) => r.status === 'queued' || r.status === 'running') ? 1500 : false,
  });
  const fetchFile = useMutation({
    mutationFn: async (run: Run) => {
      const res = await api.GET('/api/v1/report-runs/{id}/file', {
        params: { path: { id: run.id } },
        parseAs: 'blob',
      });
      if (!res.response.ok) unwrap(res);
      await save(res.data as unknown as Blob, run.file?.filename ?? `bao-cao.${run.format}`);
    },
  });
  return (
    <Card
      style={{ marginTop: 24 }}
      size="small"
      title={<h2 style={{ fontSize: 16, fontWeight: 600, margin: 0 }}>Báo cáo đã lập của tôi</h2>}
    >
      {fetchFile.error && <Alert type="error" showIcon role="alert" title={errorText(fetchFile.error)} />}
      <QueryState query={runs}>
        {(data) => (
          <div role="region" aria-label="Báo cáo đã lập" tabIndex={0} style={{ overflowX: 'auto' }}>
            <Table<Run>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={data.items}
              locale={{ emptyText: 'Chưa lập báo cáo nào trong nền.' }}
              style={{ minWidth: 720 }}
              columns={[
                { title: 'Mẫu', dataIndex: 'form' },
                {
                  title: 'Kỳ',
                  render: (_, r) => `${showDate(r.window.from)} – ${showDate(r.window.to)}`,
                },
                { title: 'Tệp', render: (_, r) => r.format.toUpperCase() },
                { title: 'Yêu cầu lúc', render: (_, r) => showDateTime(r.createdAt) },
                {
                  title: 'Trạng thái',
                  render: (_, r) =>
                    r.status === 'running' || r.status === 'queued' ? (
                      <Progress
                        percent={r.progress}
                        size="small"
                        aria-label={`${RUN_STATUS_TEXT[r.status]} ${r.progress}%`}
                        style={{ minWidth: 120 }}
                      />
                    ) : (
                      <Tag data-status={r.status}>
                        {RUN_STATUS_TEXT[r.status] ?? r.status}
                        {r.errorCode ? ` (${r.errorCode})` : ''}
                      </Tag>
                    ),
                },
                {
                  title: 'Tải về',
                  render: (_, r) =>
                    r.status === 'done' && r.links.download ? (
                      <Button
                        size="small"
                        type="link"
                        onClick={() => fetchFile.mutate(r)}
                        aria-label={`Tải ${r.file?.filename ?? 'tệp'}`}
                      >
                        {r.file?.filename ?? 'Tải về'}
                      </Button>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          </div>
        )}
      </QueryState>
    </Card>
  );
}
