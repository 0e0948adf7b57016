import { useQuery } from '@tanstack/react-query';
import { Form, Input, Radio, Select } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { DueTag } from '../../components/DueTag';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { showDate } from '../../lib/dates';
import { useScopeUnits } from '../../lib/units';
import { CASE_STATE, CASE_TRACK, STATES_OF, TRACKS_OF, WORK_KIND, workItemPath } from './case-labels';

const KIND_PARAM: Record<string, 'letter' | 'complaint' | 'denunciation' | 'obligation'> = {
  don: 'letter',
  'khieu-nai': 'complaint',
  'to-cao': 'denunciation',
  'thi-hanh': 'obligation',
};
const KIND_SLUG = Object.fromEntries(Object.entries(KIND_PARAM).map(([slug, kind]) => [kind, slug]));

/**
 * "Việc của tôi" and "Việc của đơn vị" (issue 17): letters awaiting a decision, open cases and
 * unfinished obligations in one list, nearest statutory due date first; filters live in the address.
 */
export default function WorkListPage({ scope }: { scope: 'mine' | 'unit' }) {
  const [params, setParams] = useSearchParams();
  const kind = KIND_PARAM[params.get('loai') ?? ''];
  const due = params.get('han') ?? undefined; // 'tuan-nay' | 'qua-han'
  const state = params.get('trang-thai') ?? undefined;
  const track = params.get('dien') ?? undefined;
  const unitId = params.get('don-vi') ?? undefined;
  const q = params.get('q') ?? undefined;
  const page = Number(params.get('trang') ?? '1');
  const units = useScopeUnits();
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v) next.set(k, v);
      else next.delete(k);
    if (!('trang' in patch)) next.delete('trang');
    setParams(next, { replace: true });
  };
  const title = scope === 'mine' ? 'Việc của tôi' : 'Việc của đơn vị';
  const work = useQuery({
    queryKey: ['work-items', { scope, kind, due, state, track, unitId, q, page }],
    placeholderData: (previous) => previous,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/work-items', {
          params: {
            query: {
              scope,
              kind,
              due: due === 'qua-han' ? 'overdue' : due === 'tuan-nay' ? 'this_week' : undefined,
              state,
              track,
              unitId,
              q: q && q.trim().length >= 2 ? q.trim() : undefined,
              page,
              pageSize: 50,
            },
          },
        }),
      ),
  });
  const counts = work.data?.counts;
  const count = (n: number | undefined) => (n === undefined ? '' : ` (${n})`);

  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Form layout="vertical" aria-label={`Lọc ${title.toLowerCase()}`} style={{ marginBottom: 8 }}>
        <Form.Item label="Loại việc" style={{ marginBottom: 8 }}>
          <Radio.Group
            optionType="button"
            value={kind ? KIND_SLUG[kind] : ''}
            onChange={(e) =>
              set({ loai: e.target.value || undefined, 'trang-thai': undefined, dien: undefined })
            }
            options={[
              { value: '', label: `Tất cả${count(counts?.all)}` },
              ...Object.entries(KIND_PARAM).map(([slug, k]) => ({
                value: slug,
                label: `${WORK_KIND[k]}${count(counts?.byKind[k])}`,
              })),
            ]}
          />
        </Form.Item>
        <Form.Item label="Hạn" style={{ marginBottom: 8 }}>
          <Radio.Group
            optionType="button"
            value={due ?? ''}
            onChange={(e) => set({ han: e.target.value || undefined })}
            options={[
              { value: '', label: 'Mọi hạn' },
              { value: 'tuan-nay', label: `Đến hạn trong tuần${count(counts?.dueThisWeek)}` },
              { value: 'qua-han', label: `Quá hạn${count(counts?.overdue)}` },
            ]}
          />
        </Form.Item>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
          <Form.Item label="Tìm" htmlFor="work-search" style={{ marginBottom: 8 }}>
            <Input.Search
              id="work-search"
              allowClear
              defaultValue={q}
              placeholder="Số hồ sơ, trích yếu (gõ có dấu hoặc không)"
              style={{ minWidth: 260 }}
              onSearch={(value) => set({ q: value || undefined })}
            />
          </Form.Item>
          {kind && STATES_OF[kind].length > 1 && (
            <Form.Item label="Trạng thái" style={{ marginBottom: 8 }}>
              <Select
                aria-label="Trạng thái"
                allowClear
                placeholder="Tất cả"
                style={{ minWidth: 200 }}
                value={state}
                onChange={(v) => set({ 'trang-thai': v })}
                options={STATES_OF[kind].map((value) => ({ value, label: CASE_STATE[value] ?? value }))}
              />
            </Form.Item>
          )}
          {kind && TRACKS_OF[kind] && (
            <Form.Item label={kind === 'letter' ? 'Phân loại' : 'Diện'} style={{ marginBottom: 8 }}>
              <Select
                aria-label={kind === 'letter' ? 'Phân loại' : 'Diện'}
                allowClear
                placeholder="Tất cả"
                style={{ minWidth: 220 }}
                value={track}
                onChange={(v) => set({ dien: v })}
                options={TRACKS_OF[kind].map((value) => ({ value, label: CASE_TRACK[value] ?? value }))}
              />
            </Form.Item>
          )}
          {(units.data?.length ?? 0) > 1 && (
            <Form.Item label="Đơn vị" style={{ marginBottom: 8 }}>
              <Select
                aria-label="Đơn vị"
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder="Mọi đơn vị"
                style={{ minWidth: 220 }}
                value={unitId}
                onChange={(v) => set({ 'don-vi': v })}
                options={units.data?.map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
          )}
        </div>
      </Form>
      <QueryState query={work}>
        {(data) => (
          <ScrollTable
            label={title}
            rowKey={(i) => `${i.kind}:${i.id}`}
            size="small"
            dataSource={data.items}
            locale={{ emptyText: 'Không có việc nào khớp bộ lọc.' }}
            pagination={{
              current: page,
              pageSize: 50,
              total: data.total,
              showSizeChanger: false,
              onChange: (p) => set({ trang: String(p) }),
            }}
            columns={[
              { title: 'Loại', render: (_, i) => WORK_KIND[i.kind] },
              { title: 'Số', render: (_, i) => i.ref || '—' },
              {
                title: 'Trích yếu',
                render: (_, i) => (
                  <Link to={workItemPath(i)} data-testid={`work-${i.id}`}>
                    {i.title}
                  </Link>
                ),
              },
              {
                title: 'Diện / trạng thái',
                render: (_, i) => (
                  <>
                    {i.track && <div>{CASE_TRACK[i.track] ?? i.track}</div>}
                    <div>{CASE_STATE[i.state] ?? i.state}</div>
                  </>
                ),
              },
              { title: 'Đơn vị', dataIndex: 'unitName' },
              { title: 'Ngày nhận', render: (_, i) => showDate(i.since) },
              {
                title: 'Hạn luật định gần nhất',
                render: (_, i) =>
                  i.nextDue ? <DueTag due={i.nextDue} unitId={i.unitId} /> : <span>Không có hạn</span>,
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
