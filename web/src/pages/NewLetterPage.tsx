import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  message as antMessage,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Space,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { Link, useSearchParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { errorText, formFieldErrors, unwrap } from '../api/errors';
import { useMe } from '../auth/me';
import { DuplicatePanel } from '../components/DuplicatePanel';
import { PageTitle } from '../components/PageTitle';
import { personBody, PersonRows, type PersonValues } from '../components/PersonRows';
import { showDate, todayInVietnam } from '../lib/dates';
import { CHANNEL, CONTENT_KIND, ELIGIBILITY } from '../lib/labels';
import { useScopeUnits } from '../lib/units';
import { useWorkingCalendar } from '../lib/calendar';

/** The checks that decide eligibility (TT 05/2021/TT-TTCP art. 6; LTC art. 25(2) for anonymous letters). */
function requiredChecks(classification: string | undefined): Check[] {
  if (classification === 'anonymous')
    return ['language', 'lawful_content', 'legible', 'names_violator', 'has_evidence', 'verifiable'];
  return ['language', 'dated', 'identified_and_signed', 'content_complete', 'lawful_content', 'legible'];
}

type Letter = Schemas['CreateLetterDto'];
type Check = Letter['eligibility'][number]['check'];

interface LetterValues {
  unitId: string;
  receivedOn: Dayjs;
  channel: Letter['channel'];
  forwardedBy?: string;
  forwardedRef?: string;
  classification: Letter['classification'];
  complaintTrack?: Letter['complaintTrack'];
  subject: string;
  content: string;
  petitioners: PersonValues[];
  passed: Check[];
}
type Created = Schemas['CreatedLetterView'];

const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

/** Giấy biên nhận: code, secret, where to look the letter up, the processing deadline. */
function ReceiptSlip({ letter }: { letter: Created }) {
  const statusPage = `${window.location.origin}/tra-cuu-don`;
  return (
    <div className="receipt-slip" data-testid="receipt">
      <h2 style={{ textAlign: 'center', fontSize: 18 }}>GIẤY BIÊN NHẬN ĐƠN</h2>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="Mã tra cứu">
          <strong data-testid="receipt-code">{letter.receiptCode}</strong>
        </Descriptions.Item>
        <Descriptions.Item label="Mã bí mật">
          <strong data-testid="receipt-secret">{letter.receiptSecret}</strong>
        </Descriptions.Item>
        <Descriptions.Item label="Ngày nhận">{showDate(letter.receivedOn)}</Descriptions.Item>
        <Descriptions.Item label="Hạn xử lý đơn">{showDate(letter.processingDue)}</Descriptions.Item>
        <Descriptions.Item label="Tra cứu tình trạng đơn tại">{statusPage}</Descriptions.Item>
      </Descriptions>
      <p style={{ marginTop: 8 }}>
        Giữ kín mã bí mật: cùng với mã tra cứu, nó cho phép xem tình trạng giải quyết đơn.
      </p>
    </div>
  );
}

export default function NewLetterPage() {
  const [form] = Form.useForm<LetterValues>();
  const [params] = useSearchParams();
  const visitId = params.get('luot-tiep') ?? undefined;
  const [message, messages] = antMessage.useMessage();
  const me = useMe().data;
  const units = useScopeUnits();
  const client = useQueryClient();
  const [created, setCreated] = useState<Created | null>(null);
  const classification = Form.useWatch('classification', form);
  const unitId = (Form.useWatch('unitId', form) as string | undefined) ?? me?.unitId;
  const year = Number(todayInVietnam().slice(0, 4));
  const isWorking = useWorkingCalendar(unitId, [year - 1, year]);
  const channel = Form.useWatch('channel', form);
  const forwarded = channel && !['reception_visit', 'post', 'online_form', 'email'].includes(channel);

  const save = useMutation({
    mutationFn: async (v: LetterValues) => {
      const body = {
        unitId: v.unitId,
        receivedOn: v.receivedOn?.format('YYYY-MM-DD'),
        channel: v.channel,
        forwardedBy: blank(v.forwardedBy),
        forwardedRef: blank(v.forwardedRef),
        visitId,
        classification: v.classification,
        complaintTrack: v.classification === 'complaint' ? v.complaintTrack : undefined,
        subject: v.subject,
        content: v.content,
        petitioners: (v.petitioners ?? []).filter((p) => p.fullName?.trim()).map(personBody),
        eligibility: requiredChecks(v.classification).map((check) => ({
          check,
          passed: (v.passed ?? []).includes(check),
        })),
      } satisfies Schemas['CreateLetterDto'];
      return unwrap(await api.POST('/api/v1/letters', { body })) as Created;
    },
    onSuccess: (letter) => {
      setCreated(letter);
      void client.invalidateQueries({ queryKey: ['letters'] });
      void client.invalidateQueries({ queryKey: ['pending-intakes'] });
    },
    onError: (error) => {
      const fields = formFieldErrors(error);
      if (fields.length) form.setFields(fields as never);
      message.error(errorText(error));
    },
  });

  return (
    <>
      {messages}
      <PageTitle>Tiếp nhận đơn</PageTitle>
      {visitId && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Đơn nhận tại buổi tiếp công dân: sau khi lưu, lượt tiếp được đánh dấu đã vào sổ đơn."
        />
      )}
      <Form<LetterValues>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        scrollToFirstError
        initialValues={{
          unitId: me?.unitId,
          receivedOn: dayjs(todayInVietnam()),
          channel: visitId ? 'reception_visit' : 'post',
          petitioners: [{}],
          passed: [],
          complaintTrack: 'first_time',
        }}
      >
        <Card title={<h2 style={h2}>Nguồn đơn</h2>} size="small" style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item
                label="Đơn vị nhận"
                name="unitId"
                rules={[{ required: true, message: 'Chọn đơn vị' }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label="Ngày nhận"
                name="receivedOn"
                rules={[{ required: true, message: 'Chọn ngày nhận' }]}
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
            <Col xs={24} md={8}>
              <Form.Item
                label="Nguồn đơn"
                name="channel"
                rules={[{ required: true, message: 'Chọn nguồn đơn' }]}
              >
                <Select options={Object.entries(CHANNEL).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
            {forwarded && (
              <>
                <Col xs={24} md={12}>
                  <Form.Item
                    label="Cơ quan, người chuyển đơn"
                    name="forwardedBy"
                    rules={[{ required: true, message: 'Nhập nơi chuyển đơn' }]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="Số văn bản chuyển" name="forwardedRef">
                    <Input />
                  </Form.Item>
                </Col>
              </>
            )}
          </Row>
        </Card>
        <Card title={<h2 style={h2}>Người viết đơn</h2>} size="small" style={{ marginBottom: 16 }}>
          <PersonRows
            name="petitioners"
            required={classification === 'anonymous' ? 'none' : 'name'}
            withEmail
            addLabel="Thêm người viết đơn"
          />
        </Card>
        <Card title={<h2 style={h2}>Nội dung và phân loại</h2>} size="small" style={{ marginBottom: 16 }}>
          <Form.Item
            label="Phân loại"
            name="classification"
            rules={[{ required: true, message: 'Chọn phân loại' }]}
          >
            <Radio.Group options={Object.entries(CONTENT_KIND).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {classification === 'complaint' && (
            <Form.Item
              label="Loại khiếu nại"
              name="complaintTrack"
              rules={[{ required: true, message: 'Chọn loại khiếu nại' }]}
            >
              <Select
                options={[
                  { value: 'first_time', label: 'Khiếu nại lần đầu' },
                  { value: 'second_time', label: 'Khiếu nại lần hai' },
                  { value: 'disciplinary_first', label: 'Khiếu nại quyết định kỷ luật lần đầu' },
                  { value: 'disciplinary_second', label: 'Khiếu nại quyết định kỷ luật lần hai' },
                ]}
              />
            </Form.Item>
          )}
          {classification === 'mixed' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="Đơn có nhiều nội dung: sau khi vào sổ, tách thành các đơn riêng (khoản 3 Điều 25 Luật Tiếp công dân)."
            />
          )}
          <Form.Item label="Trích yếu" name="subject" rules={[{ required: true, message: 'Nhập trích yếu' }]}>
            <Input />
          </Form.Item>
          <Form.Item
            label="Nội dung đơn"
            name="content"
            rules={[{ required: true, message: 'Nhập nội dung đơn' }]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item label="Điều kiện xử lý đơn (đánh dấu những điều kiện đạt)" name="passed">
            <Checkbox.Group>
              <Space direction="vertical">
                {requiredChecks(classification).map((check) => (
                  <Checkbox key={check} value={check}>
                    {ELIGIBILITY[check]}
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
        </Card>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          Vào sổ đơn
        </Button>
      </Form>
      <Modal
        open={!!created}
        title="Đã vào sổ đơn"
        width={720}
        onCancel={() => {
          setCreated(null);
          form.resetFields();
        }}
        footer={[
          <Button key="print" onClick={() => window.print()}>
            In giấy biên nhận
          </Button>,
          <Button
            key="next"
            type="primary"
            onClick={() => {
              setCreated(null);
              form.resetFields();
            }}
          >
            Tiếp nhận đơn khác
          </Button>,
        ]}
      >
        {created && (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="Mã bí mật chỉ hiện một lần: in hoặc ghi lại cho công dân ngay."
            />
            <ReceiptSlip letter={created} />
            {createPortal(
              <div className="print-only">
                <ReceiptSlip letter={created} />
              </div>,
              document.body,
            )}
            {created.duplicates.length > 0 && (
              <>
                <h2 style={{ fontSize: 16, marginTop: 16 }}>Đơn có thể trùng (so sánh)</h2>
                <DuplicatePanel subject={created.subject} duplicates={created.duplicates} />
              </>
            )}
            <p style={{ marginTop: 12 }}>
              <Link to={`/don/${created.id}`}>Mở đơn vừa vào sổ</Link>
            </p>
          </>
        )}
      </Modal>
    </>
  );
}

const h2 = { fontSize: 16, margin: 0 } as const;
