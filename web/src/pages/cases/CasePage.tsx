import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, message as antMessage, Space } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCan, useUnit } from '../../auth/me';
import { DueTag } from '../../components/DueTag';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { LightTable } from '../../components/LightTable';
import { showDate } from '../../lib/dates';
import { CASE_STATE, CASE_TRACK } from './case-labels';
import { CaseAssignment } from './CaseAssignment';
import { caseQuery, type AnyCase } from './case-query';
import { CaseDocuments } from './CaseDocuments';
import { CaseEnforcement, hasEnforcement } from './CaseEnforcement';
import { CaseFlagsForm, CaseFlagsSummary } from './CaseFlags';
import { PURPOSE, STEP, stepForm, type CaseKind } from './step-forms';
import { deadlineStatusText } from '../../lib/deadline-status';

// Not with the page: a step's form (date picker, select) and a denunciation's identity panel.
const loadStepForm = () => import('./CaseStepForm');
const CaseStepForm = lazy(loadStepForm);
const CaseIdentitySection = lazy(() =>
  import('../identity/CaseIdentitySection').then((m) => ({ default: m.CaseIdentitySection })),
);

/**
 * A case's page (issue 17): header with flags and deadlines, the timeline of steps, and the next steps
 * the lifecycle allows now and the officer's authority permits, each as a form with exactly its fields.
 */
export default function CasePage({ kind }: { kind: CaseKind }) {
  const { id } = useParams() as { id: string };
  const query = useQuery(caseQuery(kind, id));
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
      {'complexity' in c && (
        <Suspense fallback={null}>
          <CaseIdentitySection c={c} />
        </Suspense>
      )}
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
      <LightTable
        label="Thời hạn của hồ sơ"
        rowKey={(d) => d.id}
        rows={c.deadlines}
        columns={[
          { title: 'Việc', render: (d) => `${PURPOSE[d.purpose] ?? d.purpose} (${d.ruleId})` },
          { title: 'Tính từ', render: (d) => showDate(d.triggerDate) },
          {
            title: 'Hạn',
            render: (d) =>
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
            render: (d) => (d.internalTarget ? showDate(d.internalTarget) : '—'),
          },
          {
            title: 'Tình trạng',
            render: (d) =>
              `${deadlineStatusText(d.purpose, d.status)}${d.settledOn ? ` ngày ${showDate(d.settledOn)}` : ''}${
                d.pausedSince ? ` từ ${showDate(d.pausedSince)}` : ''
              }`,
          },
          {
            title: 'Cách tính',
            render: (d) => (
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
  const [message, messages] = antMessage.useMessage();
  // The forms' code (date picker, select) loads when a step is about to be chosen, or once idle.
  useEffect(() => {
    const idle = window.setTimeout(() => void loadStepForm(), 1500);
    return () => window.clearTimeout(idle);
  }, []);
  // Steps the lifecycle allows now (the API's nextSteps) that this officer's authority permits.
  const steps = (c.nextSteps as string[]).filter((s) =>
    stepForm(kind, s).head ? can('cases:manage') : can('cases:handle'),
  );
  const shape = event ? stepForm(kind, event) : null;

  return (
    <Card title={<h2 style={h2}>Bước tiếp theo</h2>} style={{ marginBottom: 16 }}>
      {messages}
      {steps.length === 0 && <p>Không có bước nào bạn có thể thực hiện lúc này.</p>}
      <Space
        wrap
        style={{ marginBottom: 12 }}
        role="group"
        aria-label="Các bước được phép"
        onPointerEnter={() => void loadStepForm()}
        onFocus={() => void loadStepForm()}
      >
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
      {event && shape && (
        <Suspense fallback={<p>Đang mở biểu mẫu…</p>}>
          <CaseStepForm
            key={event}
            kind={kind}
            caseId={c.id}
            event={event}
            shape={shape}
            version={version}
            setVersion={setVersion}
            reload={reload}
            message={message}
            onSaved={() => setEvent(null)}
          />
        </Suspense>
      )}
      {steps.length > 0 && !event && (
        <Alert type="info" showIcon title="Chọn một bước để mở biểu mẫu của bước đó." />
      )}
    </Card>
  );
}

const h2 = { fontSize: 16, margin: 0 } as const;
