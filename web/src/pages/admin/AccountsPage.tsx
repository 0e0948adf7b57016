import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Collapse,
  Form,
  Input,
  message,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Switch,
  Tag,
} from 'antd';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { ApiError, errorText, formFieldErrors, unwrap } from '../../api/errors';
import { ConflictAlert } from '../../components/ConflictAlert';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { showDateTime } from '../../lib/dates';
import { useSearchState } from '../oversight/useSearchState';
import { passwordProblemText, PERMISSION_TEXT, ROLE_TEXT } from './labels';
import { PasswordField } from './PasswordField';
import { GREEN, ORANGE } from './tags';
import { useAllUnits } from './queries';

type User = Schemas['UserView'];
type Role = User['roles'][number];
type Notify = ReturnType<typeof message.useMessage>[0];
const h2 = { fontSize: 18, margin: 0 } as const;

function useRoles() {
  return useQuery({
    queryKey: ['admin', 'roles'],
    staleTime: Infinity,
    queryFn: async () => unwrap(await api.GET('/api/v1/users/roles')),
  });
}

/** The API's password problems beside the password field, in Vietnamese. */
function passwordFieldErrors(error: unknown, field: string) {
  if (!(error instanceof ApiError) || error.code !== 'AUTH_PASSWORD_TOO_WEAK') return [];
  return [{ name: field, errors: error.details.map((d) => passwordProblemText(d.message)) }];
}

/** Tài khoản và vai trò: list with search, create, edit, reset a password, end sign-ins; roles explained. */
export default function AccountsPage() {
  const { get, set } = useSearchState();
  const q = get('q');
  const unitId = get('don-vi');
  const page = Number(get('trang') ?? '1');
  const selected = get('id');
  const units = useAllUnits();
  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.name ?? '…';
  const [notify, holder] = message.useMessage();
  const [creating, setCreating] = useState(false);
  const [typed, setTyped] = useState(q ?? '');
  const users = useQuery({
    queryKey: ['admin', 'users', { q, unitId, page }],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/users', { params: { query: { q, unitId, page, pageSize: 50 } } })),
  });
  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            Thêm tài khoản
          </Button>
        }
      >
        Tài khoản và vai trò
      </PageTitle>
      {holder}
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} aria-label="Lọc tài khoản">
        <Form.Item label="Tìm">
          <Input.Search
            aria-label="Tìm theo họ tên hoặc thư điện tử"
            placeholder="Họ tên hoặc thư điện tử"
            allowClear
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined, trang: undefined })}
            style={{ width: 280 }}
          />
        </Form.Item>
        <Form.Item label="Đơn vị">
          <Select
            aria-label="Đơn vị"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="Mọi đơn vị"
            style={{ minWidth: 240 }}
            value={unitId}
            onChange={(v) => set({ 'don-vi': v, trang: undefined })}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      </Form>
      <QueryState query={users}>
        {(data) => (
          <>
            <p data-testid="user-total">{data.total.toLocaleString('vi-VN')} tài khoản</p>
            <ScrollTable<User>
              label="Các tài khoản"
              rowKey="id"
              size="small"
              dataSource={data.items}
              pagination={{
                current: page,
                pageSize: 50,
                total: data.total,
                showSizeChanger: false,
                onChange: (p) => set({ trang: String(p) }),
              }}
              columns={[
                {
                  title: 'Họ tên',
                  render: (_, u) => (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => set({ id: u.id, trang: get('trang') })}
                      aria-label={`Mở tài khoản ${u.fullName}`}
                    >
                      {u.fullName}
                    </Button>
                  ),
                },
                { title: 'Thư điện tử', dataIndex: 'email' },
                { title: 'Đơn vị', render: (_, u) => unitName(u.unitId) },
                {
                  title: 'Vai trò',
                  render: (_, u) => u.roles.map((r) => <Tag key={r}>{ROLE_TEXT[r] ?? r}</Tag>),
                },
                { title: 'Trạng thái', render: (_, u) => <UserStatus user={u} /> },
              ]}
            />
          </>
        )}
      </QueryState>
      {selected && (
        <AccountPanel
          key={selected}
          id={selected}
          notify={notify}
          onClose={() => set({ id: undefined, trang: get('trang') })}
        />
      )}
      <RolesExplained />
      {creating && (
        <CreateAccount
          notify={notify}
          defaultUnitId={unitId}
          onClose={(id) => {
            setCreating(false);
            if (id) set({ id });
          }}
        />
      )}
    </>
  );
}

function UserStatus({ user }: { user: User }) {
  if (!user.active) return <Tag>Ngừng hoạt động</Tag>;
  if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) return <Tag style={ORANGE}>Đang khóa</Tag>;
  return <Tag style={GREEN}>Hoạt động</Tag>;
}

