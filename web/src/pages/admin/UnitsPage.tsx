import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  message,
  Modal,
  Row,
  Select,
  Space,
  Tag,
  Tree,
} from 'antd';
import { useMemo, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { ApiError, errorText, formFieldErrors, unwrap } from '../../api/errors';
import { ConflictAlert } from '../../components/ConflictAlert';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { useAllUnits } from './queries';
import { UNIT_KIND_TEXT } from './labels';
import { BLUE, GREEN } from './tags';
import { buildTree, moveRefusal, searchTree, type TreeNode } from './unit-tree';

type Unit = Schemas['UnitView'];
const KIND_OPTIONS = Object.entries(UNIT_KIND_TEXT).map(([value, label]) => ({ value, label }));
const h2 = { fontSize: 18, margin: 0 } as const;

/** Đơn vị: the tree (expand, search without diacritics, keyboard), create, rename, move, (de)activate. */
export default function UnitsPage() {
  const units = useAllUnits();
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [notify, holder] = message.useMessage();
  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            Thêm đơn vị
          </Button>
        }
      >
        Đơn vị
      </PageTitle>
      {holder}
      <QueryState query={units}>
        {(list) => (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <UnitTree
                units={list}
                q={q}
                setQ={setQ}
                selected={selected}
                onSelect={setSelected}
                expanded={expanded}
                setExpanded={setExpanded}
              />
            </Col>
            <Col xs={24} lg={14}>
              {selected && list.some((u) => u.id === selected) ? (
                <UnitPanel
                  key={selected}
                  unit={list.find((u) => u.id === selected)!}
                  units={list}
                  notify={notify}
                />
              ) : (
                <p>Chọn một đơn vị trong cây để xem và sửa.</p>
              )}
            </Col>
          </Row>
        )}
      </QueryState>
      {creating && (
        <CreateUnit
          units={units.data ?? []}
          parentId={selected}
          notify={notify}
          onClose={(id) => {
            setCreating(false);
            if (id) setSelected(id);
          }}
        />
      )}
    </>
  );
}

type Notify = ReturnType<typeof message.useMessage>[0];

function UnitTree({
  units,
  q,
  setQ,
  selected,
  onSelect,
  expanded,
  setExpanded,
}: {
  units: Unit[];
  q: string;
  setQ: (q: string) => void;
  selected: string | null;
  onSelect: (id: string) => void;
  expanded: string[] | null;
  setExpanded: (keys: string[]) => void;
}) {
  const found = useMemo(() => searchTree(units, q), [units, q]);
  const tree = useMemo(() => buildTree(units), [units]);
  const toData = (nodes: TreeNode<Unit>[]): { key: string; title: string; children: unknown[] }[] =>
    nodes
      .filter((n) => !found || found.shown.has(n.unit.id))
      .map((n) => ({ key: n.unit.id, title: n.unit.name, unit: n.unit, children: toData(n.children) }));
  const data = toData(tree);
  // Without a search: what the administrator opened (at first, the top two levels); with one: every match.
  const keys = found
    ? [...found.shown]
    : (expanded ?? tree.flatMap((n) => [n.unit.id, ...n.children.map((c) => c.unit.id)]));
  return (
    <Card title={<h2 style={h2}>Cây đơn vị</h2>}>
      <Input.Search
        aria-label="Tìm đơn vị"
        placeholder="Tìm theo tên hoặc mã (không cần dấu)"
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        style={{ marginBottom: 12 }}
      />
      {found && (
        <p data-testid="unit-hits" style={{ margin: '0 0 8px' }}>
          {found.hits.size} đơn vị khớp
        </p>
      )}
      <Tree
        aria-label="Cây đơn vị"
        blockNode
        treeData={data as never}
        expandedKeys={keys}
        onExpand={(k) => setExpanded(k.map(String))}
        selectedKeys={selected ? [selected] : []}
        onSelect={(k) => k[0] && onSelect(String(k[0]))}
        titleRender={(node) => {
          const u = (node as unknown as { unit: Unit }).unit;
          return (
            <span data-unit={u.id}>
              <span style={found?.hits.has(u.id) ? { fontWeight: 600 } : undefined}>{u.name}</span>{' '}
              <span style={{ color: 'rgba(0,0,0,0.62)' }}>({u.code})</span>
              {!u.active && <Tag style={{ marginLeft: 6 }}>Ngừng hoạt động</Tag>}
              {u.remote && <Tag style={{ ...BLUE, marginLeft: 6 }}>Vùng sâu, vùng xa</Tag>}
            </span>
          );
        }}
      />
    </Card>
  );
}

interface EditValues {
  name: string;
  kind: string;
  agencyCode?: string;
  remote: boolean;
  remoteReason?: string;
  receptionAddress?: string;
  contactPhone?: string;
  contactEmail?: string;
}

