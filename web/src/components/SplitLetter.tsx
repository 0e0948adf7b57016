import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  message as antMessage,
  Row,
  Select,
  Space,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ApiError, errorText, formFieldErrors, unwrap } from '../api/errors';
import { ELIGIBILITY } from '../lib/labels';
import { ConflictAlert } from './ConflictAlert';

type PartBody = Schemas['SplitLetterDto']['parts'][number];
type Check = PartBody['eligibility'][number]['check'];
const CHECKS: Check[] = [
  'language',
  'dated',
  'identified_and_signed',
  'content_complete',
  'lawful_content',
  'legible',
];
const KINDS = [
  { value: 'complaint', label: 'Khiếu nại' },
  { value: 'denunciation', label: 'Tố cáo' },
  { value: 'petition', label: 'Kiến nghị, phản ánh' },
];

/** A part as the form holds it once validated (every field is required there). */
interface Part {
  classification: PartBody['classification'];
  complaintTrack?: PartBody['complaintTrack'];
  subject: string;
  content: string;
  passed?: Check[];
}

/**
 * Tách đơn: a mixed letter becomes one letter per kind of content (LTCD art. 25(3); NĐ 154/2026/NĐ-CP
 * art. 14(4)); each part gets its own receipt code and secret, shown once.
 */
export function SplitLetter({
  onShown,
  letter,
  onReload,
}: {
  letter: Schemas['LetterView'];
  onReload: () => Promise<number | undefined>;
  onShown: () => void;
}) {
  useEffect(() => onShown(), [onShown]);
  const [form] = Form.useForm<{ parts: Part[] }>();
  const [message, messages] = antMessage.useMessage();
  const client = useQueryClient();
  const [version, setVersion] = useState(letter.version);
  const [conflict, setConflict] = useState(false);
  const [created, setCreated] = useState<Schemas['CreatedLetterView'][] | null>(null);
  const split = useMutation({
    mutationFn: async (parts: Part[]) => {
      const body = {
        version,
        parts: parts.map((p) => ({
          classification: p.classification,
          complaintTrack: p.classification === 'complaint' ? p.complaintTrack : undefined,
          subject: p.subject,
          content: p.content,
          eligibility: CHECKS.map((check) => ({ check, passed: (p.passed ?? []).includes(check) })),
        })),
      } satisfies Schemas['SplitLetterDto'];
      return unwrap(
        await api.POST('/api/v1/letters/{id}/split', { params: { path: { id: letter.id } }, body }),
      ) as Schemas['CreatedLetterView'][];
    },
    onSuccess: (parts) => {
      setCreated(parts);
      // The lists change; this letter's page keeps showing the parts (their secrets are shown once).
      void client.invalidateQueries({ queryKey: ['letters'], predicate: (q) => q.queryKey[1] !== letter.id });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.isConflict) return setConflict(true);
      const fields = formFieldErrors(error);
      if (fields.length) form.setFields(fields as never);
      message.error(errorText(error));
    },
  });

  if (created)
    return (
      <Card title={<h2 style={h2}>Đã tách đơn</h2>} style={{ marginBottom: 16 }} data-testid="split-result">
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="Mã bí mật của từng đơn chỉ hiện một lần: ghi lại hoặc báo cho công dân ngay."
        />
        <ul>
          {created.map((p) => (
            <li key={p.id}>
              <Link to={`/don/${p.id}`} style={{ textDecoration: 'underline' }}>
                {p.subject}
              </Link>{' '}
              — mã tra cứu <strong>{p.receiptCode}</strong>, mã bí mật <strong>{p.receiptSecret}</strong>
            </li>
          ))}
        </ul>
      </Card>
    );

  return (
    <Card title={<h2 style={h2}>Tách đơn có nhiều nội dung</h2>} style={{ marginBottom: 16 }}>
      {messages}
      <p>
        Mỗi nội dung (khiếu nại, tố cáo, kiến nghị, phản ánh) thành một đơn riêng (khoản 3 Điều 25 Luật Tiếp
        công dân).
      </p>
      {conflict && (
        <ConflictAlert
          onReload={() =>
            void onReload().then((fresh) => {
              if (fresh) setVersion(fresh);
              setConflict(false);
            })
          }
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => split.mutate(v.parts)}
        initialValues={{
          parts: [
            { classification: 'complaint', complaintTrack: 'first_time', passed: CHECKS },
            { classification: 'denunciation', passed: CHECKS },
          ],
        }}
      >
        <Form.List name="parts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <fieldset
                  key={field.key}
                  style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, marginBottom: 12 }}
                >
                  <legend
                    style={{
                      fontSize: 14,
                      fontWeight: 600,
                      padding: '0 6px',
                      width: 'auto',
                      border: 0,
                      margin: 0,
                    }}
                  >
                    Đơn {index + 1}
                  </legend>
                  <Row gutter={12}>
                    <Col xs={24} md={8}>
                      <Form.Item
                        label="Phân loại"
                        name={[field.name, 'classification']}
                        rules={[{ required: true, message: 'Chọn phân loại' }]}
                      >
                        <Select aria-label={`Phân loại đơn ${index + 1}`} options={KINDS} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item noStyle shouldUpdate>
                        {() =>
                          form.getFieldValue(['parts', field.name, 'classification']) === 'complaint' ? (
                            <Form.Item
                              label="Loại khiếu nại"
                              name={[field.name, 'complaintTrack']}
                              rules={[{ required: true, message: 'Chọn loại khiếu nại' }]}
                            >
                              <Select
                                aria-label={`Loại khiếu nại đơn ${index + 1}`}
                                options={[
                                  { value: 'first_time', label: 'Khiếu nại lần đầu' },
                                  { value: 'second_time', label: 'Khiếu nại lần hai' },
                                ]}
                              />
                            </Form.Item>
                          ) : null
                        }
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8} style={{ textAlign: 'right' }}>
                      {fields.length > 2 && (
                        <Button type="link" danger onClick={() => remove(field.name)}>
                          Bỏ đơn {index + 1}
                        </Button>
                      )}
                    </Col>
                  </Row>
                  <Form.Item
                    label={`Trích yếu đơn ${index + 1}`}
                    name={[field.name, 'subject']}
                    rules={[{ required: true, message: 'Nhập trích yếu' }]}
                  >
                    <Input />
                  </Form.Item>
                  <Form.Item
                    label={`Nội dung đơn ${index + 1}`}
                    name={[field.name, 'content']}
                    rules={[{ required: true, message: 'Nhập nội dung' }]}
                  >
                    <Input.TextArea rows={3} />
                  </Form.Item>
                  <Form.Item
                    label="Điều kiện xử lý (đánh dấu những điều kiện đạt)"
                    name={[field.name, 'passed']}
                  >
                    <Checkbox.Group>
                      <Space direction="vertical">
                        {CHECKS.map((check) => (
                          <Checkbox key={check} value={check}>
                            {ELIGIBILITY[check]}
                          </Checkbox>
                        ))}
                      </Space>
                    </Checkbox.Group>
                  </Form.Item>
                </fieldset>
              ))}
              {fields.length < 10 && (
                <Button
                  onClick={() => add({ classification: 'petition', passed: CHECKS })}
                  style={{ marginBottom: 12 }}
                >
                  Thêm một đơn
                </Button>
              )}
            </>
          )}
        </Form.List>
        <div>
          <Button type="primary" htmlType="submit" loading={split.isPending}>
            Tách đơn
          </Button>
        </div>
      </Form>
    </Card>
  );
}

const h2 = { fontSize: 16, margin: 0 } as const;
