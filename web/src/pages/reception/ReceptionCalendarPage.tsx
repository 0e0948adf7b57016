import {
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
  type UseQueryResult,
} from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { errorText, formFieldErrors, unwrap } from '../../api/errors';
import { useCan } from '../../auth/me';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { addDays, showDate, todayInVietnam, weekday } from '../../lib/dates';
import { GREEN, ORANGE } from '../admin/tags';
import { MonthGrid } from './MonthGrid';
import {
  KIND_TEXT,
  lastDayOf,
  monthItems,
  monthText,
  reasonText,
  shiftMonth,
  warningText,
  type Session,
} from './reception-model';
import { ScheduleDialog } from './ScheduleDialog';
import { CancelDialog, PostponeDialog, SessionDialog, SessionPanel } from './SessionDialogs';
import { UnitPicker, useReceptionUnit } from './UnitPicker';
import './reception.css';

type Schedule = Schemas['ScheduleView'];
type Warning = Schemas['ReceptionWarning'];
type SkippedDay = Schemas['SkippedOccurrence'];
type Dialog =
  | { type: 'schedule' }
  | { type: 'session'; session?: Session }
  | { type: 'postpone'; session: Session; suggested?: { date: string | null; reason: string } }
  | { type: 'cancel'; session: Session; reason?: string }
  | { type: 'end'; schedule: Schedule };

const h2 = { fontSize: 16, margin: 0 };

/** The public reason of a move off a new day off, filled in for the officer to check. */
const dayOffReason = (s: Session) =>
  `Ngày ${showDate(s.date)} là ngày nghỉ (${reasonText(s.conflictReason)})`;

/**
 * Lịch tiếp công dân of a unit: the month's sessions on a calendar (moved, skipped, postponed, cancelled
 * and flagged days shown distinctly with their reason), the sessions a calendar change left on a day off
 * with the action to take, the unit's schedules, and the commands — a schedule (previewed), an ad hoc or
 * online session, edit, postpone, cancel, end a schedule. Warnings the API returns (TCD-1 posting
 * window, the head's duty) are shown after each change.
 */
