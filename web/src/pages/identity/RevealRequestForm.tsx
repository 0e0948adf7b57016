import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { api } from '../../api/client';
import { ApiError, errorText, formFieldErrors, unwrap } from '../../api/errors';

interface Values {
  reason: string;
  hours: number;
}

/** The longest access a request may ask for (src/identity/dto/reveal-request.dto.ts MAX_REVEAL_HOURS). */
const MAX_HOURS = 72;

/** "Yêu cầu xem danh tính": the reason and how long; a custodian of the unit decides. */
export function RevealRequestForm({
  letterId,
  message,
  onDone,
}: {
  letterId: string;
  /** The panel's: the confirmation outlives the form. */
  message: MessageInstance;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const send = useMutation({
    mutationFn: async (v: Values) =>
      unwrap(
        await api.POST('/api/v1/letters/{id}/reveal-requests', {
          params: { path: { id: letterId } },
          body: { reason: v.reason, hours: v.hours },
        }),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['reveal-requests'] });
      form.resetFields();
      message.success('Đã gửi yêu cầu. Người giữ danh tính của đơn vị sẽ xem xét.');
      onDone();
    },
    onError: (error) => {
      const fields = formFieldErrors(error);
      if (fields.length) form.setFields(fields as never);
      message.error(
        error instanceof ApiError && !fields.length
          ? `${errorText(error)} (${error.message})`
          : errorText(error),
      );
    },
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="reveal-request"
      aria-label="Yêu cầu xem danh tính"
      initialValues={{ hours: 24 }}
      onFinish={(v) => send.mutate(v)}
      style={{ maxWidth: 640 }}
    >
      <Form.Item
        label="Lý do cần xem danh tính"
        name="reason"
        rules={[
          { required: true, message: 'Nhập lý do' },
          { min: 10, message: 'Lý do cần ít nhất 10 ký tự' },
        ]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      <Form.Item
        label="Thời gian xin được xem (giờ)"
        name="hours"
        rules={[{ required: true, message: 'Nhập số giờ' }]}
        extra={`Từ 1 đến ${MAX_HOURS} giờ; hết thời gian, quyền xem tự chấm dứt.`}
      >
        <InputNumber min={1} max={MAX_HOURS} precision={0} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={send.isPending}>
        Gửi yêu cầu
      </Button>
    </Form>
  );
}
