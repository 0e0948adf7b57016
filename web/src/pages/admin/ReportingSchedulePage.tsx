import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  type FormInstance,
} from 'antd';
import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { ApiError, errorText, fieldMessage, unwrap } from '../../api/errors';
import { ConflictAlert } from '../../components/ConflictAlert';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { showDate } from '../../lib/dates';
import { useScopeUnits } from '../../lib/units';
import { CUTOFF_TEXT } from '../oversight/labels';

type Schedule = Schemas['ReportingScheduleView'];
type Kind = Schemas['ScheduledReportDto']['kind'];
type RuleType = Schemas['DeadlineRuleDto']['type'];

const KINDS: { kind: Kind; text: string }[] = [
  { kind: 'month', text: 'Báo cáo tháng' },
  { kind: 'quarter', text: 'Báo cáo quý' },
  { kind: 'six_months', text: 'Báo cáo 6 tháng' },
  { kind: 'nine_months', text: 'Báo cáo 9 tháng' },
  { kind: 'year', text: 'Báo cáo năm' },
];
const RECIPIENTS = [
  { value: 'inspectorate_leader', label: 'Lãnh đạo thanh tra của cơ quan' },
  { value: 'unit_head', label: 'Thủ trưởng cơ quan' },
];
const AGENCY_KINDS = new Set(['province', 'commune', 'agency']);

/** One line of the form per kind of report: owed or not, and its one rule ("per period" rules are kept as they are). */
interface ReportLine {
  owed: boolean;
  type: RuleType;
  day?: number | null;
  month?: number | null;
  nextYear?: boolean;
  days?: number | null;
  source?: string;
  unconfirmed?: boolean;
  /** Rules per period (12 months, 4 quarters) from the API: not edited here, sent back unchanged. */
  rules?: Schemas['DeadlineRuleDto'][];
}
interface Values {
  enabled: boolean;
  cutoff: Schedule['cutoff'];
  reports: ReportLine[];
  remindDaysBefore: string;
  recipients: Schedule['recipients'];
}

function toValues(s: Schedule): Values {
  return {
    enabled: s.enabled,
    cutoff: s.cutoff,
    remindDaysBefore: s.remindDaysBefore.join(', '),
    recipients: s.recipients,
    reports: KINDS.map(({ kind }) => {
      const r = s.reports.find((x) => x.kind === kind);
      if (!r) return { owed: false, type: 'days_after_window', days: 10, source: '' };
      if (!r.rule) return { owed: true, type: 'before', source: '', rules: r.rules };
      return {
        owed: true,
        type: r.rule.type,
        day: r.rule.day ?? null,
        month: r.rule.month ?? null,
        nextYear: r.rule.yearOffset === 1,
        days: r.rule.days ?? null,
        source: r.rule.source,
        unconfirmed: r.rule.unconfirmed ?? false,
      };
    }),
  };
}

/** The body to send, and for each report sent the form line it came from (to place the API's field errors). */
function toBody(v: Values, version: number) {
  const lines: number[] = [];
  const reports: Schemas['ScheduledReportDto'][] = [];
  v.reports.forEach((line, i) => {
    if (!line.owed) return;
    lines.push(i);
    const kind = KINDS[i].kind;
    if (line.rules) return void reports.push({ kind, rules: line.rules });
    const common = { type: line.type, source: line.source ?? '', unconfirmed: line.unconfirmed || undefined };
    reports.push({
      kind,
      rule:
        line.type === 'before'
          ? {
              ...common,
              day: line.day ?? undefined,
              month: line.month ?? undefined,
              yearOffset: line.nextYear ? 1 : 0,
            }
          : { ...common, days: line.days ?? undefined },
    });
  });
  // A token that is not a whole number is sent as typed: the API names it (remindDaysBefore.N).
  const remindDaysBefore = v.remindDaysBefore
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((t) => (/^\d+$/.test(t) ? Number(t) : t)) as number[];
  return {
    lines,
    body: {
      version,
      enabled: v.enabled,
      cutoff: v.cutoff,
      reports,
      remindDaysBefore,
      recipients: v.recipients,
    },
  };
}