/** Each role with what it may do, from the API's table (GET /users/roles). */
function RolesExplained() {
  const roles = useRoles();
  return (
    <Card title={<h2 style={h2}>Vai trò và quyền</h2>} style={{ marginTop: 16 }}>
      <QueryState query={roles}>
        {(list) => (
          <Collapse
            items={list.map((r) => ({
              key: r.role,
              label: ROLE_TEXT[r.role] ?? r.role,
              children: <RolePermissions permissions={r.permissions} />,
            }))}
          />
        )}
      </QueryState>
    </Card>
  );
}

function RolePermissions({ permissions }: { permissions: string[] }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }}>
      {permissions.map((p) => (
        <li key={p}>Được {PERMISSION_TEXT[p] ?? p}</li>
      ))}
    </ul>
  );
}

/** Roles as checkboxes, each with what it may do. */
function RolePicker({ value, onChange }: { value?: Role[]; onChange?: (v: Role[]) => void }) {
  const roles = useRoles();
  return (
    <Checkbox.Group value={value} onChange={(v) => onChange?.(v as Role[])} style={{ display: 'block' }}>
      {(roles.data ?? []).map((r) => (
        <div key={r.role} style={{ marginBottom: 8 }}>
          <Checkbox value={r.role}>{ROLE_TEXT[r.role] ?? r.role}</Checkbox>
          <details style={{ marginLeft: 24, fontSize: 13, color: 'rgba(0,0,0,0.62)' }}>
            <summary>Vai trò này được làm gì</summary>
            <RolePermissions permissions={r.permissions} />
          </details>
        </div>
      ))}
    </Checkbox.Group>
  );
}

interface AccountValues {
  fullName: string;
  title?: string;
  unitId: string;
  roles: Role[];
  active: boolean;
}

function AccountPanel({ id, notify, onClose }: { id: string; notify: Notify; onClose: () => void }) {
  const client = useQueryClient();
  const units = useAllUnits();
  const user = useQuery({
    queryKey: ['admin', 'user', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  });
  const [form] = Form.useForm<AccountValues>();
  const [pwForm] = Form.useForm<{ newPassword: string }>();
  const [conflict, setConflict] = useState(false);
  const version = user.data?.version ?? 0;
  const fresh = async (u: User) => {
    client.setQueryData(['admin', 'user', id], u);
    await client.invalidateQueries({ queryKey: ['admin', 'users'] });
  };
  const failed = (f: typeof form | typeof pwForm, field?: string) => (error: Error) => {
    if (error instanceof ApiError && error.isConflict) return setConflict(true);
    const fields = [
      ...formFieldErrors(error).filter((e) => e.name[0] !== field),
      ...(field ? passwordFieldErrors(error, field) : []),
    ];
    if (fields.length) f.setFields(fields as never);
    notify.error(errorText(error));
  };
  const save = useMutation({
    mutationFn: async (v: AccountValues) =>
      unwrap(
        await api.PATCH('/api/v1/users/{id}', {
          params: { path: { id } },
          body: { version, ...v, title: v.title ?? '' } satisfies Schemas['UpdateUserDto'],
        }),
      ),
    onSuccess: async (u) => {
      await fresh(u);
      notify.success('Đã lưu tài khoản.');
    },
    onError: failed(form),
  });
  const reset = useMutation({
    mutationFn: async (v: { newPassword: string }) =>
      unwrap(
        await api.POST('/api/v1/users/{id}/password', {
          params: { path: { id } },
          body: { version, newPassword: v.newPassword },
        }),
      ),
    onSuccess: async (u) => {
      pwForm.resetFields();
      await fresh(u);
      notify.success('Đã đặt mật khẩu mới; mọi phiên đăng nhập của tài khoản đã kết thúc.');
    },
    onError: failed(pwForm, 'newPassword'),
  });
  const [ended, setEnded] = useState<number | null>(null);
  const end = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/users/{id}/sessions/end', { params: { path: { id } } })),
    onSuccess: (r) => setEnded(r.ended),
    onError: (e) => notify.error(errorText(e)),
  });
  return (
    <QueryState query={user}>
      {(u) => (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24}>
            {conflict && (
              <ConflictAlert
                onReload={() =>
                  void user.refetch().then(() => {
                    setConflict(false);
                  })
                }
              />
            )}
          </Col>
          <Col xs={24} lg={12}>
            <Card
              title={<h2 style={h2}>{u.fullName}</h2>}
              extra={
                <Button size="small" onClick={onClose}>
                  Đóng
                </Button>
              }
            >
              <p style={{ marginTop: 0 }}>
                {u.email} · <UserStatus user={u} /> · Đăng nhập gần nhất:{' '}
                {u.lastLoginAt ? showDateTime(u.lastLoginAt) : 'chưa'}
              </p>
              <Form<AccountValues>
                form={form}
                layout="vertical"
                name="sua-tai-khoan"
                aria-label="Sửa tài khoản"
                initialValues={{
                  fullName: u.fullName,
                  title: u.title ?? '',
                  unitId: u.unitId,
                  roles: u.roles,
                  active: u.active,
                }}
                onFinish={(v) => save.mutate(v)}
              >
                <Form.Item
                  label="Họ tên"
                  name="fullName"
                  rules={[{ required: true, min: 2, message: 'Cần nhập họ tên' }]}
                >
                  <Input />
                </Form.Item>
                <Form.Item label="Chức vụ" name="title">
                  <Input />
                </Form.Item>
                <Form.Item label="Đơn vị" name="unitId">
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    options={(units.data ?? [])
                      .filter((x) => x.active || x.id === u.unitId)
                      .map((x) => ({ value: x.id, label: x.name }))}
                  />
                </Form.Item>
                <Form.Item label="Vai trò tại đơn vị" name="roles">
                  <RolePicker />
                </Form.Item>
                <Form.Item label="Tài khoản hoạt động" name="active" valuePropName="checked">
                  <Switch />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  Lưu tài khoản
                </Button>
              </Form>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Card title={<h2 style={h2}>Đặt lại mật khẩu</h2>}>
                <Form
                  form={pwForm}
                  layout="vertical"
                  name="mat-khau"
                  aria-label="Đặt lại mật khẩu"
                  onFinish={(v) => reset.mutate(v)}
                >
                  <Form.Item
                    label="Mật khẩu mới"
                    name="newPassword"
                    rules={[{ required: true, message: 'Cần nhập mật khẩu mới' }]}
                  >
                    <PasswordField email={u.email} fullName={u.fullName} />
                  </Form.Item>
                  <Button htmlType="submit" loading={reset.isPending}>
                    Đặt mật khẩu mới
                  </Button>
                </Form>
              </Card>
              <Card title={<h2 style={h2}>Phiên đăng nhập</h2>}>
                <p style={{ marginTop: 0 }}>
                  Kết thúc mọi phiên: người này phải đăng nhập lại trên mọi máy (ví dụ khi mất điện thoại).
                </p>
                {ended !== null && (
                  <Alert
                    type="success"
                    role="status"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title={
                      ended === 0 ? 'Không còn phiên nào đang mở.' : `Đã kết thúc ${ended} phiên đăng nhập.`
                    }
                  />
                )}
                <Popconfirm
                  title="Kết thúc mọi phiên đăng nhập của tài khoản này?"
                  okText="Kết thúc"
                  cancelText="Hủy"
                  onConfirm={() => end.mutate()}
                >
                  <Button danger loading={end.isPending}>
                    Kết thúc mọi phiên đăng nhập
                  </Button>
                </Popconfirm>
              </Card>
            </Space>
          </Col>
        </Row>
      )}
    </QueryState>
  );
}

