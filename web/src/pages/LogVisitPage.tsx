import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  message as antMessage,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Typography,
  type InputRef,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../api/client';
import { errorText, formFieldErrors, unwrap } from '../api/errors';
import { useMe } from '../auth/me';
import { PageTitle } from '../components/PageTitle';
import { idDigits, PersonRows, type PersonValues } from '../components/PersonRows';
import { useWorkingCalendar } from '../lib/calendar';
import { nowTimeInVietnam, showDate, todayInVietnam } from '../lib/dates';
import { CONTENT_KIND, OUTCOME } from '../lib/labels';
import { REFUSAL_GROUNDS } from '../lib/refusal-grounds';
import { useScopeUnits } from '../lib/units';

/** A group: five or more people about one content must send representatives (LTCD art. 29; legal-reference §3.5). */
const GROUP_SIZE = 5;

type Visit = Schemas['CreateVisitDto'];
interface VisitValues {
  unitId: string;
  sessionId?: string;
  visitDate: Dayjs;
  visitTime: string;
  receivingOfficerName: string;
  receivingOfficerTitle?: string;
  peopleCount: number;
  citizens: PersonValues[];
  matterId?: string;
  summary?: string;
  contentKind: Visit['contentKind'];
  earlierHandling?: string;
  withinCompetence: boolean;
  outcome: Visit['outcome'];
  guidanceBody?: string;
  guidanceRef?: string;
  transferBody?: string;
  transferRef?: string;
  refusalGround?: Visit['refusalGround'];
  notes?: string;
}

const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

function toBody(v: VisitValues): Schemas['CreateVisitDto'] {
  return {
    unitId: v.unitId,
    sessionId: v.sessionId || undefined,
    matterId: v.matterId || undefined,
    visitDate: v.visitDate?.format('YYYY-MM-DD'),
    visitTime: v.visitTime,
    receivingOfficerName: v.receivingOfficerName,
    receivingOfficerTitle: blank(v.receivingOfficerTitle),
    peopleCount: v.peopleCount,
    citizens: (v.citizens ?? []).map((c) => ({
      fullName: c.fullName ?? '',
      idNumber: idDigits(c.idNumber),
      address: c.address ?? '',
      phone: blank(c.phone),
      representative: !!c.representative,
    })),
    summary: v.summary ?? '',
    contentKind: v.contentKind,
    earlierHandling: blank(v.earlierHandling),
    withinCompetence: v.withinCompetence,
    outcome: v.outcome,
    guidanceBody: blank(v.guidanceBody),
    guidanceRef: blank(v.guidanceRef),
    transferBody: blank(v.transferBody),
    transferRef: blank(v.transferRef),
    refusalGround: v.refusalGround,
    notes: blank(v.notes),
  };
}

