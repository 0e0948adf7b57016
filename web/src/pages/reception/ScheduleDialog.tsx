import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { errorText, formFieldErrors, unwrap } from '../../api/errors';
import { showDate, todayInVietnam, weekday } from '../../lib/dates';
import { ORANGE } from '../admin/tags';
import {
  MODE_OPTIONS,
  reasonText,
  recurrenceWords,
  WEEK_OPTIONS,
  WEEKDAY_OPTIONS,
  type Recurrence,
} from './reception-model';

const TIME = { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'Giờ dạng HH:mm' };
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
/** How many of the coming sessions the preview lists. */
const PREVIEW_COUNT = 8;

/**
 * "Kiểu lặp": short names that fit the box on a phone (390 px), each with what it means on a second
 * line in the list, which wraps instead of cutting the text off.
 */
const REPEAT_OPTIONS = [
  { value: 'weekly', label: 'Hằng tuần', description: 'Vào một hoặc nhiều thứ trong tuần' },
  { value: 'monthly_day', label: 'Hằng tháng theo ngày', description: 'Vào một ngày cố định, ví dụ ngày 15' },
  {
    value: 'monthly_weekday',
    label: 'Hằng tháng theo thứ',
    description: 'Vào một thứ của một tuần trong tháng, ví dụ thứ Năm tuần thứ hai',
  },
];

interface ScheduleValues {
  kind: 'periodic' | 'regular';
  mode: 'direct' | 'online';
  placeId?: string;
  onlineUrl?: string;
  repeat: 'weekly' | 'monthly_day' | 'monthly_weekday';
  weekdays?: number[];
  day?: number;
  week?: 1 | 2 | 3 | 4 | -1;
  weekday?: number;
  nonWorkingDayPolicy: 'next_working_day' | 'skip';
  startTime: string;
  endTime: string;
  validFrom: Dayjs;
  validUntil: Dayjs;
  receiverName?: string;
  receiverTitle?: string;
  topics?: string;
}

/** The recurrence the form describes, or null while it is incomplete. */
function recurrenceOf(v: Partial<ScheduleValues>): Recurrence | null {
  switch (v.repeat) {
    case 'weekly':
      return v.weekdays?.length ? { type: 'weekly', weekdays: v.weekdays } : null;
    case 'monthly_day':
      return v.day ? { type: 'monthly_day', day: v.day } : null;
    case 'monthly_weekday':
      return v.week && v.weekday ? { type: 'monthly_weekday', week: v.week, weekday: v.weekday } : null;
    default:
      return null;
  }
}

/**
 * A new schedule: the head's periodic reception (a recurrence chosen in words — every Tuesday, the 15th,
 * the second Thursday —, previewed as its coming dates on the unit's calendar before saving, moved or
 * skipped days off named) or the officers' regular reception (every working day).
 */
