import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  message as antMessage,
  Radio,
  Select,
  Space,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { ApiError, errorText, formFieldErrors, unwrap } from '../../api/errors';
import { useCan } from '../../auth/me';
import { ConflictAlert } from '../../components/ConflictAlert';
import { DueTag } from '../../components/DueTag';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { showDate, showDateTime, todayInVietnam } from '../../lib/dates';
import { useScopeUnits } from '../../lib/units';
import { fileSize } from '../cases/CaseDocuments';
import { ENFORCEMENT_STATUS_TEXT } from '../oversight/labels';

type RecordView = Schemas['RecordView'];
type Obligation = RecordView['obligations'][number];
type Update = Obligation['updates'][number];

/** Who must do what (NĐ 124/2020 art. 31; LTC art. 36): the obligation kinds of the API. */
export const OBLIGATION_KIND_TEXT: Record<Obligation['kind'], string> = {
  restore_rights: 'Khôi phục quyền, lợi ích hợp pháp',
  pay: 'Bồi thường, trả lại tiền, tài sản',
  revoke_decision: 'Hủy bỏ, sửa đổi quyết định hành chính',
  discipline: 'Xử lý kỷ luật, xử lý vi phạm',
  other: 'Nội dung khác',
};

const REPORTED_STATUS_TEXT: Record<'in_progress' | 'done' | 'blocked', string> = {
  in_progress: 'Đang thực hiện',
  done: 'Đã hoàn thành',
  blocked: 'Vướng mắc',
};

const h2 = { fontSize: 16, margin: 0 };

/**
 * The enforcement record of a legally effective complaint decision or a denunciation conclusion (issue
 * 17): its obligations (who does what by when: the statutory KN-11 / TC-6 or a date of the decision),
 * their progress reports with evidence files, the status derived from them, the monthly review.
 */
export default function EnforcementRecordPage() {
  const { id = '' } = useParams();
  const key = ['enforcement-record', id];
  const record = useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/enforcement-records/{id}', { params: { path: { id } } })),
  });
  return (
    <QueryState query={record}>
      {(r) => <RecordBody r={r} reload={async () => (await record.refetch()).data} />}
    </QueryState>
  );
}

function RecordBody({ r, reload }: { r: RecordView; reload: () => Promise<RecordView | undefined> }) {
  const can = useCan();
  const units = useScopeUnits();
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const today = todayInVietnam();
  const reviewDue = !!r.nextReviewOn && r.nextReviewOn <= today && r.status !== 'done';
  const caseLink = `/ho-so/${r.subjectType === 'complaint_case' ? 'khieu-nai' : 'to-cao'}/${r.subjectId}`;
  return (
    <>
      <PageTitle>Thi hành quyết định</PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            { key: 'title', label: 'Quyết định, kết luận', children: r.title },
            { key: 'ref', label: 'Số văn bản', children: r.decisionRef ?? '—' },
            {
              key: 'status',
              label: 'Tình trạng',
              children: (
                <strong data-testid="record-status">{ENFORCEMENT_STATUS_TEXT[r.status] ?? r.status}</strong>
              ),
            },
            { key: 'unit', label: 'Đơn vị chỉ đạo thi hành', children: unitName.get(r.unitId) ?? '—' },
            { key: 'opened', label: 'Mở hồ sơ thi hành', children: showDate(r.openedOn) },
            {
              key: 'review',
              label: 'Rà soát định kỳ hằng tháng',
              children: r.nextReviewOn ? (
                <span data-testid="next-review">
                  {showDate(r.nextReviewOn)}
                  {reviewDue && (
                    <Tag color="orange" style={{ marginLeft: 8 }}>
                      Đến kỳ rà soát
                    </Tag>
                  )}
                </span>
              ) : (
                '—'
              ),
            },
            { key: 'closed', label: 'Hoàn thành ngày', children: r.closedOn ? showDate(r.closedOn) : '—' },
            {
              key: 'case',
              label: 'Hồ sơ',
              children: <Link to={caseLink}>Mở hồ sơ giải quyết</Link>,
            },
          ]}
        />
      </Card>
      {r.obligations.length === 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Chưa có nghĩa vụ nào: xác định ai phải làm gì, hạn đến khi nào."
        />
      )}
      {r.obligations.map((o) => (
        <ObligationCard key={o.id} o={o} unitName={unitName.get(o.owningUnitId) ?? '—'} reload={reload} />
      ))}
      {can('enforcement:write') && r.status !== 'done' && <NewObligation r={r} reload={reload} />}
    </>
  );
}

