import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { ApiError, errorText, formFieldErrors, unwrap } from '../../api/errors';
import { ConflictAlert } from '../../components/ConflictAlert';
import { todayInVietnam } from '../../lib/dates';
import { OUTCOME, STEP, type CaseKind, type StepForm } from './step-forms';

interface StepValues {
  date: Dayjs;
  documentRef?: string;
  legalBasis: string;
  note?: string;
  outcome?: 'right' | 'partly_right' | 'wrong';
  signsOfViolation?: boolean;
  dialogueOn?: Dayjs;
}

/**
 * One next step's form on a case's page, with exactly its fields (step-forms.ts). Its own chunk: the
 * date picker and the select load when a step is about to be chosen, not with the page (the case page's
 * figure, docs/console.md). A stale version shows the 409 and keeps what was typed.
 */
export default function CaseStepForm({
  kind,
  caseId,
  event,
  shape,
  version,
  setVersion,
  reload,
  message,
  onSaved,
}: {
  kind: CaseKind;
  caseId: string;
  event: string;
  shape: StepForm;
  version: number;
  setVersion: (version: number) => void;
  reload: () => Promise<number | undefined>;
  message: MessageInstance;
  onSaved: () => void;
}) {
  const [conflict, setConflict] = useState(false);
  const [form] = Form.useForm<StepValues>();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: async (v: StepValues) => {
      const body = {
        event,
        date: v.date.format('YYYY-MM-DD'),
        documentRef: v.documentRef || undefined,
        legalBasis: v.legalBasis,
        note: v.note || undefined,
        outcome: shape.outcome ? v.outcome : undefined,
        signsOfViolation: shape.signsOfViolation ? !!v.signsOfViolation : undefined,
        dialogueOn: shape.dialogueDay && v.dialogueOn ? v.dialogueOn.format('YYYY-MM-DD') : undefined,
        version,
      };
      return kind === 'complaint'
        ? unwrap(
            await api.POST('/api/v1/complaint-cases/{id}/transitions', {
              params: { path: { id: caseId } },
              body: body as Schemas['TransitionDto'],
            }),
          )
        : unwrap(
            await api.POST('/api/v1/denunciation-cases/{id}/transitions', {
              params: { path: { id: caseId } },
              body: body as Schemas['DenunciationTransitionDto'],
            }),
          );
    },
    onSuccess: (fresh) => {
      client.setQueryData(['case', kind, caseId], fresh);
      setVersion(fresh.version);
      onSaved();
      void client.invalidateQueries({ queryKey: ['work-items'] });
      void message.success('Đã ghi bước xử lý.');
    },
    onError: (error) => {
      if (error instanceof ApiError && error.isConflict) return setConflict(true);
      const fields = formFieldErrors(error);
      if (fields.length) form.setFields(fields as never);
      void message.error(
        error instanceof ApiError && !fields.length
          ? `${errorText(error)} (${error.message})`
          : errorText(error),
      );
    },
  });

  return (
    <>
      {conflict && (
        <ConflictAlert
          onReload={() =>
            void reload().then((fresh) => {
              if (fresh) setVersion(fresh);
              setConflict(false);
            })
          }
        />
      )}
      <Form<StepValues>
        form={form}
        layout="vertical"
        name="case-step"
        aria-label={STEP[event] ?? event}
        initialValues={{ date: dayjs(todayInVietnam()), dialogueOn: dayjs(todayInVietnam()) }}
        onFinish={(v) => save.mutate(v)}
      >
        <h3 style={{ fontSize: 15 }}>{STEP[event] ?? event}</h3>
        <Form.Item label="Ngày" name="date" rules={[{ required: true, message: 'Chọn ngày' }]}>
          <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.format('YYYY-MM-DD') > todayInVietnam()} />
        </Form.Item>
        {shape.document && (
          <Form.Item
            label="Số văn bản"
            name="documentRef"
            rules={[{ required: true, message: 'Nhập số văn bản' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        )}
        {shape.dialogueDay && (
          <Form.Item
            label="Ngày đối thoại"
            name="dialogueOn"
            extra="Có thể là ngày sắp tới; giấy mời phải gửi chậm nhất 05 ngày trước ngày đối thoại (Nghị định 124/2020, Điều 28)."
            rules={[{ required: true, message: 'Chọn ngày đối thoại' }]}
          >
            <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.format('YYYY-MM-DD') < todayInVietnam()} />
          </Form.Item>
        )}
        {shape.outcome && (
          <Form.Item
            label="Kết luận nội dung"
            name="outcome"
            rules={[{ required: true, message: 'Chọn kết luận' }]}
          >
            <Select options={Object.entries(OUTCOME).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        )}
        {shape.signsOfViolation && (
          <Form.Item name="signsOfViolation" valuePropName="checked">
            <Checkbox>Có dấu hiệu vi phạm pháp luật: tiếp tục giải quyết</Checkbox>
          </Form.Item>
        )}
        <Form.Item
          label="Căn cứ pháp lý"
          name="legalBasis"
          rules={[{ required: true, min: 3, message: 'Nhập căn cứ pháp lý' }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        {shape.note && (
          <Form.Item label="Lý do" name="note" rules={[{ required: true, message: 'Nhập lý do' }]}>
            <Input.TextArea maxLength={2000} rows={3} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          Ghi bước “{STEP[event] ?? event}”
        </Button>
      </Form>
    </>
  );
}
