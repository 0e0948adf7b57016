import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  message as antMessage,
  Select,
  Space,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { ApiError, errorText, formFieldErrors, unwrap } from '../../api/errors';
import { useCan, useUnit } from '../../auth/me';
import { ConflictAlert } from '../../components/ConflictAlert';
import { DueTag } from '../../components/DueTag';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { showDate, todayInVietnam } from '../../lib/dates';
import { CaseIdentitySection } from '../identity/CaseIdentitySection';
import { CASE_STATE, CASE_TRACK } from './case-labels';
import { CaseAssignment } from './CaseAssignment';
import { CaseDocuments } from './CaseDocuments';
import { CaseEnforcement, hasEnforcement } from './CaseEnforcement';
import { CaseFlagsForm, CaseFlagsSummary } from './CaseFlags';
import { DEADLINE_STATUS, OUTCOME, PURPOSE, STEP, stepForm, type CaseKind } from './step-forms';

type AnyCase = Schemas['CaseView'] | Schemas['DenunciationCaseView'];

async function fetchCase(kind: CaseKind, id: string): Promise<AnyCase> {
  return kind === 'complaint'
    ? unwrap(await api.GET('/api/v1/complaint-cases/{id}', { params: { path: { id } } }))
    : unwrap(await api.GET('/api/v1/denunciation-cases/{id}', { params: { path: { id } } }));
}

/**
 * A case's page (issue 17): header with flags and deadlines, the timeline of steps, and the next steps
 * the lifecycle allows now and the officer's authority permits, each as a form with exactly its fields.
 */
export default function CasePage({ kind }: { kind: CaseKind }) {
  const { id } = useParams() as { id: string };
  const query = useQuery({ queryKey: ['case', kind, id], queryFn: () => fetchCase(kind, id) });
  return (
    <QueryState query={query}>
      {(c) => <CaseView kind={kind} c={c} reload={async () => (await query.refetch()).data?.version} />}
    </QueryState>
  );
}