function ObligationCard({
  o,
  unitName,
  reload,
}: {
  o: Obligation;
  unitName: string;
  reload: () => Promise<RecordView | undefined>;
}) {
  const can = useCan();
  return (
    <Card
      style={{ marginBottom: 16 }}
      title={
        <h2 style={h2}>
          Nghĩa vụ {o.position}: {OBLIGATION_KIND_TEXT[o.kind as Obligation['kind']] ?? o.kind}
        </h2>
      }
      data-testid={`obligation-${o.position}`}
    >
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        items={[
          { key: 'what', label: 'Nội dung', children: o.description },
          { key: 'who', label: 'Đơn vị thực hiện', children: unitName },
          {
            key: 'due',
            label: o.dueSource === 'engine' ? 'Hạn (theo luật)' : 'Hạn (theo quyết định)',
            children:
              o.status === 'done' ? (
                showDate(o.dueDate)
              ) : (
                <span data-testid={`due-${o.position}`}>
                  <DueTag due={o.dueDate} unitId={o.owningUnitId} />
                </span>
              ),
          },
          {
            key: 'status',
            label: 'Tình trạng',
            children: (
              <span data-testid={`obligation-status-${o.position}`}>
                {ENFORCEMENT_STATUS_TEXT[o.status] ?? o.status}
                {o.doneOn ? ` (ngày ${showDate(o.doneOn)})` : ''}
              </span>
            ),
          },
        ]}
      />
      <h3 style={{ fontSize: 15, marginTop: 16 }}>Báo cáo tiến độ</h3>
      {o.updates.length === 0 ? (
        <p>Chưa có báo cáo.</p>
      ) : (
        <ol style={{ paddingLeft: 20 }}>
          {o.updates.map((u) => (
            <li key={u.id} style={{ marginBottom: 8 }}>
              <strong>{showDate(u.reportedOn)}</strong> —{' '}
              {REPORTED_STATUS_TEXT[u.status as keyof typeof REPORTED_STATUS_TEXT] ?? u.status}: {u.note}
              <Evidence u={u} canAdd={can('enforcement:write')} reload={reload} />
            </li>
          ))}
        </ol>
      )}
      {can('enforcement:write') && o.status !== 'done' && <ReportProgress o={o} reload={reload} />}
    </Card>
  );
}