/** The API's `reports[j].rule.day` → the form's ['reports', line, 'day']. */
function placeErrors(form: FormInstance<Values>, error: unknown, lines: number[]) {
  if (!(error instanceof ApiError)) return;
  const fields = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const d of error.details) {
    const parts = d.field.split(/[.[\]]+/).filter(Boolean);
    let name: (string | number)[];
    if (parts[0] === 'reports' && /^\d+$/.test(parts[1] ?? '')) {
      const line = lines[Number(parts[1])] ?? 0;
      // `reports[j].rule` alone: a day/month that does not exist (31/02), said beside the day.
      const leaf = parts[2] === 'rule' ? (parts[3] ?? 'day') : 'source';
      name = ['reports', line, leaf === 'yearOffset' ? 'nextYear' : leaf];
    } else if (['remindDaysBefore', 'recipients', 'cutoff', 'enabled'].includes(parts[0])) {
      name = [parts[0]];
    } else continue;
    const key = name.join('.');
    const entry = fields.get(key) ?? { name, errors: [] };
    const text = /valid day\/month/.test(d.message)
      ? 'Ngày và tháng này không có trong năm (ví dụ 31/02)'
      : name[0] === 'remindDaysBefore'
        ? 'Nhập các số ngày nguyên, cách nhau bằng dấu phẩy (ví dụ 10, 3, 1, 0)'
        : fieldMessage(d.message);
    if (!entry.errors.includes(text)) entry.errors.push(text);
    fields.set(key, entry);
  }
  form.setFields([...fields.values()] as Parameters<typeof form.setFields>[0]);
}

/**
 * An agency's reporting schedule (docs/reports.md "Reminders"): which reports it owes, by when, how many
 * days ahead and whom to remind; the deadlines of the next 12 months as the API computes them. Saving is
 * audited by the API; a 409 keeps what was typed.
 */
export default function ReportingSchedulePage() {
  const units = useScopeUnits();
  const agencies = (units.data ?? []).filter((u) => AGENCY_KINDS.has(u.kind));
  const [unitId, setUnitId] = useState<string | null>(null);
  const chosen = unitId ?? agencies[0]?.id ?? null;
  return (
    <>
      <PageTitle>Lịch báo cáo định kỳ</PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <label htmlFor="co-quan" style={{ display: 'block', marginBottom: 4 }}>
          Cơ quan
        </label>
        <Select
          id="co-quan"
          style={{ width: '100%', maxWidth: 480 }}
          value={chosen ?? undefined}
          loading={units.isLoading}
          onChange={setUnitId}
          options={agencies.map((u) => ({ value: u.id, label: u.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Card>
      {chosen && <ScheduleEditor key={chosen} unitId={chosen} />}
    </>
  );
}

function ScheduleEditor({ unitId }: { unitId: string }) {
  const [form] = Form.useForm<Values>();
  const schedule = useQuery({
    queryKey: ['reporting-schedule', unitId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/reporting-schedules/{unitId}', { params: { path: { unitId } } })),
  });
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const [version, setVersion] = useState<number | null>(null);
  useEffect(() => {
    if (schedule.data && version === null) {
      form.setFieldsValue(toValues(schedule.data));
      setVersion(schedule.data.version);
    }
  }, [schedule.data, version, form]);
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const { lines, body } = toBody(v, version ?? 0);
      try {
        return unwrap(
          await api.PUT('/api/v1/reporting-schedules/{unitId}', { params: { path: { unitId } }, body }),
        );
      } catch (error) {
        placeErrors(form, error, lines);
        throw error;
      }
    },
    onMutate: () => {
      setSaved(false);
      setConflict(false);
      // The last answer's field errors go: this one's are placed afresh.
      form.setFields(
        form
          .getFieldsError()
          .filter((f) => f.errors.length > 0)
          .map((f) => ({ name: f.name, errors: [] })) as unknown as Parameters<typeof form.setFields>[0],
      );
    },
    onSuccess: (s) => {
      setVersion(s.version);
      setSaved(true);
      void schedule.refetch();
    },
    onError: (error) => setConflict(error instanceof ApiError && error.status === 409),
  });
  const reload = async () => {
    const fresh = await schedule.refetch();
    if (fresh.data) setVersion(fresh.data.version);
    setConflict(false);
  };
  return (
    <QueryState query={schedule}>
      {(s) => (
        <>
          {conflict && <ConflictAlert onReload={() => void reload()} />}
          {save.isError && !conflict && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginBottom: 16 }}
              title={errorText(save.error)}
            />
          )}
          {saved && (
            <Alert
              type="success"
              showIcon
              role="status"
              style={{ marginBottom: 16 }}
              title="Đã lưu lịch báo cáo."
            />
          )}
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>Lịch và nhắc hạn</h2>}
            extra={s.configured ? `Phiên bản ${version ?? s.version}` : 'Đang dùng mặc định'}
            style={{ marginBottom: 16 }}
          >
            <Form
              form={form}
              layout="vertical"
              onFinish={() => save.mutate(form.getFieldsValue(true) as Values)}
              requiredMark={false}
            >
              <Form.Item name="enabled" label="Gửi nhắc hạn cho cơ quan này" valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item name="cutoff" label="Mốc chốt số liệu">
                <Select options={Object.entries(CUTOFF_TEXT).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend style={{ fontSize: 14, marginBottom: 8 }}>Các báo cáo phải nộp và hạn nộp</legend>
                {KINDS.map((k, i) => (
                  <ReportLineFields key={k.kind} index={i} text={k.text} form={form} />
                ))}
              </fieldset>
              <Form.Item
                name="remindDaysBefore"
                label="Nhắc trước hạn (số ngày, cách nhau bằng dấu phẩy; 0 = đúng ngày cuối)"
              >
                <Input inputMode="numeric" />
              </Form.Item>
              <Form.Item name="recipients" label="Người nhận nhắc hạn">
                <Checkbox.Group options={RECIPIENTS} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                Lưu lịch báo cáo
              </Button>
            </Form>
          </Card>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>Hạn nộp trong 12 tháng tới</h2>}>
            <ScrollTable<Schemas['UpcomingDeadlineView']>
              label="Hạn nộp trong 12 tháng tới"
              data-testid="upcoming"
              size="small"
              pagination={false}
              rowKey={(u) => `${u.kind}-${u.year}-${u.index ?? ''}`}
              dataSource={s.upcoming}
              locale={{ emptyText: 'Không có báo cáo nào đến hạn.' }}
              columns={[
                { title: 'Báo cáo', render: (_, u) => u.label },
                {
                  title: 'Hạn nộp',
                  render: (_, u) =>
                    `Trước ngày ${showDate(u.dueBefore)}${u.unconfirmed ? ' (chưa xác nhận)' : ''}`,
                },
                { title: 'Ngày cuối', render: (_, u) => showDate(u.lastDay) },
                { title: 'Ngày nhắc', render: (_, u) => u.reminderDays.map(showDate).join(', ') || '—' },
                { title: 'Căn cứ', render: (_, u) => u.source },
              ]}
            />
          </Card>
        </>
      )}
    </QueryState>
  );
}

