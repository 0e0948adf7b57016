import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  message as antMessage,
  Radio,
  Select,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ApiError, errorText, formFieldErrors, unwrap } from '../../api/errors';
import { showDate, todayInVietnam } from '../../lib/dates';
import { useScopeUnits } from '../../lib/units';

type Decision = Schemas['ProcessingDecisionDto']['decision'];
type ArchiveReason = NonNullable<Schemas['ProcessingDecisionDto']['archiveReason']>;

const FORWARDED = ['na_deputy', 'council_deputy', 'fatherland_front', 'press', 'agency'];
const DECISIONS: { value: Decision; label: string }[] = [
  { value: 'accept', label: 'Thụ lý' },
  { value: 'guide', label: 'Hướng dẫn' },
  { value: 'transfer', label: 'Chuyển đơn' },
  { value: 'return', label: 'Trả lại đơn' },
  { value: 'archive', label: 'Lưu đơn' },
];
const ARCHIVE: Record<ArchiveReason, string> = {
  duplicate: 'Đơn trùng nội dung đang được giải quyết',
  resolved_second_level: 'Đã có quyết định giải quyết lần hai (khoản 7 Điều 11 Luật Khiếu nại)',
  final_judgment: 'Đã được Tòa án thụ lý hoặc có bản án (khoản 9 Điều 11 Luật Khiếu nại)',
  not_eligible: 'Không đủ điều kiện xử lý (Điều 6 Thông tư 05/2021/TT-TTCP)',
  sent_to_competent_body: 'Đã gửi đến cơ quan có thẩm quyền (khoản 3 Điều 24 Luật Tố cáo)',
  anonymous_not_verifiable: 'Đơn nặc danh không có cơ sở thẩm tra (khoản 2 Điều 25 Luật Tố cáo)',
};
const LEGAL_BASIS: Record<Decision, string> = {
  accept: 'Điều 27 Luật Khiếu nại 2011; Thông tư 05/2021/TT-TTCP',
  guide: 'Điều 6, 7 Thông tư 05/2021/TT-TTCP',
  transfer: 'Điều 8 Thông tư 05/2021/TT-TTCP',
  return: 'Điều 9 Thông tư 05/2021/TT-TTCP',
  archive: 'Điều 6 Thông tư 05/2021/TT-TTCP',
};
const PURPOSE: Record<string, string> = {
  acceptance: 'Thụ lý hoặc không thụ lý',
  review: 'Xem xét tố cáo tiếp',
  report_request: 'Yêu cầu báo cáo',
  processing: 'Xử lý đơn',
};

interface Values {
  decision: Decision;
  decidedOn: Dayjs;
  legalBasis: string;
  handlerUserId?: string;
  guidanceBody?: string;
  guidanceRef?: string;
  transferToUnitId?: string;
  transferToBody?: string;
  transferRef?: string;
  includeIdentity?: boolean;
  returnRef?: string;
  archiveReason?: ArchiveReason;
  duplicateOfLetterId?: string;
}

/**
 * The head's processing decision on a letter (issue 17): accept with its handler, guide, transfer (the
 * chain shown, a loop refused before sending), return (forwarded letters), archive (a duplicate points at
 * its original); the legal basis and document number with each; the deadlines it settles and opens,
 * computed by the API's deadline engine, before saving.
 */