function UnitPanel({ unit, units, notify }: { unit: Unit; units: Unit[]; notify: Notify }) {
  const client = useQueryClient();
  const [form] = Form.useForm<EditValues>();
  const [conflict, setConflict] = useState(false);
  const [version, setVersion] = useState(unit.version);
  const [parentId, setParentId] = useState<string | undefined>(undefined);
  const refusal = parentId ? moveRefusal(units, unit.id, parentId) : null;
  const remote = Form.useWatch('remote', form);
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['admin', 'units'] });
    await client.invalidateQueries({ queryKey: ['units'] });
  };
  const failed = (error: Error) => {
    if (error instanceof ApiError && error.isConflict) return setConflict(true);
    const fields = formFieldErrors(error);
    if (fields.length) form.setFields(fields as never);
    notify.error(
      error instanceof ApiError && !fields.length
        ? `${errorText(error)} (${error.message})`
        : errorText(error),
    );
  };
  const save = useMutation({
    mutationFn: async (v: EditValues) =>
      unwrap(
        await api.PATCH('/api/v1/units/{id}', {
          params: { path: { id: unit.id } },
          body: {
            version,
            name: v.name,
            kind: v.kind as Unit['kind'],
            agencyCode: v.agencyCode ?? '',
            remote: v.remote,
            remoteReason: v.remote ? v.remoteReason : undefined,
            receptionAddress: v.receptionAddress || undefined,
            contactPhone: v.contactPhone || undefined,
            contactEmail: v.contactEmail || undefined,
          } satisfies Schemas['UpdateUnitDto'],
        }),
      ),
    onSuccess: async (fresh) => {
      setVersion(fresh.version);
      await refresh();
      notify.success('Đã lưu đơn vị.');
    },
    onError: failed,
  });
  const move = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/units/{id}/move', {
          params: { path: { id: unit.id } },
          body: { parentId: parentId!, version },
        }),
      ),
    onSuccess: async (fresh) => {
      setVersion(fresh.version);
      setParentId(undefined);
      await refresh();
      notify.success('Đã chuyển đơn vị.');
    },
    onError: failed,
  });
  const status = useMutation({
    mutationFn: async (active: boolean) =>
      unwrap(
        active
          ? await api.POST('/api/v1/units/{id}/activate', {
              params: { path: { id: unit.id } },
              body: { version },
            })
          : await api.POST('/api/v1/units/{id}/deactivate', {
              params: { path: { id: unit.id } },
              body: { version },
            }),
      ),
    onSuccess: async (fresh) => {
      setVersion(fresh.version);
      await refresh();
      notify.success(fresh.active ? 'Đơn vị hoạt động trở lại.' : 'Đã ngừng hoạt động đơn vị.');
    },
    onError: failed,
  });
  const parent = units.find((u) => u.id === unit.parentId);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      {conflict && (
        <ConflictAlert
          onReload={() =>
            void api.GET('/api/v1/units/{id}', { params: { path: { id: unit.id } } }).then((r) => {
              if (r.data) setVersion(r.data.version);
              setConflict(false);
              void refresh();
            })
          }
        />
      )}
      <Card
        title={<h2 style={h2}>{unit.name}</h2>}
        extra={
          <Tag style={unit.active ? GREEN : undefined}>
            {unit.active ? 'Đang hoạt động' : 'Ngừng hoạt động'}
          </Tag>
        }
      >
        <p style={{ marginTop: 0 }}>
          Mã: <strong>{unit.code}</strong> · Thuộc: {parent ? parent.name : 'không (đơn vị gốc)'}
        </p>
        <Form<EditValues>
          form={form}
          layout="vertical"
          name="sua-don-vi"
          aria-label="Sửa đơn vị"
          initialValues={{
            name: unit.name,
            kind: unit.kind,
            agencyCode: unit.agencyCode ?? '',
            remote: unit.remote,
            remoteReason: unit.remoteReason ?? undefined,
            receptionAddress: unit.receptionAddress ?? undefined,
            contactPhone: unit.contactPhone ?? undefined,
            contactEmail: unit.contactEmail ?? undefined,
          }}
          onFinish={(v) => save.mutate(v)}
        >
          <Form.Item
            label="Tên đơn vị"
            name="name"
            rules={[{ required: true, min: 2, message: 'Cần nhập tên (ít nhất 2 ký tự)' }]}
          >
            <Input />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item label="Loại đơn vị" name="kind">
                <Select options={KIND_OPTIONS} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label="Mã định danh (CSDL quốc gia)" name="agencyCode">
                <Input placeholder="Ví dụ H39.01" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="remote" valuePropName="checked">
            <Checkbox>Vùng sâu, vùng xa (thời hạn dài hơn theo luật)</Checkbox>
          </Form.Item>
          {remote && (
            <Form.Item
              label="Lý do là vùng sâu, vùng xa"
              name="remoteReason"
              rules={[{ required: true, min: 3, message: 'Cần nêu lý do (ít nhất 3 ký tự)' }]}
            >
              <Input />
            </Form.Item>
          )}
          <Form.Item label="Địa chỉ nơi tiếp công dân" name="receptionAddress">
            <Input />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item label="Điện thoại" name="contactPhone">
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label="Thư điện tử" name="contactEmail">
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              Lưu đơn vị
            </Button>
            <Button onClick={() => status.mutate(!unit.active)} loading={status.isPending}>
              {unit.active ? 'Ngừng hoạt động' : 'Hoạt động trở lại'}
            </Button>
          </Space>
        </Form>
      </Card>
      <Card title={<h2 style={h2}>Chuyển sang đơn vị cấp trên khác</h2>}>
        <Form
          name="chuyen-don-vi"
          layout="vertical"
          aria-label="Chuyển đơn vị"
          onFinish={() => move.mutate()}
        >
          <Form.Item
            label="Đơn vị cấp trên mới"
            validateStatus={refusal ? 'error' : undefined}
            help={refusal ? <span data-testid="move-refusal">{refusal}</span> : undefined}
          >
            <Select
              aria-label="Đơn vị cấp trên mới"
              showSearch={{ optionFilterProp: 'label' }}
              value={parentId}
              onChange={setParentId}
              placeholder="Chọn đơn vị"
              options={units
                .filter((u) => u.active)
                .map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
            />
          </Form.Item>
          <Button
            htmlType="submit"
            disabled={!parentId || !!refusal}
            loading={move.isPending}
            style={{ marginTop: 8 }}
          >
            Chuyển đơn vị
          </Button>
        </Form>
      </Card>
    </Space>
  );
}

