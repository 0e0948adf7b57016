import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Radio, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { errorText, unwrap } from '../../api/errors';
import { showDate, weekday } from '../../lib/dates';
import {
  entryName,
  sourceLabel,
  splitEntryName,
  STATUS_LABELS,
  type DayStatus,
  type ListedDay,
} from './calendar-model';
import { ImpactPreview, useImpactPreview, type ChangeRequest } from './ImpactPreview';

type Mode = 'set' | 'remove';

/**
 * A day of the year view: what it is and where it comes from; set it (day off / make-up working day,
 * reason and legal basis) or remove this scope's entry. The dry run's count is shown before saving.
 */
export function DayDialog({
  scope,
  date,
  status,
  listed,
  unitNames,
  onClose,
  onSaved,
}: {
  scope: string;
  date: string;
  status: DayStatus;
  listed: ListedDay | null;
  unitNames: ReadonlyMap<string, string>;
  onClose: () => void;
  onSaved: (changeId: string | null) => void;
}) {
  const own = listed?.source === scope;
  const initial = own ? splitEntryName(listed.name) : { reason: '', legalBasis: '' };
  const [mode, setMode] = useState<Mode>('set');
  const [kind, setKind] = useState<'day_off' | 'make_up_working_day'>(
    own
      ? listed.kind
      : status === 'day_off' || status === 'holiday_on_rest_day'
        ? 'make_up_working_day'
        : 'day_off',
  );
  const [reason, setReason] = useState(initial.reason);
  const [legalBasis, setLegalBasis] = useState(initial.legalBasis);
  // The preview follows what is typed, a moment after typing stops.
  const current: ChangeRequest | null =
    mode === 'remove'
      ? { action: 'remove_entry', date }
      : reason.trim()
        ? { action: 'set_entry', date, kind, name: entryName(reason, legalBasis) }
        : null;
  const currentKey = JSON.stringify(current);
  const [change, setChange] = useState<ChangeRequest | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setChange(JSON.parse(currentKey) as ChangeRequest | null), 300);
    return () => clearTimeout(timer);
  }, [currentKey]);
  const preview = useImpactPreview(scope, change);
  // Saving waits for the preview of exactly what would be saved.
  const previewed = change !== null && JSON.stringify(change) === currentKey && preview.isSuccess;

  const save = useMutation({
    mutationFn: async (): Promise<string | null> => {
      if (mode === 'remove') {
        unwrap(
          await api.DELETE('/api/v1/calendars/{scope}/entries/{date}', { params: { path: { scope, date } } }),
        );
        return null;
      }
      const result = unwrap(
        await api.PUT('/api/v1/calendars/{scope}/entries/{date}', {
          params: { path: { scope, date } },
          body: { kind, name: entryName(reason, legalBasis) },
        }),
      );
      return result.changeId;
    },
    onSuccess: (changeId) => onSaved(changeId),
  });

  return (
    <Modal
      open
      title={`${weekday(date)}, ${showDate(date)}`}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>Đóng</Button>
          <Button
            type="primary"
            disabled={!previewed || !preview.data?.changed}
            loading={save.isPending}
            onClick={() => save.mutate()}
          >
            {mode === 'remove' ? 'Bỏ ngày này' : 'Lưu ngày này'}
          </Button>
        </Space>
      }
    >
      <p data-testid="day-now">
        Hiện tại: <strong>{STATUS_LABELS[status]}</strong>
        {listed && (
          <>
            {' '}
            — {listed.name} ({sourceLabel(listed.source, scope, unitNames)})
          </>
        )}
      </p>
      {own && (
        <Radio.Group
          value={mode}
          onChange={(e) => setMode(e.target.value as Mode)}
          style={{ marginBottom: 12 }}
          aria-label="Việc cần làm"
          options={[
            { value: 'set', label: 'Sửa ngày này' },
            { value: 'remove', label: 'Bỏ ngày này (theo lịch kế thừa)' },
          ]}
        />
      )}
      {mode === 'set' && (
        <Form layout="vertical" requiredMark="optional">
          <Form.Item label="Loại ngày" required>
            <Radio.Group
              value={kind}
              onChange={(e) => setKind(e.target.value as typeof kind)}
              options={[
                { value: 'day_off', label: 'Ngày nghỉ' },
                { value: 'make_up_working_day', label: 'Ngày làm việc (làm bù)' },
              ]}
            />
          </Form.Item>
          <Form.Item label="Lý do / tên ngày" htmlFor="cal-reason" required>
            <Input
              id="cal-reason"
              value={reason}
              maxLength={200}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
          <Form.Item label="Căn cứ pháp lý" htmlFor="cal-basis" extra="Ví dụ: Thông báo số 1234/TB-BNV">
            <Input
              id="cal-basis"
              value={legalBasis}
              maxLength={50}
              onChange={(e) => setLegalBasis(e.target.value)}
            />
          </Form.Item>
        </Form>
      )}
      <ImpactPreview change={change} preview={preview} />
      {save.isError && (
        <Alert type="error" showIcon role="alert" title={errorText(save.error)} style={{ marginTop: 12 }} />
      )}
    </Modal>
  );
}
