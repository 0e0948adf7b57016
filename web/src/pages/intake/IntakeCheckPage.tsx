import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, message as antMessage, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { ApiError, errorText, formFieldErrors, unwrap } from '../../api/errors';
import { ConflictAlert } from '../../components/ConflictAlert';
import { DuplicatePanel } from '../../components/DuplicatePanel';
import { DueTag } from '../../components/DueTag';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { useCan, useUnit } from '../../auth/me';
import { showDate, todayInVietnam } from '../../lib/dates';
import { checklistOutcome, eligibilityChecklist } from '../../lib/eligibility-checklist';
import { ELIGIBILITY } from '../../lib/labels';
import { kindText } from './kind';

type Letter = Schemas['LetterView'];
type Check = Schemas['CheckEligibilityDto']['eligibility'][number]['check'];
interface Values {
  passed: string[];
  notes?: Record<string, string | undefined>;
}

/** Calendar days since the letter was received (Vietnam's today). */
const waitingText = (days: number) => (days === 0 ? 'nhận hôm nay' : `đã chờ ${days} ngày`);
const daysWaiting = (receivedOn: string) =>
  Math.max(0, dayjs(todayInVietnam()).diff(dayjs(receivedOn), 'day'));

/**
 * One online submission checked (issue 21 point 5): the letter as the officer may see it, the same
 * duplicate panel as their own intake, and the eligibility checklist of its kind
 * (src/lib/eligibility-checklist.ts) — ticked, with a note for what did not pass — recorded through
 * POST /letters/:id/eligibility at the version read. A 409 keeps the ticks; after the check the letter
 * leaves the queue and its processing decision is taken on its page (/don/:id).
 */