function ReportLineFields({
  index,
  text,
  form,
}: {
  index: number;
  text: string;
  form: FormInstance<Values>;
}) {
  const owed = Form.useWatch(['reports', index, 'owed'], form);
  const type = Form.useWatch(['reports', index, 'type'], form);
  const rules = Form.useWatch(['reports', index, 'rules'], form) as ReportLine['rules'];
  const name = (field: keyof ReportLine) => ['reports', index, field];
  return (
    <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8, marginBottom: 8 }}>
      <Form.Item name={name('owed')} valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>{text}</Checkbox>
      </Form.Item>
      {owed && rules && <p>Hạn nộp đặt riêng cho từng kỳ ({rules.length} kỳ): giữ nguyên khi lưu.</p>}
      {owed && !rules && (
        <Space wrap align="start">
          <Form.Item name={name('type')} label={`Cách tính hạn — ${text}`}>
            <Select
              style={{ width: 220 }}
              options={[
                { value: 'days_after_window', label: 'Số ngày sau khi hết kỳ' },
                { value: 'before', label: 'Trước một ngày cố định' },
              ]}
            />
          </Form.Item>
          {type === 'before' ? (
            <>
              <Form.Item name={name('day')} label={`Ngày — ${text}`}>
                <InputNumber min={1} max={31} />
              </Form.Item>
              <Form.Item name={name('month')} label={`Tháng — ${text}`}>
                <InputNumber min={1} max={12} />
              </Form.Item>
              <Form.Item name={name('nextYear')} valuePropName="checked" label={`Năm sau — ${text}`}>
                <Checkbox>của năm sau</Checkbox>
              </Form.Item>
            </>
          ) : (
            <Form.Item name={name('days')} label={`Số ngày — ${text}`}>
              <InputNumber min={0} max={366} />
            </Form.Item>
          )}
          <Form.Item name={name('source')} label={`Căn cứ (văn bản) — ${text}`}>
            <Input style={{ width: 'min(320px, 75vw)' }} />
          </Form.Item>
          <Form.Item name={name('unconfirmed')} valuePropName="checked" label={`Chưa xác nhận — ${text}`}>
            <Checkbox>chưa xác nhận</Checkbox>
          </Form.Item>
        </Space>
      )}
    </div>
  );
}