interface CreateValues {
  code: string;
  name: string;
  kind: string;
  parentId?: string;
  remote?: boolean;
  remoteReason?: string;
}

function CreateUnit({
  units,
  parentId,
  notify,
  onClose,
}: {
  units: Unit[];
  parentId: string | null;
  notify: Notify;
  onClose: (created?: string) => void;
}) {
  const client = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const remote = Form.useWatch('remote', form);
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: async (v: CreateValues) =>
      unwrap(
        await api.POST('/api/v1/units', {
          body: {
            code: v.code,
            name: v.name,
            kind: v.kind as Unit['kind'],
            parentId: v.parentId,
            remote: !!v.remote,
            remoteReason: v.remote ? v.remoteReason : undefined,
          } satisfies Schemas['CreateUnitDto'],
        }),
      ),
    onSuccess: async (unit) => {
      await client.invalidateQueries({ queryKey: ['admin', 'units'] });
      await client.invalidateQueries({ queryKey: ['units'] });
      notify.success(`Đã tạo đơn vị ${unit.name}.`);
      onClose(unit.id);
    },
    onError: (e) => {
      const fields = formFieldErrors(e);
      if (fields.length) form.setFields(fields as never);
      if (e instanceof ApiError && e.code === 'UNIT_CODE_TAKEN')
        form.setFields([{ name: 'code', errors: ['Mã này đã được dùng cho đơn vị khác'] }]);
      setError(errorText(e));
    },
  });
  return (
    <Modal
      open
      title="Thêm đơn vị"
      okText="Tạo đơn vị"
      cancelText="Hủy"
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form<CreateValues>
        form={form}
        layout="vertical"
        name="them-don-vi"
        aria-label="Thêm đơn vị"
        initialValues={{ parentId: parentId ?? undefined, kind: 'division' }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item
          label="Mã đơn vị"
          name="code"
          extra="2–40 chữ in hoa, chữ số, dấu chấm, gạch dưới hoặc gạch ngang"
          rules={[
            {
              required: true,
              pattern: /^[A-Za-z0-9._-]{2,40}$/,
              message: 'Mã gồm 2–40 chữ, số, “.”, “_” hoặc “-”',
            },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label="Tên đơn vị"
          name="name"
          rules={[{ required: true, min: 2, message: 'Cần nhập tên (ít nhất 2 ký tự)' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label="Loại đơn vị" name="kind">
          <Select options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item label="Thuộc đơn vị" name="parentId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="Không (đơn vị gốc)"
            options={units
              .filter((u) => u.active)
              .map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
          />
        </Form.Item>
        <Form.Item name="remote" valuePropName="checked">
          <Checkbox>Vùng sâu, vùng xa</Checkbox>
        </Form.Item>
        {remote && (
          <Form.Item
            label="Lý do là vùng sâu, vùng xa"
            name="remoteReason"
            rules={[{ required: true, min: 3, message: 'Cần nêu lý do (ít nhất 3 ký tự)' }]}
          >
            <Input />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
