import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { ApiError, errorText, formFieldErrors, unwrap } from '../../api/errors';
import { ConflictAlert } from '../../components/ConflictAlert';
import { showDate, todayInVietnam, weekday } from '../../lib/dates';
import { ORANGE } from '../admin/tags';
import { KIND_TEXT, MODE_OPTIONS, publicStatusText, reasonText, type Session } from './reception-model';

type Warning = Schemas['ReceptionWarning'];
const TIME = { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'Giờ dạng HH:mm' };
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const notPast = (d: Dayjs) => d.format('YYYY-MM-DD') < todayInVietnam();

/** What the API answers a change with: the session and its warnings (posting window, duty). */
export type Done = (session: Session, warnings: Warning[]) => void;

function useSessionSave<V>(
  form: ReturnType<typeof Form.useForm<V>>[0],
  call: (v: V) => Promise<Schemas['SessionCommandResult']>,
  onDone: Done,
) {
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const save = useMutation({
    mutationFn: call,
    onSuccess: (r) => onDone(r.session, r.warnings),
    onError: (e) => {
      if (e instanceof ApiError && e.isConflict) return setConflict(true);
      const fields = formFieldErrors(e);
      if (fields.length) form.setFields(fields as never);
      setError(errorText(e));
    },
  });
  return { save, error, conflict, setConflict };
}

/** The session's panel: what the public sees, its posting facts, and what an officer may do with it. */
export function SessionPanel({
  sessionId,
  writer,
  onClose,
  onAction,
}: {
  sessionId: string;
  writer: boolean;
  onClose: () => void;
  onAction: (action: 'edit' | 'postpone' | 'cancel', s: Session) => void;
}) {
  const session = useQuery({
    queryKey: ['reception', 'session', sessionId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/reception/sessions/{id}', { params: { path: { id: sessionId } } })),
  });
  const s = session.data;
  return (
    <Drawer
      open
      onClose={onClose}
      title={s ? `Buổi tiếp ${weekday(s.date)}, ${showDate(s.date)}` : 'Buổi tiếp'}
      size={520}
      closable={{ 'aria-label': 'Đóng' }}
    >
      {session.isError && <Alert type="error" role="alert" title={errorText(session.error)} />}
      {s && (
        <div data-testid="session-panel">
          {s.calendarConflict && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginBottom: 12 }}
              title={`Ngày này đã thành ngày nghỉ (${reasonText(s.conflictReason)}): cần dời hoặc hủy buổi tiếp.`}
              description={
                s.suggestedDate ? `Ngày làm việc kế tiếp: ${showDate(s.suggestedDate)}.` : undefined
              }
            />
          )}
          {s.postedLate && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="posted-late"
              title={`Đăng muộn: hạn công bố là ${showDate(s.postingDue)}, đã công bố ngày ${showDate(s.publishedOn)} (TCD-1/TCD-6: ít nhất 5 ngày làm việc trước buổi tiếp).`}
            />
          )}
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'status',
                label: 'Công chúng thấy',
                children: <span data-testid="public-status">{publicStatusText(s)}</span>,
              },
              {
                key: 'kind',
                label: 'Loại',
                children: `${KIND_TEXT[s.kind]}${s.mode === 'online' ? ' — trực tuyến' : ''}`,
              },
              { key: 'time', label: 'Giờ', children: `${s.startTime}–${s.endTime}` },
              ...(s.nominalDate && s.nominalDate !== s.date && !s.originalDate
                ? [
                    {
                      key: 'moved',
                      label: 'Dời theo lịch',
                      children: `Từ ${showDate(s.nominalDate)} do ${reasonText(s.movedReason)}`,
                    },
                  ]
                : []),
              {
                key: 'where',
                label: 'Nơi tiếp',
                children:
                  s.mode === 'online'
                    ? (s.onlineUrl ?? 'Trực tuyến')
                    : s.place
                      ? [s.place.name, s.place.address, s.place.room].filter(Boolean).join(' — ')
                      : '—',
              },
              {
                key: 'who',
                label: 'Người tiếp',
                children: [s.receiverName, s.receiverTitle].filter(Boolean).join(', '),
              },
              ...(s.officers.length
                ? [{ key: 'officers', label: 'Cán bộ', children: s.officers.map((o) => o.name).join(', ') }]
                : []),
              { key: 'topics', label: 'Nội dung dự kiến', children: s.topics ?? '—' },
              { key: 'note', label: 'Ghi chú công khai', children: s.publicNote ?? '—' },
              {
                key: 'posting',
                label: 'Hạn công bố',
                children: (
                  <>
                    {showDate(s.postingDue)} {s.postedLate && <Tag style={ORANGE}>Đăng muộn</Tag>}
                  </>
                ),
              },
            ]}
          />
          {writer && s.status !== 'cancelled' && (
            <Space wrap style={{ marginTop: 16 }}>
              <Button onClick={() => onAction('edit', s)}>Sửa</Button>
              <Button onClick={() => onAction('postpone', s)}>Hoãn sang ngày khác</Button>
              <Button danger onClick={() => onAction('cancel', s)}>
                Hủy buổi tiếp
              </Button>
            </Space>
          )}
        </div>
      )}
    </Drawer>
  );
}

