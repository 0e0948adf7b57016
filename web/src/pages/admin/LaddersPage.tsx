import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, InputNumber, message, Row, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { ApiError, errorText, formFieldErrors, unwrap } from '../../api/errors';
import { ConflictAlert } from '../../components/ConflictAlert';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { showDateTime } from '../../lib/dates';
import { useSearchState } from '../oversight/useSearchState';
import { LADDER_KEY_TEXT, ladderProblemText, RECIPIENT_TEXT } from './labels';
import { useAllUnits } from './queries';

type Level = Schemas['LadderLevelDto'];
type Ladder = Schemas['EscalationLadderView'];
type Notify = ReturnType<typeof message.useMessage>[0];
const h2 = { fontSize: 18, margin: 0 } as const;
const RECIPIENT_OPTIONS = Object.entries(RECIPIENT_TEXT).map(([value, label]) => ({ value, label }));

const keyText = (key: string) => LADDER_KEY_TEXT[key] ?? `Quy tắc ${key}`;

/** "Mức 1: 3 ngày làm việc trước hạn → Người được giao xử lý". */
function levelText(l: Level): string {
  const d = l.workingDaysFromDue;
  const when =
    d === 0 ? 'đúng ngày hết hạn' : d < 0 ? `${-d} ngày làm việc trước hạn` : `${d} ngày làm việc sau hạn`;
  return `Mức ${l.level}: ${when} → ${l.recipients.map((r) => RECIPIENT_TEXT[r] ?? r).join(', ')}`;
}

function Levels({ levels }: { levels: Level[] | null | undefined }) {
  if (!levels) return <em>Đã bỏ (áp dụng bậc chung)</em>;
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {levels.map((l) => (
        <li key={l.level}>{levelText(l)}</li>
      ))}
    </ul>
  );
}