interface CreateValues {
  email: string;
  fullName: string;
  title?: string;
  unitId: string;
  roles: Role[];
  password: string;
}

function CreateAccount({
  notify,
  defaultUnitId,
  onClose,
}: {
  notify: Notify;
  defaultUnitId?: string;
  onClose: (id?: string) => void;
}) {
  const client = useQueryClient();
  const units = useAllUnits();
  const [form] = Form.useForm<CreateValues>();
  const email = Form.useWatch('email', form);
  const fullName = Form.useWatch('fullName', form);
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: async (v: CreateValues) =>
      unwrap(
        await api.POST('/api/v1/users', {
          body: { ...v, title: v.title || undefined } satisfies Schemas['CreateUserDto'],
        }),
      ),
    onSuccess: async (u) => {
      await client.invalidateQueries({ queryKey: ['admin', 'users'] });
      notify.success(`Đã tạo tài khoản ${u.fullName}.`);
      onClose(u.id);
    },
    onError: (e) => {
      const fields = [
        ...formFieldErrors(e).filter((f) => f.name[0] !== 'password'),
        ...passwordFieldErrors(e, 'password'),
      ];
      if (e instanceof ApiError && e.code === 'USER_EMAIL_TAKEN')
        fields.push({ name: ['email'], errors: ['Thư điện tử này đã có tài khoản khác dùng'] });
      if (fields.length) form.setFields(fields as never);
      setError(errorText(e));
    },
  });
  return (
    <Modal
      open
      title="Thêm tài khoản"
      okText="Tạo tài khoản"
      cancelText="Hủy"
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      width={640}
    >
      {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form<CreateValues>
        form={form}
        layout="vertical"
        name="them-tai-khoan"
        aria-label="Thêm tài khoản"
        initialValues={{ unitId: defaultUnitId, roles: [] }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item
          label="Thư điện tử"
          name="email"
          rules={[{ required: true, type: 'email', message: 'Cần một địa chỉ thư điện tử' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="Họ tên"
          name="fullName"
          rules={[{ required: true, min: 2, message: 'Cần nhập họ tên' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label="Chức vụ" name="title">
          <Input />
        </Form.Item>
        <Form.Item label="Đơn vị" name="unitId" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item label="Vai trò tại đơn vị" name="roles">
          <RolePicker />
        </Form.Item>
        <Form.Item
          label="Mật khẩu ban đầu"
          name="password"
          rules={[{ required: true, message: 'Cần nhập mật khẩu' }]}
        >
          <PasswordField email={email} fullName={fullName} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
