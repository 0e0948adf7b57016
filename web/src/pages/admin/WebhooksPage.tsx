import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { ApiError, errorText, formFieldErrors, unwrap } from '../../api/errors';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { showDateTime } from '../../lib/dates';

type Endpoint = Schemas['WebhookEndpointView'];
type TestResult = Schemas['WebhookTestView'];

/** The notification kinds another system may receive (the `kind` of src/**\/notify calls). */
export const WEBHOOK_EVENT_TEXT: Record<string, string> = {
  escalation: 'Cảnh báo quá hạn (leo thang)',
  enforcement_review: 'Đến kỳ rà soát thi hành quyết định',
  reporting_deadline: 'Hạn báo cáo định kỳ',
  national_sync_overdue: 'Cơ sở dữ liệu quốc gia chưa xác nhận',
};

const h2 = { fontSize: 16, margin: 0 };

/**
 * Other systems that receive signed event calls (docs/notifications.md): register one (its signing secret
 * shown this once), pause or resume it, send it a test call and see the body, timestamp and signature sent
 * and what it answered. Administrators only (`webhooks:manage`).
 */
export default function WebhooksPage() {
  const client = useQueryClient();
  const key = ['webhook-endpoints'];
  const endpoints = useQuery({
    queryKey: key,
    queryFn: async () => unwrap(await api.GET('/api/v1/webhook-endpoints')),
  });
  const [created, setCreated] = useState<Schemas['CreatedWebhookEndpointView'] | null>(null);
  const [tests, setTests] = useState<Record<string, TestResult | string>>({});
  const toggle = useMutation({
    mutationFn: async (e: Endpoint) =>
      unwrap(
        await api.PATCH('/api/v1/webhook-endpoints/{id}', {
          params: { path: { id: e.id } },
          body: { active: !e.active },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
  const test = useMutation({
    mutationFn: async (e: Endpoint) =>
      unwrap(await api.POST('/api/v1/webhook-endpoints/{id}/test', { params: { path: { id: e.id } } })),
    onSuccess: (result, e) => setTests((t) => ({ ...t, [e.id]: result })),
    onError: (error, e) => setTests((t) => ({ ...t, [e.id]: errorText(error) })),
  });
  return (
    <>
      <PageTitle>Hệ thống nhận sự kiện (webhook)</PageTitle>
      <Card title={<h2 style={h2}>Các địa chỉ đã đăng ký</h2>} style={{ marginBottom: 16 }}>
        <QueryState query={endpoints}>
          {(rows) =>
            rows.length === 0 ? (
              <p>Chưa có hệ thống nào đăng ký.</p>
            ) : (
              <ScrollTable<Endpoint>
                label="Các địa chỉ nhận sự kiện"
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={rows}
                columns={[
                  { title: 'Địa chỉ', render: (_, e) => <span data-testid="endpoint-url">{e.url}</span> },
                  {
                    title: 'Sự kiện',
                    render: (_, e) => e.events.map((k) => WEBHOOK_EVENT_TEXT[k] ?? k).join('; '),
                  },
                  { title: 'Đăng ký lúc', render: (_, e) => showDateTime(e.createdAt) },
                  {
                    title: 'Đang nhận',
                    render: (_, e) => (
                      <Switch
                        checked={e.active}
                        aria-label={`${e.active ? 'Tạm dừng' : 'Tiếp tục'} gửi tới ${e.url}`}
                        loading={toggle.isPending && toggle.variables?.id === e.id}
                        onChange={() => toggle.mutate(e)}
                      />
                    ),
                  },
                  {
                    title: 'Thử',
                    render: (_, e) => (
                      <Button
                        size="small"
                        loading={test.isPending && test.variables?.id === e.id}
                        onClick={() => test.mutate(e)}
                        aria-label={`Gửi thử tới ${e.url}`}
                      >
                        Gửi thử
                      </Button>
                    ),
                  },
                ]}
              />
            )
          }
        </QueryState>
        {Object.entries(tests).map(([id, result]) => (
          <TestOutcome key={id} url={endpoints.data?.find((e) => e.id === id)?.url ?? ''} result={result} />
        ))}
      </Card>
      <Register
        onCreated={(c) => {
          setCreated(c);
          void client.invalidateQueries({ queryKey: key });
        }}
      />
      {created && (
        <Alert
          type="warning"
          showIcon
          role="status"
          data-testid="secret-once"
          style={{ marginBottom: 16 }}
          title="Khóa ký (chỉ hiển thị một lần): giao cho hệ thống nhận để kiểm tra chữ ký"
          description={
            <Typography.Paragraph copyable={{ text: created.secret }} style={{ margin: 0 }}>
              <code>{created.secret}</code>
            </Typography.Paragraph>
          }
          closable={{ 'aria-label': 'Đóng' }}
          onClose={() => setCreated(null)}
        />
      )}
    </>
  );
}

function TestOutcome({ url, result }: { url: string; result: TestResult | string }) {
  if (typeof result === 'string')
    return <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={result} />;
  return (
    <div data-testid="test-result" style={{ marginTop: 12 }}>
      <Alert
        type={result.acknowledged ? 'success' : 'error'}
        showIcon
        role="status"
        title={
          result.acknowledged
            ? `Gửi thử tới ${url}: hệ thống nhận đã xác nhận (mã ${result.status}, ${result.durationMs} ms).`
            : result.status === null
              ? `Gửi thử tới ${url}: không kết nối được.`
              : `Gửi thử tới ${url}: hệ thống nhận trả lời mã ${result.status} (chưa xác nhận).`
        }
      />
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 8 }}
        items={[
          { key: 'delivery', label: 'X-Tiepdan-Delivery', children: <code>{result.deliveryId}</code> },
          { key: 'timestamp', label: 'X-Tiepdan-Timestamp', children: <code>{result.timestamp}</code> },
          {
            key: 'signature',
            label: 'X-Tiepdan-Signature',
            children: (
              <code data-testid="test-signature" style={{ wordBreak: 'break-all' }}>
                {result.signature}
              </code>
            ),
          },
          {
            key: 'body',
            label: 'Nội dung gửi',
            children: (
              <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0 }}>{result.body}</pre>
            ),
          },
        ]}
      />
      <p style={{ marginTop: 8 }}>
        Chữ ký = “v1=” + HMAC-SHA256 (khóa ký) của “&lt;X-Tiepdan-Timestamp&gt;.&lt;nội dung gửi&gt;”.
      </p>
    </div>
  );
}

interface RegisterValues {
  url: string;
  events: string[];
}

function Register({ onCreated }: { onCreated: (c: Schemas['CreatedWebhookEndpointView']) => void }) {
  const [form] = Form.useForm<RegisterValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async (v: RegisterValues) =>
      unwrap(await api.POST('/api/v1/webhook-endpoints', { body: { url: v.url.trim(), events: v.events } })),
    onSuccess: (c) => {
      setProblem(null);
      form.resetFields();
      onCreated(c);
    },
    onError: (error) => {
      const fields = formFieldErrors(error);
      if (fields.length) form.setFields(fields as never);
      else
        setProblem(error instanceof ApiError ? `${errorText(error)} (${error.message})` : errorText(error));
    },
  });
  return (
    <Card title={<h2 style={h2}>Đăng ký hệ thống nhận</h2>} style={{ marginBottom: 16 }}>
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        aria-label="Đăng ký hệ thống nhận"
        onFinish={(v) => save.mutate(v)}
        style={{ maxWidth: 640 }}
      >
        <Form.Item
          label="Địa chỉ nhận (https://…)"
          name="url"
          rules={[{ required: true, message: 'Nhập địa chỉ' }]}
        >
          <Input maxLength={500} inputMode="url" />
        </Form.Item>
        <Form.Item label="Sự kiện nhận" name="events" rules={[{ required: true, message: 'Chọn sự kiện' }]}>
          <Select
            mode="multiple"
            options={Object.entries(WEBHOOK_EVENT_TEXT).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        {problem && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={problem} />}
        <Space>
          <Button htmlType="submit" type="primary" loading={save.isPending}>
            Đăng ký
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
