import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, message as antMessage, Select } from 'antd';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { ApiError, errorText, formFieldErrors, unwrap } from '../../api/errors';
import { useCan } from '../../auth/me';
import { ConflictAlert } from '../../components/ConflictAlert';
import { showDate } from '../../lib/dates';
import { useScopeUnits } from '../../lib/units';
import { assignmentPreviewQuery, handlersQuery } from './case-query';
import { PURPOSE, type CaseKind } from './step-forms';

type AnyCase = Schemas['CaseView'] | Schemas['DenunciationCaseView'];

interface Values {
  unitId: string;
  handlerUserId?: string | null;
  reason: string;
}

/**
 * Reassignment (issue 17): to a handler of the unit or to another unit of the head's scope, with the
 * reason. Before saving, `POST …/assignment-preview` shows the running deadlines on the new unit's
 * calendar with the engine's explanation (the API computes them as the reassignment then writes them).
 */
function AssignmentForm({
  kind,
  c,
  reload,
}: {
  kind: CaseKind;
  c: AnyCase;
  reload: () => Promise<number | undefined>;
}) {
  const [form] = Form.useForm<Values>();
  const [conflict, setConflict] = useState(false);
  const [message, messages] = antMessage.useMessage();
  const client = useQueryClient();
  const units = useScopeUnits();
  const unitId = Form.useWatch('unitId', form) ?? c.unitId;
  const handlerUserId = Form.useWatch('handlerUserId', form);
  const base = kind === 'complaint' ? '/api/v1/complaint-cases/{id}' : '/api/v1/denunciation-cases/{id}';

  const handlers = useQuery(handlersQuery(unitId));
  const preview = useQuery(assignmentPreviewQuery(kind, c, unitId, handlerUserId ?? null));

  const save = useMutation({
    mutationFn: async (v: Values) =>
      unwrap(
        await api.PATCH(`${base}/assignment` as '/api/v1/complaint-cases/{id}/assignment', {
          params: { path: { id: c.id } },
          body: {
            unitId: v.unitId === c.unitId ? undefined : v.unitId,
            handlerUserId: v.handlerUserId === undefined ? undefined : v.handlerUserId || null,
            reason: v.reason,
            version: c.version,
          },
        }),
      ) as AnyCase,
    onSuccess: (fresh) => {
      client.setQueryData(['case', kind, c.id], fresh);
      setConflict(false);
      form.resetFields(['reason']);
      void client.invalidateQueries({ queryKey: ['work-items'] });
      message.success('Đã phân công lại hồ sơ.');
    },
    onError: (error) => {
      if (error instanceof ApiError && error.isConflict) return setConflict(true);
      const fields = formFieldErrors(error);
      if (fields.length) form.setFields(fields as never);
      message.error(error instanceof ApiError ? `${errorText(error)} (${error.message})` : errorText(error));
    },
  });

  const p = preview.data;
  const refused = (p?.problems.length ?? 0) > 0;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>Phân công</h2>} style={{ marginBottom: 16 }}>
      {messages}
      {conflict && (
        <ConflictAlert
          onReload={() =>
            void reload().then(() => {
              setConflict(false);
            })
          }
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        name="case-assignment"
        aria-label="Phân công lại hồ sơ"
        initialValues={{ unitId: c.unitId, handlerUserId: c.handlerUserId ?? undefined }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          label="Đơn vị giải quyết"
          name="unitId"
          rules={[{ required: true, message: 'Chọn đơn vị' }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.isLoading}
            onChange={() => form.setFieldValue('handlerUserId', undefined)}
            options={(units.data ?? []).map((u) => ({
              value: u.id,
              label: u.id === c.unitId ? `${u.name} (hiện tại)` : u.name,
            }))}
          />
        </Form.Item>
        <Form.Item label="Người xử lý" name="handlerUserId">
          <Select
            allowClear
            placeholder="Chưa giao (giao sau)"
            loading={handlers.isLoading}
            options={(handlers.data?.items ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
          />
        </Form.Item>
        <Form.Item
          label="Lý do phân công lại"
          name="reason"
          rules={[{ required: true, min: 3, message: 'Nhập lý do (ít nhất 3 ký tự)' }]}
        >
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
        <section aria-label="Xem trước thời hạn" data-testid="assignment-preview" aria-live="polite">
          {preview.isError && <Alert type="error" showIcon title={errorText(preview.error)} />}
          {p && refused && (
            <Alert
              type="error"
              showIcon
              data-testid="assignment-refused"
              title="Không thể phân công như vậy"
              description={p.problems
                .map((x) =>
                  x.field === 'handlerUserId'
                    ? 'Người này không thể được giao hồ sơ của đơn vị đã chọn.'
                    : x.message,
                )
                .join(' ')}
            />
          )}
          {p && !p.moves && (
            <p style={{ margin: '0 0 12px' }}>Hồ sơ ở lại đơn vị hiện tại: các thời hạn không thay đổi.</p>
          )}
          {p && p.moves && (
            <div style={{ marginBottom: 12 }}>
              <strong>Thời hạn sau khi chuyển (tính theo lịch làm việc của đơn vị mới):</strong>
              {p.deadlines.length === 0 && <p style={{ margin: 0 }}>Hồ sơ không có thời hạn đang chạy.</p>}
              <ul style={{ paddingLeft: 18, margin: '4px 0 0' }}>
                {p.deadlines.map((d) => (
                  <li key={d.id} data-testid={`preview-due-${d.purpose}`}>
                    {PURPOSE[d.purpose] ?? d.purpose} ({d.ruleId}): {showDate(d.currentDue)} →{' '}
                    <strong>{showDate(d.due)}</strong>
                    {d.due === d.currentDue ? ' (không đổi)' : ''}
                    <details>
                      <summary>Xem cách tính</summary>
                      <ul style={{ margin: 0, paddingLeft: 18 }}>
                        {d.explanation.map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ul>
                    </details>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={refused}>
          Lưu phân công
        </Button>
      </Form>
    </Card>
  );
}

/** Only for the head (cases:manage): the API refuses anyone else anyway. */
export function CaseAssignment(props: {
  kind: CaseKind;
  c: AnyCase;
  reload: () => Promise<number | undefined>;
}) {
  const can = useCan();
  return can('cases:manage') ? <AssignmentForm {...props} /> : null;
}