/** The files proving an update, downloaded with the officer's token; one more added after the report. */
function Evidence({
  u,
  canAdd,
  reload,
}: {
  u: Update;
  canAdd: boolean;
  reload: () => Promise<RecordView | undefined>;
}) {
  const [message, messages] = antMessage.useMessage();
  const input = useRef<HTMLInputElement>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return unwrap(
        await api.POST('/api/v1/enforcement-records/updates/{id}/evidence', {
          params: { path: { id: u.id } },
          body: form as never,
        }),
      );
    },
    onSuccess: async () => {
      setRefusal(null);
      if (input.current) input.current.value = '';
      await reload();
      message.success('Đã đính kèm chứng cứ.');
    },
    onError: (error) =>
      setRefusal(error instanceof ApiError ? `${errorText(error)} (${error.message})` : errorText(error)),
  });
  async function download(e: Update['evidence'][number]) {
    const res = await api.GET('/api/v1/enforcement-records/evidence/{id}', {
      params: { path: { id: e.id } },
      parseAs: 'blob',
    });
    if (!res.response.ok || !(res.data instanceof Blob)) {
      message.error('Không tải được tệp.');
      return;
    }
    const url = URL.createObjectURL(res.data);
    const a = document.createElement('a');
    a.href = url;
    a.download = e.fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return (
    <div>
      {messages}
      {u.evidence.length > 0 && (
        <ul style={{ paddingLeft: 20, margin: '4px 0' }}>
          {u.evidence.map((e) => (
            <li key={e.id}>
              <Button
                type="link"
                size="small"
                style={{ padding: 0 }}
                onClick={() => void download(e)}
                aria-label={`Tải về chứng cứ ${e.fileName}`}
              >
                {e.fileName}
              </Button>{' '}
              ({fileSize(e.sizeBytes)}, {showDateTime(e.createdAt)})
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <Space wrap style={{ marginTop: 4 }}>
          <input
            ref={input}
            type="file"
            aria-label={`Chọn tệp chứng cứ cho báo cáo ngày ${showDate(u.reportedOn)}`}
            data-testid={`evidence-input-${u.id}`}
            style={{ display: 'none' }}
            accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,.webp,.docx,.xlsx,.txt"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) upload.mutate(file);
            }}
          />
          <Button size="small" loading={upload.isPending} onClick={() => input.current?.click()}>
            Đính kèm chứng cứ…
          </Button>
        </Space>
      )}
      {refusal && <Alert type="error" showIcon role="alert" style={{ marginTop: 8 }} title={refusal} />}
    </div>
  );
}

interface ProgressValues {
  reportedOn: Dayjs;
  status: 'in_progress' | 'done' | 'blocked';
  note: string;
}

function ReportProgress({ o, reload }: { o: Obligation; reload: () => Promise<RecordView | undefined> }) {
  const [form] = Form.useForm<ProgressValues>();
  const [version, setVersion] = useState(o.version);
  const [conflict, setConflict] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: async (v: ProgressValues) =>
      unwrap(
        await api.POST('/api/v1/enforcement-records/obligations/{id}/updates', {
          params: { path: { id: o.id } },
          body: { reportedOn: v.reportedOn.format('YYYY-MM-DD'), status: v.status, note: v.note, version },
        }),
      ),
    onSuccess: async () => {
      setProblem(null);
      form.resetFields(['note']);
      await reload();
      void client.invalidateQueries({ queryKey: ['work-items'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.isConflict) return setConflict(true);
      const fields = formFieldErrors(error);
      if (fields.length) form.setFields(fields as never);
      else setProblem(errorText(error));
    },
  });
  return (
    <Form<ProgressValues>
      form={form}
      layout="vertical"
      name={`progress-${o.position}`}
      aria-label={`Báo cáo tiến độ nghĩa vụ ${o.position}`}
      initialValues={{ reportedOn: dayjs(todayInVietnam()), status: 'in_progress' }}
      onFinish={(v) => save.mutate(v)}
      style={{ maxWidth: 640 }}
    >
      {conflict && (
        <ConflictAlert
          onReload={() =>
            void reload().then((fresh) => {
              const now = fresh?.obligations.find((x) => x.id === o.id);
              if (now) setVersion(now.version);
              setConflict(false);
            })
          }
        />
      )}
      <Space wrap align="start">
        <Form.Item label="Ngày báo cáo" name="reportedOn" rules={[{ required: true, message: 'Chọn ngày' }]}>
          <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.format('YYYY-MM-DD') > todayInVietnam()} />
        </Form.Item>
        <Form.Item label="Tình trạng" name="status" rules={[{ required: true }]}>
          <Radio.Group
            options={Object.entries(REPORTED_STATUS_TEXT).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      </Space>
      <Form.Item
        label="Nội dung báo cáo"
        name="note"
        rules={[{ required: true, min: 3, message: 'Nhập nội dung báo cáo' }]}
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      {problem && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={problem} />}
      <Button htmlType="submit" type="primary" loading={save.isPending}>
        Ghi báo cáo
      </Button>
    </Form>
  );
}

interface ObligationValues {
  kind: Obligation['kind'];
  description: string;
  owningUnitId: string;
  dueBy: 'rule' | 'date';
  dueDate?: Dayjs;
}

function NewObligation({ r, reload }: { r: RecordView; reload: () => Promise<RecordView | undefined> }) {
  const [form] = Form.useForm<ObligationValues>();
  const units = useScopeUnits();
  const [conflict, setConflict] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [version, setVersion] = useState(r.version);
  const dueBy = Form.useWatch('dueBy', form) ?? 'rule';
  // KN-11 (NĐ 124/2020 art. 31) for a complaint decision, TC-6 (LTC art. 36(1)–(2)) for a conclusion.
  const rule = r.subjectType === 'complaint_case' ? 'KN-11' : 'TC-6';
  const save = useMutation({
    mutationFn: async (v: ObligationValues) =>
      unwrap(
        await api.POST('/api/v1/enforcement-records/{id}/obligations', {
          params: { path: { id: r.id } },
          body: {
            kind: v.kind,
            description: v.description,
            owningUnitId: v.owningUnitId,
            due: v.dueBy === 'rule' ? { rule } : { date: v.dueDate?.format('YYYY-MM-DD') },
            version,
          },
        }),
      ),
    onSuccess: async (view) => {
      setProblem(null);
      setVersion(view.version);
      form.resetFields();
      await reload();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.isConflict) return setConflict(true);
      const fields = formFieldErrors(error);
      if (fields.length) form.setFields(fields as never);
      else setProblem(errorText(error));
    },
  });
  return (
    <Card title={<h2 style={h2}>Thêm nghĩa vụ thi hành</h2>} style={{ marginBottom: 16 }}>
      {conflict && (
        <ConflictAlert
          onReload={() =>
            void reload().then((fresh) => {
              if (fresh) setVersion(fresh.version);
              setConflict(false);
            })
          }
        />
      )}
      <Form<ObligationValues>
        form={form}
        layout="vertical"
        name="add-obligation"
        aria-label="Thêm nghĩa vụ thi hành"
        initialValues={{ dueBy: 'rule', owningUnitId: r.unitId }}
        onFinish={(v) => save.mutate(v)}
        style={{ maxWidth: 640 }}
      >
        <Form.Item label="Loại nghĩa vụ" name="kind" rules={[{ required: true, message: 'Chọn loại' }]}>
          <Select
            options={Object.entries(OBLIGATION_KIND_TEXT).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item
          label="Nội dung phải thực hiện"
          name="description"
          rules={[{ required: true, min: 3, message: 'Nhập nội dung' }]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item
          label="Đơn vị thực hiện"
          name="owningUnitId"
          rules={[{ required: true, message: 'Chọn đơn vị' }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item label="Hạn thực hiện" name="dueBy">
          <Radio.Group
            options={[
              {
                value: 'rule',
                label:
                  rule === 'KN-11'
                    ? 'Theo luật (KN-11): chậm nhất 05 ngày làm việc từ ngày quyết định có hiệu lực pháp luật'
                    : 'Theo luật (TC-6): chậm nhất 07 ngày làm việc từ ngày có kết luận',
              },
              { value: 'date', label: 'Ngày do quyết định ấn định' },
            ]}
          />
        </Form.Item>
        {dueBy === 'date' && (
          <Form.Item label="Ngày hạn" name="dueDate" rules={[{ required: true, message: 'Chọn ngày' }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        )}
        {problem && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={problem} />}
        <Button htmlType="submit" type="primary" loading={save.isPending}>
          Thêm nghĩa vụ
        </Button>
      </Form>
    </Card>
  );
}