export function ScheduleDialog({
  unitId,
  places,
  onClose,
  onDone,
}: {
  unitId: string;
  places: Schemas['PlaceView'][];
  onClose: () => void;
  onDone: (result: Schemas['ScheduleCommandResult']) => void;
}) {
  const [form] = Form.useForm<ScheduleValues>();
  const [error, setError] = useState<string | null>(null);
  const values = Form.useWatch([], form) as Partial<ScheduleValues> | undefined;
  const kind = values?.kind ?? 'periodic';
  const mode = values?.mode ?? 'direct';
  const recurrence = values ? recurrenceOf(values) : null;
  const from = iso(values?.validFrom);
  const until = iso(values?.validUntil);
  const policy = values?.nonWorkingDayPolicy ?? 'next_working_day';
  const previewKey =
    kind === 'periodic' && recurrence && from && until ? { recurrence, from, until, policy, mode } : null;
  const preview = useQuery({
    queryKey: ['reception', 'schedule-preview', unitId, previewKey],
    enabled: previewKey !== null,
    retry: false,
    queryFn: async () =>
      unwrap(
        await api.POST('/api/v1/reception/schedules/preview', {
          body: {
            unitId,
            mode,
            recurrence: recurrence as never,
            nonWorkingDayPolicy: policy,
            validFrom: from!,
            validUntil: until!,
          },
        }),
      ),
  });
  const save = useMutation({
    mutationFn: async (v: ScheduleValues) =>
      unwrap(
        await api.POST('/api/v1/reception/schedules', {
          body: {
            unitId,
            kind: v.kind,
            mode: v.kind === 'regular' ? 'direct' : v.mode,
            placeId: v.mode === 'online' && v.kind === 'periodic' ? undefined : v.placeId,
            onlineUrl: v.mode === 'online' && v.kind === 'periodic' ? v.onlineUrl?.trim() : undefined,
            recurrence: (v.kind === 'periodic' ? recurrenceOf(v) : { type: 'every_working_day' }) as never,
            nonWorkingDayPolicy: v.nonWorkingDayPolicy,
            slots: [{ startTime: v.startTime, endTime: v.endTime }],
            validFrom: iso(v.validFrom)!,
            validUntil: iso(v.validUntil)!,
            receiverName: v.receiverName || null,
            receiverTitle: v.receiverTitle || null,
            topics: v.topics || null,
          },
        }),
      ),
    onSuccess: onDone,
    onError: (e) => {
      const fields = formFieldErrors(e).map((f) =>
        f.name[0] === 'recurrence'
          ? { ...f, name: ['repeat'] }
          : f.name[0] === 'slots'
            ? { ...f, name: ['startTime'] }
            : f,
      );
      if (fields.length) form.setFields(fields as never);
      setError(errorText(e));
    },
  });
  return (
    <Modal
      open
      title="Thêm lịch tiếp công dân"
      okText="Lưu lịch"
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={720}
    >
      {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form<ScheduleValues>
        form={form}
        layout="vertical"
        name="lich-tiep"
        aria-label="Thêm lịch tiếp công dân"
        initialValues={{
          kind: 'periodic',
          mode: 'direct',
          placeId: places.find((p) => p.active)?.id,
          repeat: 'weekly',
          week: 2,
          weekday: 4,
          weekdays: [2],
          day: 15,
          nonWorkingDayPolicy: 'next_working_day',
          startTime: '07:30',
          endTime: '11:30',
          validFrom: dayjs(todayInVietnam()),
          // A schedule covers at most a year (366 days): a year less a day from today.
          validUntil: dayjs(todayInVietnam()).add(1, 'year').subtract(1, 'day'),
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Space wrap>
          <Form.Item label="Loại lịch" name="kind">
            <Select
              style={{ minWidth: 260 }}
              options={[
                { value: 'periodic', label: 'Định kỳ — thủ trưởng tiếp' },
                { value: 'regular', label: 'Thường xuyên — cán bộ tiếp các ngày làm việc' },
              ]}
            />
          </Form.Item>
          {kind === 'periodic' && (
            <Form.Item label="Hình thức" name="mode">
              <Select style={{ minWidth: 180 }} options={MODE_OPTIONS} />
            </Form.Item>
          )}
        </Space>
        <Space wrap>
          <Form.Item label="Từ ngày" name="validFrom" rules={[{ required: true, message: 'Chọn ngày' }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item
            label="Đến ngày (tối đa 1 năm)"
            name="validUntil"
            rules={[{ required: true, message: 'Chọn ngày' }]}
          >
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item label="Giờ bắt đầu" name="startTime" rules={[{ required: true, ...TIME }]}>
            <Input inputMode="numeric" style={{ width: 100 }} />
          </Form.Item>
          <Form.Item label="Giờ kết thúc" name="endTime" rules={[{ required: true, ...TIME }]}>
            <Input inputMode="numeric" style={{ width: 100 }} />
          </Form.Item>
        </Space>
        {kind === 'periodic' && (
          <fieldset className="rc-fieldset">
            <legend>Lặp lại</legend>
            <Space wrap align="start">
              <Form.Item label="Kiểu lặp" name="repeat">
                <Select
                  style={{ minWidth: 220 }}
                  options={REPEAT_OPTIONS}
                  optionRender={(o) => (
                    <div style={{ whiteSpace: 'normal' }}>
                      {o.label}
                      <div className="muted" style={{ fontSize: 12 }}>
                        {o.data.description}
                      </div>
                    </div>
                  )}
                />
              </Form.Item>
              {values?.repeat === 'weekly' && (
                <Form.Item
                  label="Các thứ trong tuần"
                  name="weekdays"
                  rules={[{ required: true, message: 'Chọn thứ' }]}
                >
                  <Select mode="multiple" style={{ minWidth: 220 }} options={WEEKDAY_OPTIONS} />
                </Form.Item>
              )}
              {values?.repeat === 'monthly_day' && (
                <Form.Item
                  label="Ngày trong tháng"
                  name="day"
                  rules={[{ required: true, message: 'Nhập ngày 1–31' }]}
                >
                  <InputNumber min={1} max={31} />
                </Form.Item>
              )}
              {values?.repeat === 'monthly_weekday' && (
                <>
                  <Form.Item label="Thứ" name="weekday">
                    <Select style={{ minWidth: 130 }} options={WEEKDAY_OPTIONS} />
                  </Form.Item>
                  <Form.Item label="Tuần trong tháng" name="week">
                    <Select style={{ minWidth: 150 }} options={WEEK_OPTIONS} />
                  </Form.Item>
                </>
              )}
              <Form.Item label="Gặp ngày nghỉ thì" name="nonWorkingDayPolicy">
                <Select
                  style={{ minWidth: 240 }}
                  options={[
                    { value: 'next_working_day', label: 'Dời sang ngày làm việc kế tiếp' },
                    { value: 'skip', label: 'Bỏ buổi đó' },
                  ]}
                />
              </Form.Item>
            </Space>
            <p data-testid="recurrence-words" aria-live="polite" style={{ margin: '0 0 8px' }}>
              {recurrence ? (
                <>
                  Lịch: <strong>{recurrenceWords(recurrence)}</strong>
                </>
              ) : (
                'Chọn ngày lặp lại.'
              )}
            </p>
            <section aria-labelledby="rc-preview-title" data-testid="schedule-preview">
              <h3 id="rc-preview-title" style={{ fontSize: 15 }}>
                Các buổi sắp tới (xem trước, chưa lưu)
              </h3>
              {preview.isFetching && <p>Đang tính theo lịch làm việc của đơn vị…</p>}
              {preview.isError && <Alert type="error" role="alert" title={errorText(preview.error)} />}
              {preview.data && (
                <>
                  <ol className="rc-preview">
                    {preview.data.occurrences.slice(0, PREVIEW_COUNT).map((o) => (
                      <li key={o.date} data-date={o.date}>
                        {weekday(o.date)}, {showDate(o.date)}
                        {o.moved && ` — dời từ ${showDate(o.nominalDate)} do ${reasonText(o.reason)}`}
                        {o.postedLate && (
                          <Tag style={{ ...ORANGE, marginLeft: 6, whiteSpace: 'normal' }}>
                            Đăng muộn (hạn công bố {showDate(o.postingDue)}, TCD-1)
                          </Tag>
                        )}
                      </li>
                    ))}
                  </ol>
                  <p className="muted">
                    Tổng {preview.data.occurrences.length} buổi từ {showDate(preview.data.from)} đến{' '}
                    {showDate(until)}.
                    {preview.data.skipped.length > 0 &&
                      ` Bỏ ${preview.data.skipped.length} ngày: ${preview.data.skipped
                        .map((k) => `${showDate(k.nominalDate)} (${reasonText(k.reason)})`)
                        .join(', ')}.`}
                  </p>
                </>
              )}
            </section>
          </fieldset>
        )}
        {kind === 'periodic' && mode === 'online' ? (
          <Form.Item
            label="Đường dẫn phòng họp trực tuyến"
            name="onlineUrl"
            rules={[{ required: true, type: 'url', message: 'Cần một đường dẫn https://…' }]}
          >
            <Input inputMode="url" maxLength={500} />
          </Form.Item>
        ) : (
          <Form.Item label="Địa điểm" name="placeId" rules={[{ required: true, message: 'Chọn địa điểm' }]}>
            <Select options={places.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item
            label={kind === 'periodic' ? 'Thủ trưởng tiếp' : 'Người tiếp (nếu có)'}
            name="receiverName"
            rules={kind === 'periodic' ? [{ required: true, min: 2, message: 'Cần nhập họ tên' }] : []}
          >
            <Input maxLength={255} style={{ minWidth: 260 }} />
          </Form.Item>
          <Form.Item label="Chức vụ" name="receiverTitle">
            <Input maxLength={255} style={{ minWidth: 220 }} />
          </Form.Item>
        </Space>
        <Form.Item label="Nội dung dự kiến (công khai)" name="topics">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
