import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select, Table, type TableColumnsType } from 'antd';
import { memo, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { api, type Schemas } from '../api/client';
import type { paths } from '../api/schema';
import { unwrap } from '../api/errors';
import { useCan } from '../auth/me';
import { DueTag } from '../components/DueTag';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { addDays, showDate, todayInVietnam } from '../lib/dates';
import { filterLetters, indexLetters, type LetterFilter } from '../lib/letter-filter';
import { CHANNEL, CONTENT_KIND, LETTER_STATUS } from '../lib/labels';

/** The API's page size ceiling and its unpaged-list limit (src/common/http/page.dto.ts). */
const PAGE = 200;
const LIMIT = 2000;
/** Performance marks read by `npm run bench:console`: a filter change → the frame after its rows. */
const MARK = 'don:loc-bat-dau';

type Query = NonNullable<paths['/api/v1/letters']['get']['parameters']['query']>;

/** Every letter the query matches, up to LIMIT: the first page tells the total, the rest in parallel. */
async function fetchAll(query: Query) {
  const get = async (page: number) =>
    unwrap(await api.GET('/api/v1/letters', { params: { query: { ...query, page, pageSize: PAGE } } }));
  const first = await get(1);
  const pages = Math.min(Math.ceil(first.total / PAGE), LIMIT / PAGE);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => get(i + 2)));
  return { items: [first, ...rest].flatMap((p) => p.items), total: first.total };
}

/**
 * Danh sách đơn: the officer's letters (up to 2,000) loaded once and filtered in the browser — status,
 * channel, kind, due this week, overdue, search without diacritics — in a virtualised table, so a list
 * of 1,000 filters in well under 100 ms and scrolls without dropped frames (docs/console.md, figures).
 * Beyond 2,000 the filters go to the API as well. Filters live in the address (shareable).
 */
export default function LettersPage() {
  // The filters are this page's state, mirrored into the address with history.replaceState: a change
  // re-renders this page only, not the router's tree (the measured filter time). A navigation to
  // /don?… (a link, back/forward) still sets them.
  const location = useLocation();
  const [params, setParamsState] = useState(() => new URLSearchParams(location.search));
  const [text, setText] = useState(() => params.get('q') ?? '');
  // Any navigation of the router (even to /don again from the menu) resets them from the address.
  useEffect(() => {
    const fromAddress = new URLSearchParams(location.search);
    setParamsState(fromAddress);
    setText(fromAddress.get('q') ?? '');
  }, [location.key, location.search]);
  const can = useCan();
  const f: LetterFilter = {
    status: params.get('trang-thai') ?? undefined,
    channel: params.get('kenh') ?? undefined,
    classification: params.get('loai') ?? undefined,
    due: params.get('han') ?? undefined, // 'tuan-nay' | 'qua-han'
    q: params.get('q') ?? undefined,
    sort: (params.get('sap-xep') ?? 'due') as 'due' | 'received',
  };
  const set = (patch: Record<string, string | undefined>) => {
    performance.mark(MARK);
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v) next.set(k, v);
      else next.delete(k);
    setParamsState(next);
    const query = next.toString();
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${query ? `?${query}` : ''}`,
    );
  };
  const today = todayInVietnam();
  const weekEnd = addDays(today, 6);
  const all = useQuery({
    queryKey: ['letters', 'all'],
    queryFn: () => fetchAll({ sort: 'due' }),
  });
  // More than the browser holds: the API narrows first (same rules), the browser filters what it sends.
  const big = (all.data?.total ?? 0) > LIMIT;
  const narrowed = useQuery({
    enabled: big,
    queryKey: ['letters', 'narrowed', f, today],
    queryFn: () =>
      fetchAll({
        status: f.status as never,
        channel: f.channel as never,
        classification: f.classification as never,
        overdue: f.due === 'qua-han' ? 'true' : undefined,
        dueTo: f.due === 'tuan-nay' ? weekEnd : undefined,
        q: f.q && f.q.trim().length >= 2 ? f.q.trim() : undefined,
        sort: f.sort,
      }),
  });
  const source = big ? narrowed : all;
  const indexed = useMemo(() => indexLetters(source.data?.items ?? []), [source.data]);
  const fKey = JSON.stringify(f);
  // fKey stands for f (a new object each render)
  const rows = useMemo(() => filterLetters(indexed, f, today, weekEnd), [indexed, fKey, today, weekEnd]);
  useLayoutEffect(() => {
    if (performance.getEntriesByName(MARK).length === 0) return;
    performance.measure('don:loc-ve', MARK); // the change → its rows in the DOM (render and commit)
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (performance.getEntriesByName(MARK).length === 0) return; // measured by an earlier frame
        performance.measure('don:loc', MARK);
        performance.clearMarks(MARK);
      }),
    );
  }, [rows]);

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
            value={text}
            placeholder="Từ trong trích yếu, nội dung (gõ có dấu hoặc không)"
            style={{ minWidth: 260 }}
            onChange={(e) => {
              setText(e.target.value);
              set({ q: e.target.value || undefined });
            }}
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
            value={f.status}
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
            value={f.channel}
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
            value={f.classification}
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
            value={f.due}
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
            value={f.sort}
            onChange={(v) => set({ 'sap-xep': v })}
            options={[
              { value: 'due', label: 'Hạn gần nhất trước' },
              { value: 'received', label: 'Mới nhận trước' },
            ]}
          />
        </Form.Item>
      </Form>
      <QueryState query={source}>
        {(data) => (
          <section aria-label="Danh sách đơn">
            <p aria-live="polite" data-testid="letters-count">
              {rows.length === data.items.length
                ? `${rows.length} đơn`
                : `${rows.length} / ${data.items.length} đơn`}
            </p>
            {data.total > data.items.length && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 8 }}
                title={`Có ${data.total} đơn khớp; hiển thị ${data.items.length} đơn đầu — hãy thu hẹp bộ lọc.`}
              />
            )}
            <LettersTable rows={rows} />
          </section>
        )}
      </QueryState>
    </>
  );
}

type Row = Schemas['LetterView'];
const COLUMNS: TableColumnsType<Row> = [
  { title: 'Mã', dataIndex: 'receiptCode', width: 130 },
  { title: 'Trích yếu', width: 260, render: (_, l) => <Link to={`/don/${l.id}`}>{l.subject}</Link> },
  { title: 'Phân loại', width: 100, render: (_, l) => CONTENT_KIND[l.classification] },
  { title: 'Nguồn', width: 130, render: (_, l) => CHANNEL[l.channel] },
  { title: 'Ngày nhận', width: 100, render: (_, l) => showDate(l.receivedOn) },
  { title: 'Trạng thái', width: 100, render: (_, l) => LETTER_STATUS[l.status] },
  {
    title: 'Hạn xử lý',
    width: 160,
    render: (_, l) =>
      l.status === 'registered' ? (
        <DueTag due={l.processingDue} unitId={l.unitId} />
      ) : (
        showDate(l.processingDue)
      ),
  },
];

/** Only the rows on screen are in the DOM (antd's virtual table); re-rendered only when the rows change. */
const LettersTable = memo(function LettersTable({ rows }: { rows: Row[] }) {
  return (
    <Table<Row>
      virtual
      rowKey="id"
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 980, y: 600 }}
      columns={COLUMNS}
    />
  );
});