/** Earlier matters of a citizen in this unit (POST: the căn cước number never goes into a URL). */
function RepeatLookup({ unitId, idNumber }: { unitId?: string; idNumber: string }) {
  const valid = /^\d{12}$/.test(idNumber);
  const matters = useQuery({
    queryKey: ['matters', unitId, idNumber],
    enabled: valid && !!unitId,
    queryFn: async () =>
      unwrap(await api.POST('/api/v1/reception/matters/lookup', { body: { unitId: unitId!, idNumber } })),
  });
  if (!valid || !matters.data?.length) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title="Công dân này đã đến trình bày trước đây"
      description={
        <Form.Item name="matterId" label="Lượt tiếp này thuộc vụ việc" style={{ marginBottom: 0 }}>
          <Radio.Group>
            <Space direction="vertical">
              <Radio value="">Vụ việc mới</Radio>
              {matters.data.map((m) => (
                <Radio key={m.id} value={m.id}>
                  Tiếp lại: {CONTENT_KIND[m.contentKind]} — {m.summary.slice(0, 80)} ({m.visitCount} lượt, lần
                  cuối {showDate(m.lastVisitOn)})
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
      }
    />
  );
}

export default function LogVisitPage() {
  const [form] = Form.useForm<VisitValues>();
  const [message, messages] = antMessage.useMessage();
  const me = useMe().data;
  const units = useScopeUnits();
  const client = useQueryClient();
  const firstName = useRef<InputRef>(null);
  const [saved, setSaved] = useState<{ id: string; visitNumber: number } | null>(null);
  const unitId = Form.useWatch('unitId', form) ?? me?.unitId;
  const visitDate = Form.useWatch('visitDate', form) as Dayjs | undefined;
  const peopleCount = Form.useWatch('peopleCount', form) ?? 1;
  const outcome = Form.useWatch('outcome', form);
  const firstId = idDigits(Form.useWatch(['citizens', 0, 'idNumber'], form));
  const sessionId = Form.useWatch('sessionId', form);
  const date = visitDate?.format('YYYY-MM-DD') ?? todayInVietnam();
  const isWorking = useWorkingCalendar(unitId, [Number(date.slice(0, 4))]);

  const sessions = useQuery({
    queryKey: ['sessions', unitId, date],
    enabled: !!unitId,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/reception/sessions', {
          params: { query: { unitId, from: date, to: date, status: 'scheduled' } },
        }),
      ),
  });

  // A periodic session is the head's own reception (docs/reception.md, "The head's duty").
  const headSession = sessions.data?.items.find((s) => s.id === sessionId && s.kind === 'periodic');

  const initial = (): Partial<VisitValues> => ({
    unitId: me?.unitId,
    visitDate: dayjs(todayInVietnam()),
    visitTime: nowTimeInVietnam(),
    receivingOfficerName: me?.fullName,
    receivingOfficerTitle: me?.title ?? undefined,
    peopleCount: 1,
    citizens: [{}],
    withinCompetence: true,
  });
  useEffect(() => {
    if (me) form.setFieldsValue(initial());
  }, [me?.id]);

  const save = useMutation({
    mutationFn: async (values: VisitValues) =>
      unwrap(await api.POST('/api/v1/reception/visits', { body: toBody(values) })),
    onSuccess: (visit, values) => {
      setSaved({ id: visit.id, visitNumber: visit.visitNumber });
      message.success('Đã ghi sổ lượt tiếp. Mời công dân tiếp theo.');
      void client.invalidateQueries({ queryKey: ['visits'] });
      void client.invalidateQueries({ queryKey: ['pending-intakes'] });
      // The next visit: same unit, session, day and officer; everything about the citizen cleared.
      form.resetFields();
      form.setFieldsValue({
        ...initial(),
        unitId: values.unitId,
        sessionId: values.sessionId,
        visitDate: values.visitDate,
        receivingOfficerName: values.receivingOfficerName,
        receivingOfficerTitle: values.receivingOfficerTitle,
      });
      setTimeout(() => firstName.current?.focus(), 0);
    },
    onError: (error) => {
      const fields = formFieldErrors(error);
      if (fields.length) form.setFields(fields as never);
      message.error(errorText(error));
    },
  });

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.submit();
    } else if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') {
      // Enter alone never saves half a visit: Ctrl+Enter does.
      event.preventDefault();
    }
  }

  const group = peopleCount >= GROUP_SIZE;
  return (
    <>
      {messages}
      <PageTitle>Ghi sổ tiếp công dân</PageTitle>
      <Typography.Paragraph>
        Nhập lần lượt bằng bàn phím (Tab để sang ô sau). <kbd>Ctrl</kbd>+<kbd>Enter</kbd>: lưu và ghi lượt
        tiếp theo.
      </Typography.Paragraph>
      {saved && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          title={
            <span>
              Lượt tiếp vừa ghi:{' '}
              {saved.visitNumber > 1 ? `tiếp lại lần ${saved.visitNumber}` : 'lượt tiếp đầu'} —{' '}
              <Link to={`/so-tiep-cong-dan/${saved.id}`}>xem trong sổ</Link>
            </span>
          }
        />
      )}
      <Form<VisitValues>
        form={form}
        layout="vertical"
        onFinish={(values) => save.mutate(values)}
        onKeyDown={onKeyDown}
        scrollToFirstError
        aria-label="Lượt tiếp công dân"
      >
        <Card title={<h2 style={h2}>Buổi tiếp</h2>} size="small" style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item label="Đơn vị" name="unitId" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Buổi tiếp định kỳ / đột xuất" name="sessionId">
                <Select
                  allowClear
                  placeholder="Không thuộc buổi tiếp nào"
                  options={(sessions.data?.items ?? []).map((s) => ({
                    value: s.id,
                    label: `${s.startTime}–${s.endTime} · ${s.receiverName}${s.receiverTitle ? ` (${s.receiverTitle})` : ''}${s.kind === 'ad_hoc' ? ' · đột xuất' : ' · định kỳ (thủ trưởng tiếp)'}`,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item
                label="Ngày tiếp"
                name="visitDate"
                rules={[{ required: true, message: 'Chọn ngày' }]}
              >
                <DatePicker
                  format="DD/MM/YYYY"
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.format('YYYY-MM-DD') > todayInVietnam()}
                  cellRender={(current, info) => {
                    if (info.type !== 'date') return info.originNode;
                    const day = (current as Dayjs).format('YYYY-MM-DD');
                    return isWorking(day) ? (
                      info.originNode
                    ) : (
                      <div className="day-off" title="Ngày nghỉ">
                        {info.originNode}
                      </div>
                    );
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item
                label="Giờ"
                name="visitTime"
                rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'Giờ dạng HH:mm' }]}
              >
                <Input inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="Người tiếp"
                name="receivingOfficerName"
                rules={[{ required: true, message: 'Nhập người tiếp' }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Chức vụ người tiếp" name="receivingOfficerTitle">
                <Input />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        {headSession && (
          <Alert
            type="info"
            showIcon
            role="status"
            style={{ marginBottom: 16 }}
            title={`Buổi tiếp định kỳ của thủ trưởng: ${headSession.receiverName}${headSession.receiverTitle ? ` (${headSession.receiverTitle})` : ''}`}
          />
        )}
        <Card title={<h2 style={h2}>Công dân</h2>} size="small" style={{ marginBottom: 16 }}>
          <Form.Item
            label="Số người cùng đến về một nội dung"
            name="peopleCount"
            rules={[{ required: true, message: 'Nhập số người' }]}
          >
            <InputNumber min={1} max={1000} />
          </Form.Item>
          {group && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="Từ 5 người cùng một nội dung: đoàn cử người đại diện — 5–10 người: 1 hoặc 2 người; trên 10 người: thêm nhưng không quá 5 (Điều 29 Luật Tiếp công dân). Ghi và đánh dấu người đại diện."
            />
          )}
          <PersonRows
            name="citizens"
            required="all"
            group={group}
            firstNameRef={firstName}
            addLabel="Thêm người"
          />
        </Card>

        <RepeatLookup unitId={unitId} idNumber={firstId} />

        <Card title={<h2 style={h2}>Nội dung và kết quả</h2>} size="small" style={{ marginBottom: 16 }}>
          <Form.Item
            label="Nội dung vụ việc"
            name="summary"
            rules={[{ required: true, min: 3, message: 'Ghi nội dung công dân trình bày' }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item
            label="Phân loại"
            name="contentKind"
            rules={[{ required: true, message: 'Chọn phân loại' }]}
          >
            <Radio.Group
              options={Object.entries(CONTENT_KIND)
                .filter(([k]) => k !== 'anonymous')
                .map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item label="Đã được cơ quan nào giải quyết" name="earlierHandling">
            <Input />
          </Form.Item>
          <Form.Item label="Thuộc thẩm quyền của đơn vị" name="withinCompetence" valuePropName="checked">
            <Switch checkedChildren="Có" unCheckedChildren="Không" />
          </Form.Item>
          <Form.Item
            label="Kết quả tiếp"
            name="outcome"
            rules={[{ required: true, message: 'Chọn kết quả tiếp' }]}
          >
            <Radio.Group options={Object.entries(OUTCOME).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {outcome === 'guided' && (
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item
                  label="Cơ quan có thẩm quyền được hướng dẫn đến"
                  name="guidanceBody"
                  rules={[{ required: true, message: 'Nhập cơ quan' }]}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label="Số văn bản hướng dẫn" name="guidanceRef">
                  <Input />
                </Form.Item>
              </Col>
            </Row>
          )}
          {outcome === 'transferred' && (
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item
                  label="Chuyển đến cơ quan"
                  name="transferBody"
                  rules={[{ required: true, message: 'Nhập cơ quan' }]}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label="Số văn bản chuyển" name="transferRef">
                  <Input />
                </Form.Item>
              </Col>
            </Row>
          )}
          {outcome === 'refused' && (
            <Form.Item
              label="Căn cứ từ chối (Điều 9 Luật Tiếp công dân; Điều 4 NĐ 154/2026/NĐ-CP)"
              name="refusalGround"
              rules={[{ required: true, message: 'Chọn căn cứ pháp lý' }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={REFUSAL_GROUNDS.map((g) => ({ value: g.code, label: `${g.vi} (${g.legalBasis})` }))}
              />
            </Form.Item>
          )}
          {outcome === 'letter_received' && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title="Đơn nhận tại buổi tiếp sẽ chờ vào sổ đơn (Tiếp nhận đơn)."
            />
          )}
          <Form.Item label="Ghi chú" name="notes">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Card>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            Lưu và ghi lượt tiếp theo (Ctrl+Enter)
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              form.setFieldsValue(initial());
            }}
          >
            Xóa trắng
          </Button>
        </Space>
      </Form>
    </>
  );
}

const h2 = { fontSize: 16, margin: 0 } as const;
