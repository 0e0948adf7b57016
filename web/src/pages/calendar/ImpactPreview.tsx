import { useQuery } from '@tanstack/react-query';
import { Alert, List } from 'antd';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { ApiError, errorText, unwrap } from '../../api/errors';
import { Loading } from '../../components/Loading';
import { showDate } from '../../lib/dates';
import { COLUMN_LABELS, importMessage, importProblem, subjectPath } from './calendar-model';

export type ChangeRequest = Schemas['CalendarChangePreviewDto'];
type Moved = Schemas['MovedDeadlineView'];

/** One moved deadline: the case (a number, never a person), its unit, old → new due date. */
export function MovedItem({ m }: { m: Moved }) {
  const path = subjectPath(m.subjectType, m.subjectId);
  const what = m.what || m.subjectId;
  return (
    <List.Item>
      <span>
        {path ? <Link to={path}>{what}</Link> : what} · {m.unitName} · {m.ruleId}: hạn{' '}
        <del>{showDate(m.previousDue)}</del> → <strong>{showDate(m.newDue)}</strong>
      </span>
    </List.Item>
  );
}

/** The import's row-by-row problems (400 CALENDAR_IMPORT_INVALID), each row named. */
export function ImportProblems({ error }: { error: ApiError }) {
  const rows = error.details
    .map((d) => ({ where: importProblem(d.field), message: d.message }))
    .filter((d) => d.where !== null);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="import-problems"
      title="Tệp có lỗi nên không nhập gì cả. Sửa các dòng dưới đây rồi chọn lại tệp."
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {rows.map((r, i) => (
            <li key={i}>
              Dòng {r.where!.row}, cột {COLUMN_LABELS[r.where!.column] ?? r.where!.column}:{' '}
              {importMessage(r.message)}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** The dry run of a change (POST …/changes/preview): what it would do, computed by the API. */
export function useImpactPreview(scope: string, change: ChangeRequest | null) {
  return useQuery({
    queryKey: ['calendar-preview', scope, change],
    enabled: change !== null,
    retry: false,
    staleTime: 0,
    gcTime: 0,
    queryFn: async () =>
      unwrap(
        await api.POST('/api/v1/calendars/{scope}/changes/preview', {
          params: { path: { scope } },
          body: change!,
        }),
      ),
  });
}

/** How many open deadlines a change would move, and which, shown before it is saved. */
export function ImpactPreview({
  change,
  preview,
}: {
  change: ChangeRequest | null;
  preview: ReturnType<typeof useImpactPreview>;
}) {
  if (change === null) return null;
  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    const error = preview.error;
    if (error instanceof ApiError && error.code === 'CALENDAR_IMPORT_INVALID')
      return <ImportProblems error={error} />;
    return <Alert type="error" showIcon role="alert" title={errorText(error)} />;
  }
  const p = preview.data;
  return (
    <div data-testid="impact-preview" role="status" style={{ marginTop: 12 }}>
      <Alert
        type={p.movedCount > 0 ? 'warning' : 'info'}
        showIcon
        title={
          !p.changed
            ? 'Lịch đã đúng như vậy: lưu sẽ không thay đổi gì.'
            : p.movedCount === 0
              ? 'Thay đổi này không dời thời hạn nào đang mở.'
              : `Thay đổi này sẽ dời ${p.movedCount} thời hạn đang mở.`
        }
        description={
          p.firstAffectedDate
            ? `Các thời hạn kết thúc trước ${showDate(p.firstAffectedDate)} không bị ảnh hưởng.`
            : undefined
        }
      />
      {p.moved.length > 0 && (
        <List
          size="small"
          aria-label="Các thời hạn sẽ bị dời"
          dataSource={p.moved}
          renderItem={(m) => <MovedItem m={m} />}
        />
      )}
    </div>
  );
}
