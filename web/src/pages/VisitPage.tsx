import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, message as antMessage, Card, Descriptions, Form, Input } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/client';
import { ApiError, errorText, formFieldErrors, unwrap } from '../api/errors';
import { useCan } from '../auth/me';
import { ConflictAlert } from '../components/ConflictAlert';
import { DueTag } from '../components/DueTag';
import { ScrollTable } from '../components/ScrollTable';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { showDate } from '../lib/dates';
import { CONTENT_KIND, OUTCOME } from '../lib/labels';
import { REFUSAL_GROUNDS } from '../lib/refusal-grounds';

/** One visit of the book, with its follow-up (Mẫu 03/TCD column 12), which a stale version refuses. */
export default function VisitPage() {
  const { id } = useParams() as { id: string };
  const can = useCan();
  const client = useQueryClient();
  const [message, messages] = antMessage.useMessage();
  const [form] = Form.useForm<{ followUp: string }>();
  const [conflict, setConflict] = useState(false);
  const visit = useQuery({
    queryKey: ['visits', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/reception/visits/{id}', { params: { path: { id } } })),
  });
  // The version the officer started from: a reload after a conflict moves it on, the typed text stays.
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const version = baseVersion ?? visit.data?.version;

  const save = useMutation({
    mutationFn: async (followUp: string) =>
      unwrap(
        await api.PATCH('/api/v1/reception/visits/{id}/follow-up', {
          params: { path: { id } },
          body: { version: version!, followUp },
        }),
      ),
    onSuccess: (updated) => {
      setConflict(false);
      setBaseVersion(updated.version);
      client.setQueryData(['visits', id], updated);
      message.success('Đã lưu kết quả xử lý.');
    },
    onError: (error) => {
      if (error instanceof ApiError && error.isConflict) return setConflict(true);
      const fields = formFieldErrors(error);
      if (fields.length) form.setFields(fields as never);
      message.error(errorText(error));
    },
  });

  async function reload() {
    const fresh = await visit.refetch();
    if (fresh.data) setBaseVersion(fresh.data.version);
    setConflict(false);
  }

  return (
    <QueryState query={visit}>
      {(v) => (
        <>
          {messages}
          <PageTitle>{`Lượt tiếp ngày ${showDate(v.visitDate)}`}</PageTitle>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label="Giờ">{v.visitTime}</Descriptions.Item>
              <Descriptions.Item label="Người tiếp">
                {v.receivingOfficerName}
                {v.receivingOfficerTitle ? ` (${v.receivingOfficerTitle})` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="Phân loại">{CONTENT_KIND[v.contentKind]}</Descriptions.Item>
              <Descriptions.Item label="Lượt">
                {v.visitNumber > 1 ? `Tiếp lại lần ${v.visitNumber}` : 'Lần đầu'}
              </Descriptions.Item>
              <Descriptions.Item label="Số người">
                {v.peopleCount}
                {v.group ? ' (đoàn đông người)' : ''}
              </Descriptions.Item>
              <Descriptions.Item label="Kết quả">{OUTCOME[v.outcome]}</Descriptions.Item>
              {v.refusalGround && (
                <Descriptions.Item label="Căn cứ từ chối">
                  {REFUSAL_GROUNDS.find((g) => g.code === v.refusalGround)?.vi ?? v.refusalGround}
                </Descriptions.Item>
              )}
              {v.replyDue && (
                <Descriptions.Item label="Hạn trả lời (TCD-2)">
                  <DueTag due={v.replyDue} unitId={v.unitId} />
                </Descriptions.Item>
              )}
              {v.refusalNoticeDue && (
                <Descriptions.Item label="Hạn thông báo từ chối (TCD-5)">
                  <DueTag due={v.refusalNoticeDue} unitId={v.unitId} />
                </Descriptions.Item>
              )}
            </Descriptions>
            <h2 style={{ fontSize: 16 }}>Nội dung</h2>
            <p>{v.textWithheld ? 'Nội dung tố cáo được bảo vệ: bạn không có quyền xem.' : v.summary}</p>
          </Card>
          {v.citizens && (
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>Công dân</h2>} style={{ marginBottom: 16 }}>
              <ScrollTable
                label="Công dân"
                minWidth={520}
                rowKey="idNumber"
                size="small"
                pagination={false}
                dataSource={v.citizens}
                columns={[
                  {
                    title: 'Họ và tên',
                    render: (_, c) => `${c.fullName}${c.representative ? ' (đại diện)' : ''}`,
                  },
                  { title: 'Số căn cước', dataIndex: 'idNumber' },
                  { title: 'Địa chỉ', dataIndex: 'address' },
                  { title: 'Điện thoại', render: (_, c) => c.phone ?? '—' },
                ]}
              />
            </Card>
          )}
          {can('reception:write') && (
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>Kết quả xử lý (cột 12)</h2>}>
              {conflict && <ConflictAlert onReload={() => void reload()} />}
              {v.followUp && !conflict && (
                <Alert type="info" title={`Đã ghi: ${v.followUp}`} style={{ marginBottom: 12 }} />
              )}
              <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values.followUp)}>
                <Form.Item
                  label="Kết quả xử lý"
                  name="followUp"
                  rules={[{ required: true, min: 2, message: 'Ghi kết quả xử lý' }]}
                >
                  <Input.TextArea rows={3} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  Lưu kết quả
                </Button>
              </Form>
            </Card>
          )}
        </>
      )}
    </QueryState>
  );
}
