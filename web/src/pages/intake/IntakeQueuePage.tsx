import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Tag, type TableColumnsType } from 'antd';
import type { KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { DueTag } from '../../components/DueTag';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { showDate } from '../../lib/dates';
import { kindText } from './kind';
import { useScopeUnits } from '../../lib/units';

type Row = Schemas['IntakeQueueItemView'];
/** Rows a page: the table stays short enough to read and to move through with the keyboard. */
export const QUEUE_PAGE = 50;

const columns: TableColumnsType<Row> = [
  {
    title: 'Tóm tắt',
    width: 280,
    render: (_, r) => (
      <Link
        to={`/tiep-nhan-truc-tuyen/${r.id}`}
        data-queue-link
        aria-label={`Kiểm tra đơn ${r.receiptCode}: ${r.summary}`}
      >
        {r.summary}
      </Link>
    ),
  },
  { title: 'Ngày nhận', width: 110, render: (_, r) => showDate(r.receivedOn) },
  {
    title: 'Đã chờ',
    width: 90,
    render: (_, r) => (r.daysSinceReceipt === 0 ? 'Hôm nay' : `${r.daysSinceReceipt} ngày`),
  },
  {
    title: 'Loại đơn',
    width: 170,
    render: (_, r) => (
      <>
        {kindText(r.classification, r.complaintTrack)}
        {r.flags.includes('possible_duplicate') && (
          <div>
            <Tag style={{ color: '#613400', background: '#fffbe6', borderColor: '#ffd666', marginTop: 4 }}>
              Có thể trùng
            </Tag>
          </div>
        )}
      </>
    ),
  },
  { title: 'Cơ quan, đơn vị nhận', width: 190, render: (_, r) => r.unitName },
  {
    title: 'Hạn xử lý đơn',
    width: 190,
    render: (_, r) => <DueTag due={r.processingDue} unitId={r.unitId} />,
  },
];

/** Up and down arrows move between the rows' links (Tab does too). */
function moveBetweenRows(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-queue-link]')];
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = event.key === 'ArrowDown' ? Math.min(at + 1, links.length - 1) : Math.max(at - 1, 0);
  event.preventDefault();
  links[at < 0 ? 0 : next].focus();
}

/**
 * Đơn gửi trực tuyến chờ kiểm tra (issue 21 point 5): what citizens filed on the public form and no
 * officer has checked yet, in the officer's units, oldest first (GET /letters/intake-queue): received
 * date, days waiting, kind, receiving unit, a summary without the writer, the processing deadline.
 * Opening a row checks it (IntakeCheckPage). Unit and page live in the address.
 */
export default function IntakeQueuePage() {
  const [params, setParams] = useSearchParams();
  const unitId = params.get('don-vi') ?? undefined;
  const page = Math.max(1, Number(params.get('trang') ?? '1') || 1);
  const units = useScopeUnits();
  const queue = useQuery({
    queryKey: ['intake-queue', 'list', unitId ?? null, page],
    placeholderData: keepPreviousData,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/letters/intake-queue', {
          params: { query: { unitId, page, pageSize: QUEUE_PAGE } },
        }),
      ),
  });
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v) next.set(k, v);
      else next.delete(k);
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageTitle
        extra={
          queue.data && (
            <span data-testid="queue-total" role="status">
              {queue.data.total} đơn chờ kiểm tra
            </span>
          )
        }
      >
        Đơn gửi trực tuyến chờ kiểm tra
      </PageTitle>
      <p style={{ marginTop: 0 }}>
        Đơn công dân gửi qua cổng trực tuyến, chưa kiểm tra điều kiện xử lý; đơn đến trước ở trên cùng. Hạn xử
        lý đơn tính từ ngày nhận như mọi đơn (10 ngày; đơn tố cáo 07 ngày làm việc, khoản 1 Điều 24 Luật Tố
        cáo). Tóm tắt đã ẩn thông tin người viết đơn.
      </p>
      {(units.data?.length ?? 0) > 1 && (
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginBottom: 12 }}>
          <label htmlFor="queue-unit">Cơ quan, đơn vị:</label>
          <Select
            id="queue-unit"
            allowClear
            placeholder="Mọi đơn vị"
            style={{ width: 300, maxWidth: '100%' }}
            value={unitId}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(v?: string) => set({ 'don-vi': v, trang: undefined })}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </div>
      )}
      <QueryState query={queue}>
        {(data) => (
          <div onKeyDown={moveBetweenRows}>
            <ScrollTable<Row>
              label="Đơn gửi trực tuyến chờ kiểm tra"
              minWidth={900}
              rowKey="id"
              size="small"
              dataSource={data.items}
              columns={columns}
              loading={queue.isFetching && queue.isPlaceholderData}
              locale={{ emptyText: 'Không có đơn nào chờ kiểm tra.' }}
              pagination={{
                current: data.page,
                pageSize: QUEUE_PAGE,
                total: data.total,
                showSizeChanger: false,
                hideOnSinglePage: true,
                onChange: (p) => set({ trang: p === 1 ? undefined : String(p) }),
              }}
            />
          </div>
        )}
      </QueryState>
    </>
  );
}