interface PostponeValues {
  newDate: Dayjs;
  startTime?: string;
  endTime?: string;
  reason: string;
}

/** Hoãn: a later day with the reason the public sees (LTCD art. 24(4)); the public text shown as typed. */
export function PostponeDialog({
  session,
  suggested,
  onClose,
  onDone,
}: {
  session: Session;
  suggested?: { date: string | null; reason: string };
  onClose: () => void;
  onDone: Done;
}) {
  const [form] = Form.useForm<PostponeValues>();
  const [version, setVersion] = useState(session.version);
  const reason = Form.useWatch('reason', form);
  const { save, error, conflict, setConflict } = useSessionSave<PostponeValues>(
    form,
    async (v) =>
      unwrap(
        await api.POST('/api/v1/reception/sessions/{id}/postpone', {
          params: { path: { id: session.id } },
          body: {
            version,
            newDate: iso(v.newDate)!,
            startTime: v.startTime || undefined,
            endTime: v.endTime || undefined,
            reason: v.reason,
          },
        }),
      ),
    onDone,
  );
  const original = session.originalDate ?? session.date;
  return (
    <Modal
      open
      title={`Hoãn buổi tiếp ngày ${showDate(session.date)}`}
      okText="Hoãn buổi tiếp"
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      {conflict && (
        <ConflictAlert
          onReload={async () => {
            const fresh = unwrap(
              await api.GET('/api/v1/reception/sessions/{id}', { params: { path: { id: session.id } } }),
            );
            setVersion(fresh.version);
            setConflict(false);
          }}
        />
      )}
      {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form<PostponeValues>
        form={form}
        layout="vertical"
        name="hoan-buoi-tiep"
        aria-label="Hoãn buổi tiếp"
        initialValues={{
          newDate: suggested?.date ? dayjs(suggested.date) : undefined,
          reason: suggested?.reason,
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item label="Ngày mới" name="newDate" rules={[{ required: true, message: 'Chọn ngày mới' }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} disabledDate={notPast} />
        </Form.Item>
        <Space wrap>
          <Form.Item label="Giờ bắt đầu (để trống: giữ nguyên)" name="startTime" rules={[TIME]}>
            <Input inputMode="numeric" placeholder={session.startTime} />
          </Form.Item>
          <Form.Item label="Giờ kết thúc" name="endTime" rules={[TIME]}>
            <Input inputMode="numeric" placeholder={session.endTime} />
          </Form.Item>
        </Space>
        <Form.Item
          label="Lý do (công khai)"
          name="reason"
          rules={[{ required: true, min: 3, message: 'Cần nêu lý do (ít nhất 3 ký tự)' }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      <p className="muted" data-testid="public-preview">
        Trên lịch công khai: “Lịch mới (hoãn từ {weekday(original)}, {showDate(original)}).
        {reason ? ` Lý do: ${reason.trim()}.` : ''}” và ở ngày cũ: “Hoãn, chuyển sang ngày mới”.
      </p>
    </Modal>
  );
}

/** Hủy: final, with the reason the public sees. */
export function CancelDialog({
  session,
  suggestedReason,
  onClose,
  onDone,
}: {
  session: Session;
  suggestedReason?: string;
  onClose: () => void;
  onDone: Done;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const reason = Form.useWatch('reason', form);
  const { save, error, conflict } = useSessionSave<{ reason: string }>(
    form,
    async (v) =>
      unwrap(
        await api.POST('/api/v1/reception/sessions/{id}/cancel', {
          params: { path: { id: session.id } },
          body: { version: session.version, reason: v.reason },
        }),
      ),
    onDone,
  );
  return (
    <Modal
      open
      title={`Hủy buổi tiếp ngày ${showDate(session.date)}`}
      okText="Hủy buổi tiếp"
      okButtonProps={{ danger: true }}
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      {conflict && <ConflictAlert onReload={onClose} />}
      {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form<{ reason: string }>
        form={form}
        layout="vertical"
        name="huy-buoi-tiep"
        aria-label="Hủy buổi tiếp"
        initialValues={{ reason: suggestedReason }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          label="Lý do (công khai)"
          name="reason"
          rules={[{ required: true, min: 3, message: 'Cần nêu lý do (ít nhất 3 ký tự)' }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      <p className="muted">
        Trên lịch công khai: “Đã hủy.{reason ? ` Lý do: ${reason.trim()}.` : ''}” Việc hủy không hoàn tác
        được.
      </p>
    </Modal>
  );
}

interface SessionValues {
  kind: 'ad_hoc' | 'periodic';
  mode: 'direct' | 'online';
  placeId?: string;
  onlineUrl?: string;
  date?: Dayjs;
  startTime: string;
  endTime: string;
  receiverName: string;
  receiverTitle?: string;
  topics?: string;
  publicNote?: string;
}

/** A new ad hoc (đột xuất) or periodic session, direct or online; or an edit of an existing one. */
export function SessionDialog({
  unitId,
  session,
  places,
  onClose,
  onDone,
}: {
  unitId: string;
  session?: Session;
  places: Schemas['PlaceView'][];
  onClose: () => void;
  onDone: Done;
}) {
  const [form] = Form.useForm<SessionValues>();
  const mode = Form.useWatch('mode', form) ?? session?.mode ?? 'direct';
  const { save, error, conflict } = useSessionSave<SessionValues>(
    form,
    async (v) => {
      const common = {
        placeId: v.mode === 'direct' ? v.placeId : undefined,
        onlineUrl: v.mode === 'online' ? v.onlineUrl?.trim() : undefined,
        startTime: v.startTime,
        endTime: v.endTime,
        receiverName: v.receiverName,
        receiverTitle: v.receiverTitle || null,
        topics: v.topics || null,
        publicNote: v.publicNote || null,
      };
      return session
        ? unwrap(
            await api.PATCH('/api/v1/reception/sessions/{id}', {
              params: { path: { id: session.id } },
              body: { version: session.version, ...common },
            }),
          )
        : unwrap(
            await api.POST('/api/v1/reception/sessions', {
              body: { unitId, kind: v.kind, mode: v.mode, date: iso(v.date)!, ...common },
            }),
          );
    },
    onDone,
  );
  const title = session ? `Sửa buổi tiếp ngày ${showDate(session.date)}` : 'Thêm buổi tiếp';
  return (
    <Modal
      open
      title={title}
      okText={session ? 'Lưu' : 'Thêm buổi tiếp'}
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={640}
    >
      {conflict && <ConflictAlert onReload={onClose} />}
      {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form<SessionValues>
        form={form}
        layout="vertical"
        name="buoi-tiep"
        aria-label={title}
        initialValues={
          session
            ? {
                kind: session.kind,
                mode: session.mode,
                placeId: session.place?.id,
                onlineUrl: session.onlineUrl ?? undefined,
                startTime: session.startTime,
                endTime: session.endTime,
                receiverName: session.receiverName,
                receiverTitle: session.receiverTitle ?? undefined,
                topics: session.topics ?? undefined,
                publicNote: session.publicNote ?? undefined,
              }
            : { kind: 'ad_hoc', mode: 'direct', placeId: places.find((p) => p.active)?.id }
        }
        onFinish={(v) => save.mutate(v)}
      >
        {!session && (
          <Space wrap>
            <Form.Item label="Loại buổi tiếp" name="kind">
              <Select
                style={{ minWidth: 220 }}
                options={[
                  { value: 'ad_hoc', label: 'Đột xuất' },
                  { value: 'periodic', label: 'Định kỳ (thủ trưởng tiếp)' },
                ]}
              />
            </Form.Item>
            <Form.Item label="Hình thức" name="mode">
              <Select style={{ minWidth: 180 }} options={MODE_OPTIONS} />
            </Form.Item>
            <Form.Item label="Ngày" name="date" rules={[{ required: true, message: 'Chọn ngày' }]}>
              <DatePicker format="DD/MM/YYYY" disabledDate={notPast} />
            </Form.Item>
          </Space>
        )}
        {mode === 'direct' ? (
          <Form.Item label="Địa điểm" name="placeId" rules={[{ required: true, message: 'Chọn địa điểm' }]}>
            <Select options={places.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        ) : (
          <Form.Item
            label="Đường dẫn phòng họp trực tuyến"
            name="onlineUrl"
            rules={[{ required: true, type: 'url', message: 'Cần một đường dẫn https://…' }]}
          >
            <Input inputMode="url" maxLength={500} />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item label="Giờ bắt đầu" name="startTime" rules={[{ required: true, ...TIME }]}>
            <Input inputMode="numeric" placeholder="07:30" />
          </Form.Item>
          <Form.Item label="Giờ kết thúc" name="endTime" rules={[{ required: true, ...TIME }]}>
            <Input inputMode="numeric" placeholder="11:30" />
          </Form.Item>
        </Space>
        <Form.Item
          label="Người chủ trì tiếp"
          name="receiverName"
          rules={[{ required: true, min: 2, message: 'Cần nhập họ tên' }]}
        >
          <Input maxLength={255} />
        </Form.Item>
        <Form.Item label="Chức vụ" name="receiverTitle">
          <Input maxLength={255} />
        </Form.Item>
        <Form.Item label="Nội dung dự kiến (công khai)" name="topics">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item label="Ghi chú công khai" name="publicNote">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
