import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Popconfirm, Select, Space, Tag } from 'antd';
import { memo, useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { errorText, unwrap } from '../../api/errors';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { showDate, todayInVietnam, weekday } from '../../lib/dates';
import { useScopeUnits } from '../../lib/units';
import { sourceLabel, STATUS_LABELS, type ListedDay } from './calendar-model';
import { DayDialog } from './DayDialog';
import { ImportDialog } from './ImportDialog';
import { RecentChanges } from './RecentChanges';
import { Legend, YearGrid } from './YearGrid';
import './calendar.css';

const FIRST_YEAR = 2020;
const LAST_YEAR = 2060;

/**
 * The year's days off and make-up days as a plain table (a plain one: it is drawn with the twelve
 * months on every change of year, and the figure is < 300 ms), scrolling sideways on a phone.
 */
const DayList = memo(function DayList({
  days,
  year,
  scope,
  unitNames,
}: {
  days: readonly ListedDay[];
  year: number;
  scope: string;
  unitNames: ReadonlyMap<string, string>;
}) {
  const rows = days.filter((d) => d.status !== 'rest' && d.status !== 'working');
  return (
    <div
      role="region"
      aria-label={`Các ngày nghỉ, ngày làm bù năm ${year}`}
      tabIndex={0}
      className="cal-list"
    >
      <table>
        <thead>
          <tr>
            <th scope="col">Ngày</th>
            <th scope="col">Loại</th>
            <th scope="col">Tên, lý do</th>
            <th scope="col">Nguồn</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.date}>
              <td>
                {weekday(d.date)}, {showDate(d.date)}
              </td>
              <td>{STATUS_LABELS[d.status]}</td>
              <td>{d.name}</td>
              <td>{sourceLabel(d.source, scope, unitNames)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

async function saveFile(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Lịch làm việc: a year of a calendar scope (national, or a unit's effective calendar) as twelve
 * month grids with each day off and make-up day and where it comes from; set and remove days with
 * the deadlines a change would move shown before saving and those it moved afterwards; import and
 * export iCalendar/CSV; confirm a year; the readiness warning (docs/console-calendar.md).
 */
export default function CalendarPage() {
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const scope = params.get('pham-vi') ?? 'national';
  const yearParam = Number(params.get('nam'));
  const year =
    Number.isInteger(yearParam) && yearParam >= FIRST_YEAR && yearParam <= LAST_YEAR ? yearParam : thisYear;
  const set = (patch: Record<string, string>) => {
    // The benchmark's start: a choice of scope or year → the frame after its twelve months (YearGrid).
    performance.mark('lich:chon');
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) next.set(k, v);
    setParams(next, { replace: true });
  };

  const units = useScopeUnits();
  const unitNames = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const queryClient = useQueryClient();
  const yearView = useQuery({
    queryKey: ['calendar-year', scope, year],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/calendars/{scope}/years/{year}', {
          params: { path: { scope, year: String(year) } },
        }),
      ),
  });
  const readiness = useQuery({
    queryKey: ['calendar-readiness'],
    staleTime: 60_000,
    queryFn: async () => unwrap(await api.GET('/api/v1/calendars/readiness')),
  });

  useState(() => performance.mark('lich:chon'));
  const [focused, setFocused] = useState(`${year}-01-01`);
  const focusedInYear = focused.startsWith(`${year}-`) ? focused : `${year}-01-01`;
  const [open, setOpen] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [highlight, setHighlight] = useState<string | null>(null);
  const onOpen = useCallback((date: string) => {
    setFocused(date);
    setOpen(date);
  }, []);

  const refresh = (changeId: string | null) => {
    setOpen(null);
    setImporting(false);
    setHighlight(changeId);
    void queryClient.invalidateQueries({ queryKey: ['calendar-year'] });
    void queryClient.invalidateQueries({ queryKey: ['calendar-changes', scope] });
    void queryClient.invalidateQueries({ queryKey: ['calendar-readiness'] });
    void queryClient.invalidateQueries({ queryKey: ['calendar'] });
  };

  const confirm = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT('/api/v1/calendars/{scope}/years/{year}', {
          params: { path: { scope, year: String(year) } },
          body: { confirmed: true },
        }),
      ),
    onSuccess: (r) => refresh(r.changeId),
  });
  const download = useMutation({
    mutationFn: async (format: 'csv' | 'ics') => {
      const res = await api.GET('/api/v1/calendars/{scope}/years/{year}/export', {
        params: { path: { scope, year: String(year) }, query: { format } },
        parseAs: 'blob',
      });
      if (!res.response.ok) unwrap(res);
      const name = /filename="([^"]+)"/.exec(res.response.headers.get('content-disposition') ?? '')?.[1];
      await saveFile(res.data as unknown as Blob, name ?? `lich-${year}.${format}`);
    },
  });

  const warnings = (readiness.data?.warnings ?? []).filter(
    (w) => w.scope === scope || w.scope === 'national',
  );
  const years = Array.from({ length: 5 }, (_, i) => thisYear - 1 + i).filter(
    (y) => y >= FIRST_YEAR && y <= LAST_YEAR,
  );
  if (!years.includes(year)) years.push(year);

  return (
    <>
      <PageTitle>Lịch làm việc</PageTitle>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="cal-scope">Phạm vi</label>
        <Select
          id="cal-scope"
          style={{ minWidth: 260 }}
          value={scope}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(v) => set({ 'pham-vi': v })}
          options={[
            { value: 'national', label: 'Lịch quốc gia (khu vực công)' },
            ...(units.data ?? []).map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
        <label htmlFor="cal-year">Năm</label>
        <Select
          id="cal-year"
          style={{ width: 100 }}
          value={year}
          onChange={(v) => set({ nam: String(v) })}
          options={years.sort().map((y) => ({ value: y, label: String(y) }))}
        />
      </Space>
      {warnings.map((w) => (
        <Alert
          key={`${w.scope}-${w.code}`}
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="readiness-warning"
          title={w.message.vi}
          description={w.scope === 'national' ? 'Lịch quốc gia' : (w.unitName ?? undefined)}
        />
      ))}
      <QueryState query={yearView}>
        {(view) => (
          <>
            <Card size="small" style={{ marginBottom: 12 }}>
              <Space wrap>
                {view.confirmed ? (
                  <Tag
                    style={{ color: '#135200', background: '#f6ffed', borderColor: '#73d13d' }}
                    data-testid="year-state"
                  >
                    Năm {year}: đã xác nhận theo lịch công bố
                  </Tag>
                ) : (
                  <Tag
                    style={{ color: '#7a4100', background: '#fff7e6', borderColor: '#ffa940' }}
                    data-testid="year-state"
                  >
                    Năm {year}: tạm tính (chưa xác nhận)
                  </Tag>
                )}
                <span>Quyết định bởi: {sourceLabel(view.confirmationSource, scope, unitNames)}</span>
                <span>{view.workingDays} ngày làm việc</span>
                {!view.confirmed && (
                  <Popconfirm
                    title={`Xác nhận lịch năm ${year}?`}
                    description="Chỉ xác nhận khi đã nhập đủ các ngày nghỉ, ngày làm bù theo lịch được công bố."
                    okText="Xác nhận"
                    cancelText="Thôi"
                    onConfirm={() => confirm.mutate()}
                  >
                    <Button type="primary" loading={confirm.isPending}>
                      Xác nhận năm {year}
                    </Button>
                  </Popconfirm>
                )}
                <Button onClick={() => setImporting(true)}>Nhập từ tệp…</Button>
                <Button
                  loading={download.isPending && download.variables === 'ics'}
                  onClick={() => download.mutate('ics')}
                >
                  Tải iCalendar
                </Button>
                <Button
                  loading={download.isPending && download.variables === 'csv'}
                  onClick={() => download.mutate('csv')}
                >
                  Tải CSV
                </Button>
              </Space>
              {(confirm.error ?? download.error) && (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  style={{ marginTop: 8 }}
                  title={errorText(confirm.error ?? download.error)}
                />
              )}
            </Card>
            <Legend />
            <p className="hide-on-phone" style={{ fontSize: 13, marginTop: 0 }}>
              Dùng phím mũi tên để đi giữa các ngày, Page Up/Page Down để sang tháng, Enter để mở một ngày.
            </p>
            <YearGrid
              year={year}
              days={view.days as ListedDay[]}
              scope={scope}
              unitNames={unitNames}
              focused={focusedInYear}
              onFocusChange={setFocused}
              onOpen={onOpen}
            />
            <h2 style={{ fontSize: 18, fontWeight: 600, marginTop: 24 }}>
              Các ngày nghỉ, ngày làm bù năm {year}
            </h2>
            <DayList days={view.days as ListedDay[]} year={year} scope={scope} unitNames={unitNames} />
            {open && (
              <DayDialog
                key={open}
                scope={scope}
                date={open}
                status={
                  (view.days as ListedDay[]).find((d) => d.date === open)?.status ??
                  ([0, 6].includes(new Date(`${open}T00:00:00Z`).getUTCDay()) ? 'rest' : 'working')
                }
                listed={(view.days as ListedDay[]).find((d) => d.date === open) ?? null}
                unitNames={unitNames}
                onClose={() => setOpen(null)}
                onSaved={refresh}
              />
            )}
            {importing && (
              <ImportDialog scope={scope} year={year} onClose={() => setImporting(false)} onSaved={refresh} />
            )}
          </>
        )}
      </QueryState>
      <RecentChanges scope={scope} highlight={highlight} />
    </>
  );
}
