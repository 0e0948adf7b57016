import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { ApiError, errorText, formFieldErrors, unwrap } from '../../api/errors';
import { ConflictAlert } from '../../components/ConflictAlert';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { useCan } from '../../auth/me';
import { GREEN, ORANGE } from '../admin/tags';
import { UnitPicker, useReceptionUnit } from './UnitPicker';

type Place = Schemas['PlaceView'];
interface PlaceValues {
  name: string;
  address: string;
  room?: string;
  hours?: string;
}

const h2 = { fontSize: 16, margin: 0 };

/**
 * Địa điểm tiếp công dân of a unit: the list, a new place, editing one, and deactivating it (places are
 * never deleted: sessions and the public calendar keep naming them).
 */
export default function PlacesPage() {
  const [unitId, setUnitId] = useReceptionUnit();
  const can = useCan();
  const writer = can('reception:write');
  const client = useQueryClient();
  const key = ['reception', 'places', unitId];
  const places = useQuery({
    queryKey: key,
    enabled: !!unitId,
    queryFn: async () => unwrap(await api.GET('/api/v1/reception/places', { params: { query: { unitId } } })),
  });
  const [editing, setEditing] = useState<Place | 'new' | null>(null);
  const toggle = useMutation({
    mutationFn: async (p: Place) =>
      unwrap(
        await api.PATCH('/api/v1/reception/places/{id}', {
          params: { path: { id: p.id } },
          body: { version: p.version, active: !p.active },
        }),
      ),
    onSettled: () => void client.invalidateQueries({ queryKey: ['reception', 'places'] }),
  });
  return (
    <>
      <PageTitle
        extra={
          writer && (
            <Button type="primary" onClick={() => setEditing('new')} disabled={!unitId}>
              Thêm địa điểm
            </Button>
          )
        }
      >
        Địa điểm tiếp công dân
      </PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <UnitPicker value={unitId} onChange={setUnitId} />
      </Space>
      {toggle.isError && <Alert type="error" role="alert" showIcon title={errorText(toggle.error)} />}
      <Card title={<h2 style={h2}>Các địa điểm</h2>}>
        <QueryState query={places}>
          {(rows) =>
            rows.length === 0 ? (
              <p>Đơn vị chưa có địa điểm tiếp công dân.</p>
            ) : (
              <ScrollTable<Place>
                label="Các địa điểm tiếp công dân"
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={rows}
                columns={[
                  { title: 'Tên', render: (_, p) => <span data-testid="place-name">{p.name}</span> },
                  { title: 'Địa chỉ', render: (_, p) => [p.address, p.room].filter(Boolean).join(' — ') },
                  { title: 'Giờ tiếp', render: (_, p) => p.hours ?? '—' },
                  {
                    title: 'Trạng thái',
                    render: (_, p) =>
                      p.active ? <Tag style={GREEN}>Đang dùng</Tag> : <Tag style={ORANGE}>Ngừng dùng</Tag>,
                  },
                  ...(writer
                    ? [
                        {
                          title: 'Thao tác',
                          render: (_: unknown, p: Place) => (
                            <Space wrap>
                              <Button size="small" onClick={() => setEditing(p)} aria-label={`Sửa ${p.name}`}>
                                Sửa
                              </Button>
                              <Switch
                                checked={p.active}
                                aria-label={`${p.active ? 'Ngừng dùng' : 'Dùng lại'} ${p.name}`}
                                loading={toggle.isPending && toggle.variables?.id === p.id}
                                onChange={() => toggle.mutate(p)}
                              />
                            </Space>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )
          }
        </QueryState>
      </Card>
      {editing && unitId && (
        <PlaceDialog
          unitId={unitId}
          place={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void client.invalidateQueries({ queryKey: ['reception', 'places'] });
          }}
        />
      )}
    </>
  );
}

function PlaceDialog({
  unitId,
  place,
  onClose,
}: {
  unitId: string;
  place: Place | null;
  onClose: (saved: boolean) => void;
}) {
  const [form] = Form.useForm<PlaceValues>();
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [version, setVersion] = useState(place?.version ?? 1);
  const save = useMutation({
    mutationFn: async (v: PlaceValues) => {
      const text = { name: v.name, address: v.address, room: v.room || null, hours: v.hours || null };
      return place
        ? unwrap(
            await api.PATCH('/api/v1/reception/places/{id}', {
              params: { path: { id: place.id } },
              body: { version, ...text },
            }),
          )
        : unwrap(await api.POST('/api/v1/reception/places', { body: { unitId, ...text } }));
    },
    onSuccess: () => onClose(true),
    onError: (e) => {
      if (e instanceof ApiError && e.isConflict) return setConflict(true);
      const fields = formFieldErrors(e);
      if (fields.length) form.setFields(fields as never);
      setError(errorText(e));
    },
  });
  async function reload() {
    if (!place) return;
    const rows = unwrap(await api.GET('/api/v1/reception/places', { params: { query: { unitId } } }));
    const current = rows.find((p) => p.id === place.id);
    if (current) setVersion(current.version);
    setConflict(false);
  }
  const title = place ? `Sửa địa điểm ${place.name}` : 'Thêm địa điểm tiếp công dân';
  return (
    <Modal
      open
      title={title}
      okText={place ? 'Lưu' : 'Thêm địa điểm'}
      cancelText="Đóng"
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      {conflict && <ConflictAlert onReload={() => void reload()} />}
      {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form<PlaceValues>
        form={form}
        layout="vertical"
        name="dia-diem"
        aria-label={title}
        initialValues={{
          name: place?.name,
          address: place?.address,
          room: place?.room ?? undefined,
          hours: place?.hours ?? undefined,
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          label="Tên địa điểm"
          name="name"
          rules={[{ required: true, min: 2, message: 'Cần nhập tên' }]}
        >
          <Input maxLength={255} />
        </Form.Item>
        <Form.Item
          label="Địa chỉ"
          name="address"
          rules={[{ required: true, min: 2, message: 'Cần nhập địa chỉ' }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item label="Phòng" name="room">
          <Input maxLength={255} />
        </Form.Item>
        <Form.Item label="Giờ tiếp (công bố)" name="hours">
          <Input maxLength={500} placeholder="Sáng 7:30–11:30, chiều 13:30–17:00 các ngày làm việc" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