function CaseView({
  kind,
  c,
  reload,
}: {
  kind: CaseKind;
  c: AnyCase;
  reload: () => Promise<number | undefined>;
}) {
  const unit = useUnit(c.unitId);
  const kindName = kind === 'complaint' ? 'Hồ sơ khiếu nại' : 'Hồ sơ tố cáo';
  return (
    <>
      <PageTitle>{`${kindName} ${c.caseNumber}`}</PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="Trích yếu">{c.subject}</Descriptions.Item>
          <Descriptions.Item label="Diện">{CASE_TRACK[c.track] ?? c.track}</Descriptions.Item>
          <Descriptions.Item label="Trạng thái">
            <strong data-testid="case-state">{CASE_STATE[c.state] ?? c.state}</strong>
          </Descriptions.Item>
          <Descriptions.Item label="Đơn vị">{unit.data?.name ?? '…'}</Descriptions.Item>
          <Descriptions.Item label="Ngày nhận đơn">{showDate(c.receivedOn)}</Descriptions.Item>
          <Descriptions.Item label="Người xử lý">
            {c.handlerUserId ? 'Đã giao' : 'Chưa giao'}
          </Descriptions.Item>
          <Descriptions.Item label="Đơn">
            <Link to={`/don/${c.letterId}`}>Mở đơn</Link>
          </Descriptions.Item>
          <Descriptions.Item label={'remote' in c ? 'Đặc điểm' : 'Mức độ phức tạp'}>
            <CaseFlagsSummary c={c} />
          </Descriptions.Item>
          {hasEnforcement(c.state) && (
            <Descriptions.Item label="Thi hành">
              <CaseEnforcement caseId={c.id} state={c.state} />
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {'complexity' in c && <CaseIdentitySection c={c} />}
      <Deadlines c={c} />
      <NextSteps kind={kind} c={c} reload={reload} />
      <CaseDocuments kind={kind} caseId={c.id} />
      <CaseAssignment kind={kind} c={c} reload={reload} />
      <CaseFlagsForm kind={kind} c={c} reload={reload} />
      <Timeline c={c} />
    </>
  );
}

function Deadlines({ c }: { c: AnyCase }) {
  return (
    <Card title={<h2 style={h2}>Thời hạn</h2>} style={{ marginBottom: 16 }}>
      <ScrollTable
        label="Thời hạn của hồ sơ"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.deadlines}
        columns={[
          { title: 'Việc', render: (_, d) => `${PURPOSE[d.purpose] ?? d.purpose} (${d.ruleId})` },
          { title: 'Tính từ', render: (_, d) => showDate(d.triggerDate) },
          {
            title: 'Hạn',
            render: (_, d) =>
              d.status === 'open' ? (
                <span data-testid={`due-${d.purpose}`}>
                  <DueTag due={d.dueDate} unitId={c.unitId} />
                </span>
              ) : (
                <span data-testid={`due-${d.purpose}`}>{showDate(d.dueDate)}</span>
              ),
          },
          {
            title: 'Mục tiêu nội bộ',
            render: (_, d) => (d.internalTarget ? showDate(d.internalTarget) : '—'),
          },
          {
            title: 'Tình trạng',
            render: (_, d) =>
              `${DEADLINE_STATUS[d.status] ?? d.status}${d.settledOn ? ` ngày ${showDate(d.settledOn)}` : ''}${
                d.pausedSince ? ` từ ${showDate(d.pausedSince)}` : ''
              }`,
          },
          {
            title: 'Cách tính',
            render: (_, d) => (
              <details>
                <summary>Xem cách tính</summary>
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {d.explanation.vi.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </details>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Timeline({ c }: { c: AnyCase }) {
  return (
    <Card title={<h2 style={h2}>Diễn biến</h2>} style={{ marginBottom: 16 }}>
      <ol data-testid="timeline" style={{ paddingLeft: 20, margin: 0 }}>
        {c.events.map((e) => (
          <li key={e.sequence} style={{ marginBottom: 8 }}>
            <strong>{showDate(e.date)}</strong> — {STEP[e.event] ?? e.event}
            {e.fromState
              ? ` (${CASE_STATE[e.fromState] ?? e.fromState} → ${CASE_STATE[e.toState] ?? e.toState})`
              : ''}
            <div style={{ color: 'rgba(0,0,0,0.65)' }}>
              {[
                e.documentRef ? `Văn bản số ${e.documentRef}` : null,
                e.legalBasis ? `Căn cứ: ${e.legalBasis}` : null,
                e.note ? `Ghi chú: ${e.note}` : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}

interface StepValues {
  date: Dayjs;
  documentRef?: string;
  legalBasis: string;
  note?: string;
  outcome?: 'right' | 'partly_right' | 'wrong';
  signsOfViolation?: boolean;
  dialogueOn?: Dayjs;
}

function NextSteps({
  kind,
  c,
  reload,
}: {
  kind: CaseKind;
  c: AnyCase;
  reload: () => Promise<number | undefined>;
}) {
  const can = useCan();
  const [event, setEvent] = useState<string | null>(null);
  const [version, setVersion] = useState(c.version);
  // The case saved elsewhere on the page (assignment, flags): its forms carry the new version.
  useEffect(() => setVersion(c.version), [c.version]);
  const [conflict, setConflict] = useState(false);
  const [form] = Form.useForm<StepValues>();
  const [message, messages] = antMessage.useMessage();
  const client = useQueryClient();
  // Steps the lifecycle allows now (the API's nextSteps) that this officer's authority permits.
  const steps = (c.nextSteps as string[]).filter((s) =>
    stepForm(kind, s).head ? can('cases:manage') : can('cases:handle'),
  );
  const shape = event ? stepForm(kind, event) : null;
  const save = useMutation({
    mutationFn: async (v: StepValues) => {
      const body = {
        event,
        date: v.date.format('YYYY-MM-DD'),
        documentRef: v.documentRef || undefined,
        legalBasis: v.legalBasis,
        note: v.note || undefined,
        outcome: shape?.outcome ? v.outcome : undefined,
        signsOfViolation: shape?.signsOfViolation ? !!v.signsOfViolation : undefined,
        dialogueOn: shape?.dialogueDay && v.dialogueOn ? v.dialogueOn.format('YYYY-MM-DD') : undefined,
        version,
      };
      return kind === 'complaint'
        ? unwrap(
            await api.POST('/api/v1/complaint-cases/{id}/transitions', {
              params: { path: { id: c.id } },
              body: body as Schemas['TransitionDto'],
            }),
          )
        : unwrap(
            await api.POST('/api/v1/denunciation-cases/{id}/transitions', {
              params: { path: { id: c.id } },
              body: body as Schemas['DenunciationTransitionDto'],
            }),
          );
    },
    onSuccess: (fresh) => {
      client.setQueryData(['case', kind, c.id], fresh);
      setVersion(fresh.version);
      setEvent(null);
      form.resetFields();
      void client.invalidateQueries({ queryKey: ['work-items'] });
      message.success('Đã ghi bước xử lý.');
    },
    onError: (error) => {
      if (error instanceof ApiError && error.isConflict) return setConflict(true);
      const fields = formFieldErrors(error);
      if (fields.length) form.setFields(fields as never);
      message.error(
        error instanceof ApiError && !fields.length
          ? `${errorText(error)} (${error.message})`
          : errorText(error),
      );
    },
  });

  return (
    <Card title={<h2 style={h2}>Bước tiếp theo</h2>} style={{ marginBottom: 16 }}>
      {messages}
      {steps.length === 0 && <p>Không có bước nào bạn có thể thực hiện lúc này.</p>}
      <Space wrap style={{ marginBottom: 12 }} role="group" aria-label="Các bước được phép">
        {steps.map((s) => (
          <Button
            key={s}
            type={s === event ? 'primary' : 'default'}
            aria-pressed={s === event}
            onClick={() => setEvent(s)}
          >
            {STEP[s] ?? s}
          </Button>
        ))}
      </Space>
      {conflict && (
        <ConflictAlert
          onReload={() =>
            void reload().then((fresh) => {
              if (fresh) setVersion(fresh);
              setConflict(false);
            })
          }
        />
      )}
      {event && shape && (
        <Form<StepValues>
          form={form}
          layout="vertical"
          name="case-step"
          aria-label={STEP[event] ?? event}
          initialValues={{ date: dayjs(todayInVietnam()), dialogueOn: dayjs(todayInVietnam()) }}
          onFinish={(v) => save.mutate(v)}
        >
          <h3 style={{ fontSize: 15 }}>{STEP[event] ?? event}</h3>
          <Form.Item label="Ngày" name="date" rules={[{ required: true, message: 'Chọn ngày' }]}>
            <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.format('YYYY-MM-DD') > todayInVietnam()} />
          </Form.Item>
          {shape.document && (
            <Form.Item
              label="Số văn bản"
              name="documentRef"
              rules={[{ required: true, message: 'Nhập số văn bản' }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          )}
          {shape.dialogueDay && (
            <Form.Item
              label="Ngày đối thoại"
              name="dialogueOn"
              extra="Có thể là ngày sắp tới; giấy mời phải gửi chậm nhất 05 ngày trước ngày đối thoại (Nghị định 124/2020, Điều 28)."
              rules={[{ required: true, message: 'Chọn ngày đối thoại' }]}
            >
              <DatePicker
                format="DD/MM/YYYY"
                disabledDate={(d) => d.format('YYYY-MM-DD') < todayInVietnam()}
              />
            </Form.Item>
          )}
          {shape.outcome && (
            <Form.Item
              label="Kết luận nội dung"
              name="outcome"
              rules={[{ required: true, message: 'Chọn kết luận' }]}
            >
              <Select options={Object.entries(OUTCOME).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          )}
          {shape.signsOfViolation && (
            <Form.Item name="signsOfViolation" valuePropName="checked">
              <Checkbox>Có dấu hiệu vi phạm pháp luật: tiếp tục giải quyết</Checkbox>
            </Form.Item>
          )}
          <Form.Item
            label="Căn cứ pháp lý"
            name="legalBasis"
            rules={[{ required: true, min: 3, message: 'Nhập căn cứ pháp lý' }]}
          >
            <Input maxLength={500} />
          </Form.Item>
          {shape.note && (
            <Form.Item label="Lý do" name="note" rules={[{ required: true, message: 'Nhập lý do' }]}>
              <Input.TextArea maxLength={2000} rows={3} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            Ghi bước “{STEP[event] ?? event}”
          </Button>
        </Form>
      )}
      {conflict === false && steps.length > 0 && !event && (
        <Alert type="info" showIcon title="Chọn một bước để mở biểu mẫu của bước đó." />
      )}
    </Card>
  );
}

const h2 = { fontSize: 16, margin: 0 } as const;