/** Bậc cảnh báo quá hạn: the ladders kept as data, edited with the API's checks, and their versions. */
export default function LaddersPage() {
  const { get, set } = useSearchState();
  const key = get('khoa');
  const agency = get('co-quan');
  const units = useAllUnits();
  const unitName = (id: string | null | undefined) =>
    id ? (units.data?.find((u) => u.id === id)?.name ?? '…') : 'Mọi cơ quan';
  const [notify, holder] = message.useMessage();
  const overview = useQuery({
    queryKey: ['admin', 'ladders'],
    queryFn: async () => unwrap(await api.GET('/api/v1/escalation-ladders')),
  });
  return (
    <>
      <PageTitle>Bậc cảnh báo quá hạn</PageTitle>
      {holder}
      <QueryState query={overview}>
        {(o) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={<h2 style={h2}>Bậc cảnh báo riêng đang áp dụng</h2>}>
              <p style={{ marginTop: 0 }}>
                Khi một thời hạn đến bậc, hệ thống tìm bậc cảnh báo gần nhất: của cơ quan (theo quy tắc, rồi
                theo loại hồ sơ), rồi bậc chung cho mọi cơ quan, rồi giá trị cấu hình của máy chủ, cuối cùng
                là bậc mặc định.
              </p>
              <ScrollTable<Ladder>
                label="Các bậc cảnh báo riêng"
                rowKey={(l) => `${l.key}|${l.agencyUnitId ?? ''}`}
                size="small"
                pagination={false}
                dataSource={o.ladders}
                locale={{ emptyText: 'Chưa có bậc cảnh báo riêng: đang dùng bậc mặc định.' }}
                columns={[
                  { title: 'Áp dụng cho', render: (_, l) => keyText(l.key) },
                  { title: 'Cơ quan', render: (_, l) => unitName(l.agencyUnitId) },
                  { title: 'Các mức', render: (_, l) => <Levels levels={l.levels} /> },
                  { title: 'Phiên bản', render: (_, l) => `${l.version} · ${showDateTime(l.createdAt)}` },
                  {
                    title: '',
                    render: (_, l) => (
                      <Button
                        size="small"
                        aria-label={`Sửa bậc cảnh báo ${keyText(l.key)} — ${unitName(l.agencyUnitId)}`}
                        onClick={() => set({ khoa: l.key, 'co-quan': l.agencyUnitId ?? undefined })}
                      >
                        Sửa
                      </Button>
                    ),
                  },
                ]}
              />
              <h3 style={{ fontSize: 16, marginBottom: 4 }}>Bậc mặc định</h3>
              <Levels levels={o.defaultLadder} />
              {Object.keys(o.environment).length > 0 && (
                <>
                  <h3 style={{ fontSize: 16, marginBottom: 4 }}>Cấu hình của máy chủ (ESCALATION_LADDERS)</h3>
                  {Object.entries(o.environment).map(([k, levels]) => (
                    <div key={k}>
                      <strong>{keyText(k)}</strong>
                      <Levels levels={levels} />
                    </div>
                  ))}
                </>
              )}
            </Card>
            <Card title={<h2 style={h2}>Sửa bậc cảnh báo</h2>}>
              <Form layout="vertical" aria-label="Chọn bậc cảnh báo">
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <Form.Item label="Áp dụng cho">
                      <Select
                        aria-label="Áp dụng cho"
                        showSearch={{ optionFilterProp: 'label' }}
                        placeholder="Chọn quy tắc hoặc loại hồ sơ"
                        value={key}
                        onChange={(v) => set({ khoa: v, 'co-quan': agency })}
                        options={[
                          // The kinds of subject first (they govern every rule of the kind), then the rules.
                          ...o.keys.filter((k) => k in LADDER_KEY_TEXT),
                          ...o.keys.filter((k) => !(k in LADDER_KEY_TEXT)),
                        ].map((k) => ({ value: k, label: keyText(k) }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item label="Cơ quan">
                      <Select
                        aria-label="Cơ quan"
                        allowClear
                        showSearch={{ optionFilterProp: 'label' }}
                        placeholder="Mọi cơ quan"
                        value={agency}
                        onChange={(v) => set({ khoa: key, 'co-quan': v })}
                        options={(units.data ?? [])
                          .filter((u) => u.active)
                          .map((u) => ({ value: u.id, label: u.name }))}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              </Form>
              {key ? (
                <LadderEditor
                  key={`${key}|${agency ?? ''}`}
                  ladderKey={key}
                  agencyUnitId={agency ?? null}
                  current={o.ladders.find(
                    (l) => l.key === key && (l.agencyUnitId ?? null) === (agency ?? null),
                  )}
                  fallback={o.environment[key] ?? o.defaultLadder}
                  notify={notify}
                />
              ) : (
                <p>Chọn quy tắc hoặc loại hồ sơ để sửa bậc cảnh báo của nó.</p>
              )}
            </Card>
            {key && <History ladderKey={key} agencyUnitId={agency} />}
          </Space>
        )}
      </QueryState>
    </>
  );
}

interface EditorValues {
  levels: Level[];
  reason: string;
}

function LadderEditor({
  ladderKey,
  agencyUnitId,
  current,
  fallback,
  notify,
}: {
  ladderKey: string;
  agencyUnitId: string | null;
  current: Ladder | undefined;
  fallback: Level[];
  notify: Notify;
}) {
  const client = useQueryClient();
  const [form] = Form.useForm<EditorValues>();
  const [conflict, setConflict] = useState(false);
  const [version, setVersion] = useState(current?.version ?? 0);
  const [saved, setSaved] = useState<string | null>(null);
  const put = useMutation({
    mutationFn: async (v: { levels: Level[] | null; reason: string }) =>
      unwrap(
        await api.PUT('/api/v1/escalation-ladders/{key}', {
          params: { path: { key: ladderKey } },
          body: {
            agencyUnitId,
            levels: v.levels,
            reason: v.reason,
            version,
          } satisfies Schemas['PutEscalationLadderDto'],
        }),
      ),
    onSuccess: async (s) => {
      setVersion(s.version);
      setSaved(
        `Đã lưu phiên bản ${s.version}. ${s.deadlinesReexamined} thời hạn đang mở sẽ được xét lại ở lần quét tới; các mức đã gửi giữ nguyên.`,
      );
      await client.invalidateQueries({ queryKey: ['admin', 'ladders'] });
      await client.invalidateQueries({ queryKey: ['admin', 'ladder-versions'] });
    },
    onError: (error) => {
      setSaved(null);
      if (error instanceof ApiError && error.isConflict) return setConflict(true);
      const fields = formFieldErrors(error).map((f) => {
        const detail = (error as ApiError).details.find(
          (d) =>
            d.field
              .split(/[.[\]]+/)
              .filter(Boolean)
              .join('.') === f.name.join('.'),
        );
        return f.name[0] === 'levels' && detail ? { ...f, errors: [ladderProblemText(detail.message)] } : f;
      });
      if (fields.length) form.setFields(fields as never);
      notify.error(errorText(error));
    },
  });
  return (
    <>
      {conflict && (
        <ConflictAlert
          onReload={() =>
            void client.invalidateQueries({ queryKey: ['admin', 'ladders'] }).then(async () => {
              const o = await api.GET('/api/v1/escalation-ladders');
              const fresh = o.data?.ladders.find(
                (l) => l.key === ladderKey && (l.agencyUnitId ?? null) === agencyUnitId,
              );
              setVersion(fresh?.version ?? 0);
              setConflict(false);
            })
          }
        />
      )}
      <p style={{ marginTop: 0 }} data-testid="ladder-source">
        {current
          ? `Đang áp dụng phiên bản ${current.version} (${current.reason}).`
          : 'Chưa có bậc riêng: dưới đây là bậc đang áp dụng, sửa rồi lưu để tạo phiên bản 1.'}
      </p>
      {saved && <Alert type="success" role="status" showIcon title={saved} style={{ marginBottom: 12 }} />}
      <Form<EditorValues>
        form={form}
        layout="vertical"
        name="bac-canh-bao"
        aria-label="Các mức cảnh báo"
        initialValues={{ levels: current?.levels ?? fallback, reason: '' }}
        onFinish={(v) => put.mutate(v)}
      >
        <Form.List name="levels">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <fieldset
                  key={field.key}
                  style={{
                    border: '1px solid #d9d9d9',
                    borderRadius: 6,
                    padding: '8px 12px',
                    marginBottom: 12,
                    // A fieldset is as wide as its content otherwise: the phone page would scroll sideways.
                    minWidth: 0,
                  }}
                >
                  <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', margin: 0, border: 0 }}>
                    Dòng {index + 1}
                  </legend>
                  <Row gutter={12} align="top">
                    <Col xs={8} sm={4}>
                      <Form.Item
                        label="Mức"
                        name={[field.name, 'level']}
                        rules={[{ required: true, message: 'Cần số mức' }]}
                      >
                        <InputNumber style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={16} sm={7}>
                      <Form.Item
                        label="Ngày làm việc so với hạn"
                        name={[field.name, 'workingDaysFromDue']}
                        extra="Âm: trước hạn; 0: ngày hết hạn"
                        rules={[{ required: true, message: 'Cần số ngày' }]}
                      >
                        <InputNumber style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={10}>
                      <Form.Item label="Người nhận" name={[field.name, 'recipients']}>
                        <Select mode="multiple" options={RECIPIENT_OPTIONS} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={3}>
                      <Button
                        onClick={() => remove(field.name)}
                        aria-label={`Bỏ dòng ${index + 1}`}
                        style={{ marginTop: 30 }}
                      >
                        Bỏ
                      </Button>
                    </Col>
                  </Row>
                </fieldset>
              ))}
              <Button
                onClick={() => add({ level: fields.length + 1, workingDaysFromDue: 0, recipients: [] })}
              >
                Thêm mức
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item
          label="Lý do thay đổi (căn cứ)"
          name="reason"
          style={{ marginTop: 16 }}
          rules={[{ required: true, min: 3, message: 'Cần nêu lý do (ít nhất 3 ký tự)' }]}
        >
          <Input.TextArea rows={2} placeholder="Ví dụ: Quyết định số 12/QĐ-TTr về nhắc hạn giải quyết" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={put.isPending}>
            Lưu phiên bản mới
          </Button>
          {version > 0 && current?.levels && (
            <Button
              onClick={() =>
                void form
                  .validateFields(['reason'])
                  .then(({ reason }) => put.mutate({ levels: null, reason }))
              }
            >
              Bỏ bậc riêng (trở về bậc chung)
            </Button>
          )}
        </Space>
      </Form>
    </>
  );
}

function History({ ladderKey, agencyUnitId }: { ladderKey: string; agencyUnitId: string | undefined }) {
  const versions = useQuery({
    queryKey: ['admin', 'ladder-versions', ladderKey, agencyUnitId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/escalation-ladders/{key}/versions', {
          params: { path: { key: ladderKey }, query: { agencyUnitId } },
        }),
      ),
  });
  return (
    <Card title={<h2 style={h2}>Lịch sử phiên bản</h2>}>
      <QueryState query={versions}>
        {(list) => (
          <ScrollTable<Ladder>
            label="Lịch sử phiên bản"
            rowKey="version"
            size="small"
            pagination={false}
            dataSource={list}
            locale={{ emptyText: 'Chưa có phiên bản nào.' }}
            columns={[
              { title: 'Phiên bản', render: (_, l) => <Tag>{l.version}</Tag> },
              { title: 'Lúc', render: (_, l) => showDateTime(l.createdAt) },
              { title: 'Các mức', render: (_, l) => <Levels levels={l.levels} /> },
              { title: 'Lý do', dataIndex: 'reason' },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