export function LetterDecision({
  letter,
  onShown,
  onReload,
}: {
  letter: Schemas['LetterView'];
  /** Called once shown: the page keeps it mounted after the letter is decided (its confirmation stays). */
  onShown: () => void;
  onReload: () => Promise<number | undefined>;
}) {
  const [form] = Form.useForm<Values>();
  const [message, messages] = antMessage.useMessage();
  const client = useQueryClient();
  const [version, setVersion] = useState(letter.version);
  const [conflict, setConflict] = useState(false);
  // The saved decision lives in the query cache, not in this component: the page may mount this card
  // again while it reloads the decided letter, and the confirmation must survive that.
  const savedKey = ['decision-saved', letter.id];
  const saved = useQuery<Schemas['LetterView'] | null>({
    queryKey: savedKey,
    queryFn: () => null,
    enabled: false,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });
  const done = saved.data ?? null;
  const decision = Form.useWatch('decision', form) ?? 'accept';
  const decidedOnValue = Form.useWatch('decidedOn', form);
  const transferToUnitId = Form.useWatch('transferToUnitId', form);
  const archiveReason = Form.useWatch('archiveReason', form);
  const decidedOn = decidedOnValue ? decidedOnValue.format('YYYY-MM-DD') : todayInVietnam();
  const units = useScopeUnits();
  useEffect(() => onShown(), [onShown]);

  const preview = useQuery({
    queryKey: ['decision-preview', letter.id, version, decision, decidedOn, transferToUnitId ?? null],
    queryFn: async () =>
      unwrap(
        await api.POST('/api/v1/letters/{id}/decision-preview', {
          params: { path: { id: letter.id } },
          body: { decision, decidedOn, transferToUnitId: transferToUnitId || undefined },
        }),
      ),
  });
  const handlers = useQuery({
    queryKey: ['handlers', letter.unitId],
    enabled: decision === 'accept',
    staleTime: 60_000,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/users', {
          params: { query: { unitId: letter.unitId, role: 'case_handler', active: true, pageSize: 200 } },
        }),
      ),
  });
  const duplicates = useQuery({
    queryKey: ['letters', letter.id, 'duplicates'],
    enabled: decision === 'archive' && archiveReason === 'duplicate',
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/letters/{id}/duplicates', { params: { path: { id: letter.id } } })),
  });

  const save = useMutation({
    mutationFn: async (v: Values) =>
      unwrap(
        await api.POST('/api/v1/letters/{id}/decision', {
          params: { path: { id: letter.id } },
          body: {
            decision: v.decision,
            decidedOn: v.decidedOn.format('YYYY-MM-DD'),
            legalBasis: v.legalBasis,
            version,
            handlerUserId: v.decision === 'accept' ? v.handlerUserId || null : undefined,
            guidanceBody: v.decision === 'guide' ? v.guidanceBody : undefined,
            guidanceRef: v.decision === 'guide' ? v.guidanceRef : undefined,
            transferToUnitId: v.decision === 'transfer' ? v.transferToUnitId || undefined : undefined,
            transferToBody: v.decision === 'transfer' ? v.transferToBody || undefined : undefined,
            transferRef: v.decision === 'transfer' ? v.transferRef : undefined,
            includeIdentity:
              v.decision === 'transfer' && letter.identityProtected ? !!v.includeIdentity : undefined,
            returnRef: v.decision === 'return' ? v.returnRef : undefined,
            archiveReason: v.decision === 'archive' ? v.archiveReason : undefined,
            duplicateOfLetterId:
              v.decision === 'archive' && v.archiveReason === 'duplicate' ? v.duplicateOfLetterId : undefined,
          },
        }),
      ),
    onSuccess: (view) => {
      client.setQueryData(savedKey, view);
      void client.invalidateQueries({ queryKey: ['letters'] });
      void client.invalidateQueries({ queryKey: ['work-items'] });
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

  if (done)
    return (
      <Card title={<h2 style={h2}>Quyết định xử lý đơn</h2>} style={{ marginBottom: 16 }}>
        <Alert
          type="success"
          showIcon
          role="status"
          data-testid="decision-saved"
          title={`Đã lưu quyết định: ${DECISIONS.find((d) => d.value === done.decision)?.label ?? done.decision}.`}
          description={
            done.caseId ? (
              <Link
                to={`/ho-so/${done.classification === 'complaint' ? 'khieu-nai' : 'to-cao'}/${done.caseId}`}
              >
                Mở hồ sơ vừa thụ lý
              </Link>
            ) : undefined
          }
        />
      </Card>
    );

  const p = preview.data;
  const loop = decision === 'transfer' && p?.transferRefusal;
  const chain = p?.chain ?? [];
  return (
    <Card title={<h2 style={h2}>Quyết định xử lý đơn</h2>} style={{ marginBottom: 16 }}>
      {messages}
      {conflict && (
        <ConflictAlert
          onReload={() =>
            void onReload().then((fresh) => {
              if (fresh) setVersion(fresh);
              setConflict(false);
            })
          }
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={{
          decision: 'accept',
          decidedOn: dayjs(todayInVietnam()),
          legalBasis: LEGAL_BASIS.accept,
        }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.decision) form.setFieldValue('legalBasis', LEGAL_BASIS[changed.decision]);
        }}
      >
        <Form.Item label="Quyết định" name="decision">
          <Radio.Group
            optionType="button"
            options={DECISIONS.filter((d) => d.value !== 'return' || FORWARDED.includes(letter.channel))}
          />
        </Form.Item>
        <Form.Item
          label="Ngày quyết định"
          name="decidedOn"
          rules={[{ required: true, message: 'Chọn ngày quyết định' }]}
        >
          <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.format('YYYY-MM-DD') > todayInVietnam()} />
        </Form.Item>
        {decision === 'accept' && (
          <Form.Item label="Người được giao xác minh" name="handlerUserId">
            <Select
              allowClear
              placeholder="Giao sau"
              loading={handlers.isLoading}
              options={(handlers.data?.items ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
            />
          </Form.Item>
        )}
        {decision === 'guide' && (
          <>
            <Form.Item
              label="Cơ quan có thẩm quyền giải quyết"
              name="guidanceBody"
              rules={[{ required: true, message: 'Nhập cơ quan có thẩm quyền' }]}
            >
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item
              label="Số văn bản hướng dẫn"
              name="guidanceRef"
              rules={[{ required: true, message: 'Nhập số văn bản' }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
        {decision === 'transfer' && (
          <>
            <Form.Item label="Chuyển đến đơn vị trong hệ thống" name="transferToUnitId">
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder="Chọn đơn vị"
                options={(units.data ?? [])
                  .filter((u) => u.id !== letter.unitId)
                  .map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
            <Form.Item label="Hoặc cơ quan ngoài hệ thống" name="transferToBody">
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item
              label="Số văn bản chuyển đơn"
              name="transferRef"
              rules={[{ required: true, message: 'Nhập số văn bản' }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            {letter.identityProtected && (
              <Form.Item name="includeIdentity" valuePropName="checked">
                <Checkbox>Gửi kèm thông tin người tố cáo (quyết định riêng, được ghi nhật ký)</Checkbox>
              </Form.Item>
            )}
            <div data-testid="transfer-chain" style={{ marginBottom: 12 }}>
              <strong>Đơn đã qua:</strong>{' '}
              {!p
                ? 'đang tải…'
                : chain.length > 1
                  ? [...chain]
                      .reverse()
                      .map((c) => c.unitName)
                      .join(' → ')
                  : 'chưa chuyển lần nào'}
            </div>
            {loop && (
              <Alert
                type="error"
                showIcon
                role="alert"
                data-testid="transfer-loop"
                style={{ marginBottom: 12 }}
                title={
                  p?.transferRefusal?.code === 'LETTER_TRANSFER_LOOP'
                    ? 'Không thể chuyển: đơn đã từng ở đơn vị này (chuyển vòng).'
                    : 'Không thể chuyển: đơn tố cáo chỉ được chuyển một lần (khoản 1 Điều 14 Thông tư 05/2021/TT-TTCP).'
                }
              />
            )}
          </>
        )}
        {decision === 'return' && (
          <Form.Item
            label="Số văn bản trả lại đơn"
            name="returnRef"
            rules={[{ required: true, message: 'Nhập số văn bản' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        )}
        {decision === 'archive' && (
          <>
            <Form.Item
              label="Căn cứ lưu đơn"
              name="archiveReason"
              rules={[{ required: true, message: 'Chọn căn cứ' }]}
            >
              <Select options={Object.entries(ARCHIVE).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            {archiveReason === 'duplicate' && (
              <Form.Item
                label="Đơn gốc"
                name="duplicateOfLetterId"
                rules={[{ required: true, message: 'Chọn đơn gốc' }]}
              >
                <Select
                  loading={duplicates.isLoading}
                  options={(duplicates.data ?? []).map((d) => ({
                    value: d.letterId,
                    label: `${d.subject} (${showDate(d.receivedOn)})`,
                  }))}
                />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item
          label="Căn cứ pháp lý"
          name="legalBasis"
          rules={[{ required: true, min: 3, message: 'Nhập căn cứ pháp lý' }]}
        >
          <Input maxLength={500} />
        </Form.Item>

        <section aria-label="Ảnh hưởng đến thời hạn" data-testid="decision-effects" style={effects}>
          <h3 style={{ fontSize: 15, margin: '0 0 8px' }}>Ảnh hưởng đến thời hạn</h3>
          {preview.isLoading && <p>Đang tính…</p>}
          {p?.problems.map((x) => (
            <Alert
              key={x.message}
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              title={problemText(x.message)}
            />
          ))}
          {p?.settles && (
            <p>
              Kết thúc hạn {PURPOSE[p.settles.purpose] ?? p.settles.purpose} ({showDate(p.settles.due)}):{' '}
              <strong>{p.settles.outcome === 'met' ? 'đúng hạn' : 'quá hạn'}</strong>.
            </p>
          )}
          {p?.opens.map((o) => (
            <div key={o.purpose} data-testid={`opens-${o.purpose}`}>
              <p style={{ margin: '4px 0' }}>
                Mở hạn {PURPOSE[o.purpose] ?? o.purpose} ({o.ruleId}): đến hết ngày{' '}
                <strong>{showDate(o.due)}</strong>
              </p>
              <ul style={{ margin: '0 0 8px', paddingLeft: 20 }}>
                {o.explanation.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          ))}
          {p && !p.settles && p.opens.length === 0 && p.problems.length === 0 && <p>Không mở hạn mới.</p>}
        </section>
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!!loop}>
          Lưu quyết định
        </Button>
      </Form>
    </Card>
  );
}

function problemText(message: string): string {
  if (/already been decided/.test(message)) return 'Đơn đã có quyết định xử lý.';
  if (/forwarded/.test(message)) return 'Chỉ trả lại đơn do cơ quan, tổ chức, cá nhân chuyển đến.';
  if (/eligible/.test(message)) return 'Đơn không đủ điều kiện thụ lý.';
  if (/future/.test(message)) return 'Ngày quyết định không được ở tương lai.';
  if (/before/.test(message)) return 'Ngày quyết định không được trước ngày nhận đơn.';
  return 'Quyết định này chưa thực hiện được với đơn này.';
}

const h2 = { fontSize: 16, margin: 0 } as const;
const effects = { border: '1px solid #d9d9d9', borderRadius: 8, padding: 12, marginBottom: 16 } as const;
