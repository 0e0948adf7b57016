import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { signIn } from '../api/client';
import { fieldMessage } from '../api/errors';

interface Values {
  email: string;
  password: string;
}

/** E-mail and password; the refresh token comes back as an HttpOnly cookie (src/auth/refresh-cookie.ts). */
export function SignInForm({ onSignedIn, email }: { onSignedIn: () => void; email?: string }) {
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: Values) {
    setBusy(true);
    setProblem(null);
    try {
      const res = await signIn(values.email, values.password);
      if (res.ok) return onSignedIn();
      const body = (await res.json().catch(() => ({}))) as {
        code?: string;
        details?: { field: string; message: string }[];
      };
      if (res.status === 400 && body.details?.length) {
        form.setFields(
          body.details.map((d) => ({ name: d.field, errors: [fieldMessage(d.message)] })) as never,
        );
      } else if (body.code === 'AUTH_TOO_MANY_ATTEMPTS' || res.status === 429) {
        setProblem('Sai mật khẩu quá nhiều lần. Hãy thử lại sau ít phút.');
      } else if (res.status === 401) {
        setProblem('Thư điện tử hoặc mật khẩu không đúng.');
      } else {
        setProblem('Không đăng nhập được lúc này. Hãy thử lại.');
      }
    } catch {
      setProblem('Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ email }} requiredMark={false}>
      {problem && <Alert type="error" title={problem} showIcon style={{ marginBottom: 16 }} role="alert" />}
      <Form.Item
        label="Thư điện tử"
        name="email"
        rules={[{ required: true, message: 'Nhập địa chỉ thư điện tử' }]}
      >
        <Input autoComplete="username" autoFocus={!email} />
      </Form.Item>
      <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Nhập mật khẩu' }]}>
        <Input.Password autoComplete="current-password" autoFocus={!!email} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block>
        Đăng nhập
      </Button>
    </Form>
  );
}