export default function IntakeCheckPage() {
  const { id } = useParams() as { id: string };
  const letter = useQuery({
    queryKey: ['letters', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/letters/{id}', { params: { path: { id } } })),
  });
  return (
    <QueryState query={letter}>
      {(l) => <CheckLetter letter={l} onReload={async () => (await letter.refetch()).data} />}
    </QueryState>
  );
}

function CheckLetter({
  letter: l,
  onReload,
}: {
  letter: Letter;
  onReload: () => Promise<Letter | undefined>;
}) {
  const can = useCan();
  const unit = useUnit(l.unitId);
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [message, messages] = antMessage.useMessage();
  const [version, setVersion] = useState(l.version);
  const [conflict, setConflict] = useState(false);
  const [done, setDone] = useState<Letter | null>(null);
  const passed = (Form.useWatch('passed', form) as string[] | undefined) ?? [];
  const checklist = eligibilityChecklist(l.classification);
  const duplicates = useQuery({
    queryKey: ['letters', l.id, 'duplicates'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/letters/{id}/duplicates', { params: { path: { id: l.id } } })),
  });
  const waiting = l.channel === 'online_form' && !l.eligibilityChecked && l.status === 'registered';

  const save = useMutation({
    mutationFn: async (v: Values) =>
      unwrap(
        await api.POST('/api/v1/letters/{id}/eligibility', {
          params: { path: { id: l.id } },
          body: {
            version,
            eligibility: checklist.map(({ check }) => {
              const ok = (v.passed ?? []).includes(check);
              const note = ok ? undefined : v.notes?.[check]?.trim();
              return { check: check as Check, passed: ok, note: note || null };
            }),
          } satisfies Schemas['CheckEligibilityDto'],
        }),
      ),
    onSuccess: (view) => {
      setDone(view);
      void client.invalidateQueries({ queryKey: ['intake-queue'] });
      void client.invalidateQueries({ queryKey: ['letters'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.isConflict) return setConflict(true);
      const fields = formFieldErrors(error);
      if (fields.length) form.setFields(fields as never);
      message.error(errorText(error));
    },
  });

  return (
    <>
      {messages}
      <PageTitle
        extra={
          <Link to="/tiep-nhan-truc-tuyen" className="no-print">
            Về danh sách chờ kiểm tra
          </Link>
        }
      >{`Kiểm tra đơn ${l.receiptCode}`}</PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="Trích yếu">{l.subject}</Descriptions.Item>
          <Descriptions.Item label="Loại đơn">
            {kindText(l.classification, l.complaintTrack)}
          </Descriptions.Item>
          <Descriptions.Item label="Cơ quan, đơn vị nhận">{unit.data?.name ?? '…'}</Descriptions.Item>
          <Descriptions.Item label="Ngày nhận">
            {showDate(l.receivedOn)} ({waitingText(daysWaiting(l.receivedOn))})
          </Descriptions.Item>
          <Descriptions.Item label="Hạn xử lý đơn">
            {l.status === 'registered' ? (
              <DueTag due={l.processingDue} unitId={l.unitId} />
            ) : (
              showDate(l.processingDue)
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {l.identityProtected && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Đơn tố cáo: trích yếu và nội dung là bản đã che thông tin người tố cáo (khoản 2 Điều 56 Luật Tố cáo)."
        />
      )}
      <Card title={<h2 style={h2}>Nội dung</h2>} style={{ marginBottom: 16 }}>
        <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{l.content}</p>
      </Card>
      <Card title={<h2 style={h2}>Người viết đơn</h2>} style={{ marginBottom: 16 }}>
        {l.classification === 'anonymous' ? (
          <p style={{ margin: 0 }}>Thông tin không ghi tên: không có người viết đơn.</p>
        ) : l.petitioners && l.petitioners.length > 0 ? (
          <ScrollTable
            label="Người viết đơn"
            minWidth={520}
            rowKey={(p) => `${p.fullName}-${String(p.idNumber ?? '')}`}
            size="small"
            pagination={false}
            dataSource={l.petitioners}
            columns={[
              { title: 'Họ và tên', dataIndex: 'fullName' },
              { title: 'Số căn cước', render: (_, p) => String(p.idNumber ?? '—') },
              { title: 'Địa chỉ', render: (_, p) => String(p.address ?? '—') },
            ]}
          />
        ) : (
          <p style={{ margin: 0 }}>
            {l.petitionerCount} người viết đơn; thông tin cá nhân chỉ hiện với người được phép xem.
          </p>
        )}
      </Card>
      <Card
        title={<h2 style={h2}>Đơn có thể trùng</h2>}
        style={{ marginBottom: 16 }}
        data-testid="duplicates"
      >
        <QueryState query={duplicates}>
          {(found) =>
            found.length > 0 ? (
              <DuplicatePanel subject={l.subject} duplicates={found} />
            ) : l.identityProtected && !l.petitioners ? (
              <p style={{ margin: 0 }}>
                Đơn trùng của người tố cáo chỉ hiện với người được xem danh tính của họ (khoản 2 Điều 56 Luật
                Tố cáo).
              </p>
            ) : (
              <p style={{ margin: 0 }}>Không thấy đơn nào của cùng người viết có nội dung tương tự.</p>
            )
          }
        </QueryState>
      </Card>
      <Card title={<h2 style={h2}>Điều kiện xử lý đơn</h2>} style={{ marginBottom: 16 }}>
        {done ? (
          <Alert
            type="success"
            showIcon
            role="status"
            data-testid="check-saved"
            title={`Đã ghi kết quả kiểm tra: ${done.eligible ? 'đủ điều kiện xử lý' : 'chưa đủ điều kiện xử lý'}.`}
            description={
              <Space wrap>
                <Link to="/tiep-nhan-truc-tuyen">Về danh sách chờ kiểm tra</Link>
                <Link to={`/don/${done.id}`}>Mở đơn để quyết định xử lý</Link>
              </Space>
            }
          />
        ) : !waiting ? (
          <Alert
            type="info"
            showIcon
            role="status"
            data-testid="not-waiting"
            title="Đơn này không còn chờ kiểm tra (đã được kiểm tra hoặc đã xử lý)."
            description={<Link to={`/don/${l.id}`}>Mở trang đơn</Link>}
          />
        ) : (
          <>
            {conflict && (
              <ConflictAlert
                onReload={async () => {
                  const fresh = await onReload();
                  if (fresh) setVersion(fresh.version);
                  setConflict(false);
                }}
              />
            )}
            <Form<Values>
              form={form}
              layout="vertical"
              initialValues={{ passed: [] }}
              onFinish={(v) => save.mutate(v)}
            >
              <Form.Item
                name="passed"
                label="Đánh dấu những điều kiện đơn đáp ứng (Điều 6 Thông tư 05/2021/TT-TTCP)"
              >
                <Checkbox.Group style={{ width: '100%' }}>
                  <Space direction="vertical" style={{ width: '100%' }}>
                    {checklist.map((item) => (
                      <Checkbox key={item.check} value={item.check}>
                        {item.label} <span style={{ color: 'rgba(0,0,0,0.62)' }}>({item.basis})</span>
                      </Checkbox>
                    ))}
                  </Space>
                </Checkbox.Group>
              </Form.Item>
              {/* Once the officer has started ticking, what did not pass may get a note. */}
              {passed.length > 0 &&
                checklist
                  .filter((item) => !passed.includes(item.check))
                  .map((item) => (
                    <Form.Item
                      key={item.check}
                      name={['notes', item.check]}
                      label={`Ghi chú (không đạt): ${ELIGIBILITY[item.check] ?? item.label}`}
                      rules={[{ max: 1000, message: 'Nội dung quá dài' }]}
                    >
                      <Input placeholder="Không bắt buộc" />
                    </Form.Item>
                  ))}
              <p role="status" data-testid="check-outcome">
                <strong>Kết quả:</strong> {checklistOutcome(l.classification, passed)}
              </p>
              <Button
                type="primary"
                htmlType="submit"
                loading={save.isPending}
                disabled={!can('letters:write')}
              >
                Ghi kết quả kiểm tra
              </Button>
            </Form>
          </>
        )}
      </Card>
    </>
  );
}

const h2 = { fontSize: 16, margin: 0 } as const;