export default function ReceptionCalendarPage() {
  const [unitId, setUnitId] = useReceptionUnit();
  const [params, setParams] = useSearchParams();
  const today = todayInVietnam();
  const month = params.get('thang') ?? today.slice(0, 7);
  const setMonth = (m: string) => {
    const next = new URLSearchParams(params);
    next.set('thang', m);
    setParams(next, { replace: true });
  };
  const can = useCan();
  const writer = can('reception:write');
  const client = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [warnings, setWarnings] = useState<{ title: string; list: Warning[] } | null>(null);

  const first = `${month}-01`;
  // Sessions postponed or moved into the next weeks still mark the day they left.
  const sessions = useQuery({
    queryKey: ['reception', 'sessions', unitId, month],
    enabled: !!unitId,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/reception/sessions', {
          params: { query: { unitId, from: first, to: addDays(lastDayOf(month), 62), pageSize: 200 } },
        }),
      ),
  });
  const flagged = useQuery({
    queryKey: ['reception', 'flagged', unitId],
    enabled: !!unitId,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/reception/sessions', {
          params: { query: { unitId, calendarConflict: true, from: today, pageSize: 200 } },
        }),
      ),
  });
  const schedules = useQuery({
    queryKey: ['reception', 'schedules', unitId],
    enabled: !!unitId,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/reception/schedules', { params: { query: { unitId } } })),
  });
  const places = useQuery({
    queryKey: ['reception', 'places', unitId],
    enabled: !!unitId,
    queryFn: async () => unwrap(await api.GET('/api/v1/reception/places', { params: { query: { unitId } } })),
  });
  // The days a skip-policy schedule leaves out this month: the schedule laid out again on the calendar.
  const skipping = (schedules.data ?? []).filter(
    (s) =>
      s.kind === 'periodic' &&
      s.active &&
      s.nonWorkingDayPolicy === 'skip' &&
      s.validFrom <= lastDayOf(month) &&
      s.validUntil >= first &&
      s.validUntil >= today,
  );
  const skipped = useQueries({
    queries: skipping.map((s) => ({
      queryKey: ['reception', 'skipped', s.id, s.version, month],
      queryFn: async () =>
        unwrap(
          await api.POST('/api/v1/reception/schedules/preview', {
            body: {
              unitId: s.unitId,
              mode: s.mode,
              recurrence: s.recurrence as never,
              nonWorkingDayPolicy: s.nonWorkingDayPolicy,
              validFrom: s.validFrom > first ? s.validFrom : first,
              validUntil: s.validUntil < lastDayOf(month) ? s.validUntil : lastDayOf(month),
            },
          }),
        ).skipped.filter((k) => k.reason !== 'duplicate'),
    })),
  });
  const skippedKey = JSON.stringify(skipped.map((q) => q.data ?? []));
  const items = useMemo(
    () => monthItems(sessions.data?.items ?? [], (JSON.parse(skippedKey) as SkippedDay[][]).flat(), month),
    [sessions.data, skippedKey, month],
  );

  const refresh = () => void client.invalidateQueries({ queryKey: ['reception'] });
  const done = (title: string) => (session: Session, list: Warning[]) => {
    setDialog(null);
    setWarnings({ title: `${title} ${weekday(session.date)}, ${showDate(session.date)}.`, list });
    refresh();
  };

  return (
    <>
      <PageTitle
        extra={
          writer && (
            <Space wrap>
              <Button
                type="primary"
                disabled={!unitId || !places.data}
                onClick={() => setDialog({ type: 'schedule' })}
              >
                Thêm lịch
              </Button>
              <Button disabled={!unitId || !places.data} onClick={() => setDialog({ type: 'session' })}>
                Thêm buổi tiếp
              </Button>
            </Space>
          )
        }
      >
        Lịch tiếp công dân
      </PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <UnitPicker value={unitId} onChange={setUnitId} />
      </Space>
      {warnings && (
        <Alert
          type={warnings.list.length ? 'warning' : 'success'}
          showIcon
          role="status"
          data-testid="command-result"
          style={{ marginBottom: 16 }}
          title={warnings.title}
          description={
            warnings.list.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {warnings.list.map((w, i) => (
                  <li key={i} data-code={w.code}>
                    {warningText(w)}
                  </li>
                ))}
              </ul>
            )
          }
          closable={{ 'aria-label': 'Đóng' }}
          onClose={() => setWarnings(null)}
        />
      )}
      <FlaggedCard
        rows={flagged.data?.items ?? []}
        writer={writer}
        onPostpone={(s) =>
          setDialog({
            type: 'postpone',
            session: s,
            suggested: { date: s.suggestedDate, reason: dayOffReason(s) },
          })
        }
        onCancel={(s) => setDialog({ type: 'cancel', session: s, reason: dayOffReason(s) })}
        onOpen={setOpen}
      />
      <Card title={<h2 style={h2}>Lịch {monthText(month)}</h2>} style={{ marginBottom: 16 }}>
        <Space wrap style={{ marginBottom: 12 }} role="group" aria-label="Chọn tháng">
          <Button onClick={() => setMonth(shiftMonth(month, -1))}>‹ Tháng trước</Button>
          <Button onClick={() => setMonth(today.slice(0, 7))}>Tháng này</Button>
          <Button onClick={() => setMonth(shiftMonth(month, 1))}>Tháng sau ›</Button>
        </Space>
        <QueryState query={sessions}>
          {() => <MonthGrid month={month} items={items} today={today} onOpen={setOpen} />}
        </QueryState>
        <ul className="rc-legend" aria-label="Chú thích">
          <li>
            <span className="rc-item rc-normal">Theo lịch</span>
          </li>
          <li>
            <span className="rc-item rc-moved">Đã dời (ngày nghỉ)</span>
          </li>
          <li>
            <span className="rc-item rc-postponed">Lịch mới (hoãn)</span>
          </li>
          <li>
            <span className="rc-item rc-cancelled">Đã hủy</span>
          </li>
          <li>
            <span className="rc-item rc-conflict">Trùng ngày nghỉ mới</span>
          </li>
          <li>
            <span className="rc-ghost">Ngày bị dời đi hoặc bỏ</span>
          </li>
        </ul>
      </Card>
      <SchedulesCard
        query={schedules}
        places={places.data ?? []}
        writer={writer}
        onEnd={(s) => setDialog({ type: 'end', schedule: s })}
      />

      {open && (
        <SessionPanel
          sessionId={open}
          writer={writer}
          onClose={() => setOpen(null)}
          onAction={(action, s) => {
            setOpen(null);
            setDialog(action === 'edit' ? { type: 'session', session: s } : { type: action, session: s });
          }}
        />
      )}
      {dialog?.type === 'schedule' && unitId && (
        <ScheduleDialog
          unitId={unitId}
          places={places.data ?? []}
          onClose={() => setDialog(null)}
          onDone={(r) => {
            setDialog(null);
            setWarnings({
              title: `Đã lưu lịch “${r.schedule.recurrenceText}”: ${r.sessionCount} buổi tiếp${r.postedLateCount ? `, ${r.postedLateCount} buổi đăng muộn` : ''}.`,
              list: r.warnings,
            });
            refresh();
          }}
        />
      )}
      {dialog?.type === 'session' && unitId && (
        <SessionDialog
          unitId={unitId}
          session={dialog.session}
          places={places.data ?? []}
          onClose={() => setDialog(null)}
          onDone={done(dialog.session ? 'Đã sửa buổi tiếp' : 'Đã thêm buổi tiếp')}
        />
      )}
      {dialog?.type === 'postpone' && (
        <PostponeDialog
          session={dialog.session}
          suggested={dialog.suggested}
          onClose={() => setDialog(null)}
          onDone={done('Đã hoãn buổi tiếp sang')}
        />
      )}
      {dialog?.type === 'cancel' && (
        <CancelDialog
          session={dialog.session}
          suggestedReason={dialog.reason}
          onClose={() => setDialog(null)}
          onDone={done('Đã hủy buổi tiếp')}
        />
      )}
      {dialog?.type === 'end' && (
        <EndScheduleDialog
          schedule={dialog.schedule}
          onClose={() => setDialog(null)}
          onDone={(r) => {
            setDialog(null);
            setWarnings({ title: `Đã kết thúc lịch: ${r.sessionCount} buổi tiếp đã hủy.`, list: r.warnings });
            refresh();
          }}
        />
      )}
    </>
  );
}

function FlaggedCard({
  rows,
  writer,
  onPostpone,
  onCancel,
  onOpen,
}: {
  rows: Session[];
  writer: boolean;
  onPostpone: (s: Session) => void;
  onCancel: (s: Session) => void;
  onOpen: (id: string) => void;
}) {
  if (rows.length === 0) return null;
  return (
    <Card
      title={<h2 style={h2}>Buổi tiếp trùng ngày nghỉ mới ({rows.length})</h2>}
      style={{ marginBottom: 16, borderColor: '#ff7875' }}
      data-testid="flagged"
    >
      <p style={{ marginTop: 0 }}>
        Lịch làm việc vừa thay đổi: các buổi tiếp dưới đây rơi vào ngày nghỉ. Dời sang ngày làm việc kế tiếp
        hoặc hủy — lý do sẽ hiện trên lịch công khai.
      </p>
      <ul className="rc-flagged" aria-label="Buổi tiếp trùng ngày nghỉ mới">
        {rows.map((s) => (
          <li key={s.id}>
            <div>
              <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => onOpen(s.id)}>
                {weekday(s.date)}, {showDate(s.date)} {s.startTime}
              </Button>{' '}
              — {KIND_TEXT[s.kind]}
              <br />
              Ngày nghỉ: <span data-testid="conflict-reason">{reasonText(s.conflictReason)}</span>
            </div>
            {writer ? (
              <Space wrap>
                {s.suggestedDate && (
                  <Button size="small" type="primary" onClick={() => onPostpone(s)}>
                    Dời sang {showDate(s.suggestedDate)}
                  </Button>
                )}
                <Button size="small" danger onClick={() => onCancel(s)}>
                  Hủy buổi
                </Button>
              </Space>
            ) : (
              <span>Cán bộ quản lý lịch cần dời hoặc hủy buổi này.</span>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function SchedulesCard({
  query,
  places,
  writer,
  onEnd,
}: {
  query: UseQueryResult<Schedule[]>;
  places: Schemas['PlaceView'][];
  writer: boolean;
  onEnd: (s: Schedule) => void;
}) {
  const placeName = (id: string | null) => places.find((p) => p.id === id)?.name ?? '—';
  return (
    <Card title={<h2 style={h2}>Các lịch tiếp của đơn vị</h2>}>
      <QueryState query={query}>
        {(rows) =>
          rows.length === 0 ? (
            <p>Đơn vị chưa có lịch tiếp công dân.</p>
          ) : (
            <ScrollTable<Schedule>
              label="Các lịch tiếp công dân"
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={rows}
              columns={[
                {
                  title: 'Lịch',
                  render: (_, s) => (
                    <span data-testid="schedule-words">
                      {s.kind === 'periodic' ? 'Định kỳ' : 'Thường xuyên'}: {s.recurrenceText}
                      {s.mode === 'online' ? ' (trực tuyến)' : ''}
                    </span>
                  ),
                },
                {
                  title: 'Hiệu lực',
                  render: (_, s) => `${showDate(s.validFrom)} – ${showDate(s.validUntil)}`,
                },
                {
                  title: 'Giờ',
                  render: (_, s) => s.slots.map((t) => `${t.startTime}–${t.endTime}`).join(', '),
                },
                {
                  title: 'Người tiếp, nơi tiếp',
                  render: (_, s) =>
                    [s.receiverName, s.mode === 'online' ? 'trực tuyến' : placeName(s.placeId)]
                      .filter(Boolean)
                      .join(' — '),
                },
                {
                  title: 'Ngày nghỉ',
                  render: (_, s) =>
                    s.nonWorkingDayPolicy === 'skip' ? 'Bỏ buổi' : 'Dời sang ngày làm việc kế tiếp',
                },
                {
                  title: 'Trạng thái',
                  render: (_, s) =>
                    s.active ? (
                      <Tag style={GREEN}>Đang áp dụng</Tag>
                    ) : (
                      <Tag style={ORANGE} title={s.endReason ?? undefined}>
                        Kết thúc từ {showDate(s.endedFrom)}
                      </Tag>
                    ),
                },
                ...(writer
                  ? [
                      {
                        title: 'Thao tác',
                        render: (_: unknown, s: Schedule) =>
                          s.active && (
                            <Button
                              size="small"
                              onClick={() => onEnd(s)}
                              aria-label={`Kết thúc lịch ${s.recurrenceText}`}
                            >
                              Kết thúc
                            </Button>
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
  );
}

function EndScheduleDialog({
  schedule,
  onClose,
  onDone,
}: {
  schedule: Schedule;
  onClose: () => void;
  onDone: (r: Schemas['ScheduleCommandResult']) => void;
}) {
  const [form] = Form.useForm<{ from: Dayjs; reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async (v: { from: Dayjs; reason: string }) =>
      unwrap(
        await api.POST('/api/v1/reception/schedules/{id}/end', {
          params: { path: { id: schedule.id } },
          body: { version: schedule.version, from: v.from.format('YYYY-MM-DD'), reason: v.reason },
        }),
      ),
    onSuccess: onDone,
    onError: (e) => {
      const fields = formFieldErrors(e);
      if (fields.length) form.setFields(fields as never);
      setError(errorText(e));
    },
  });
  return (
    <Modal
      open
      title={`Kết thúc lịch “${schedule.recurrenceText}”`}
      okText="Kết thúc lịch"
      okButtonProps={{ danger: true }}
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 12 }} />}
      <p>Các buổi tiếp từ ngày này trở đi sẽ bị hủy, lý do hiện trên lịch công khai.</p>
      <Form
        form={form}
        layout="vertical"
        name="ket-thuc-lich"
        aria-label="Kết thúc lịch"
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item label="Từ ngày" name="from" rules={[{ required: true, message: 'Chọn ngày' }]}>
          <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.format('YYYY-MM-DD') < todayInVietnam()} />
        </Form.Item>
        <Form.Item
          label="Lý do (công khai)"
          name="reason"
          rules={[{ required: true, min: 3, message: 'Cần nêu lý do (ít nhất 3 ký tự)' }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
