import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  message as antMessage,
  Radio,
  Space,
  Tag,
} from 'antd';
import { useState } from 'react';
import type { MessageInstance } from 'antd/es/message/interface';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ApiError, errorText, formFieldErrors, unwrap } from '../../api/errors';
import { useMe } from '../../auth/me';
import { ConflictAlert } from '../../components/ConflictAlert';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { showDateTime } from '../../lib/dates';
import { requestStatus, requestStatusStyle, type RevealRequest } from './reveal-labels';

type Status = 'pending' | 'approved' | 'refused';
const STATUS_SLUG: Record<string, Status> = {
  'cho-duyet': 'pending',
  'da-dong-y': 'approved',
  'tu-choi': 'refused',
};

/**
 * `/yeu-cau-danh-tinh`: the custodian's queue of reveal requests of their units, to approve (for at most
 * the hours asked) or refuse with a reason — never their own (the API refuses: IDENTITY_OWN_REQUEST; the
 * buttons are not offered). `/yeu-cau-danh-tinh/cua-toi`: my own requests, their status and expiry.
 */
export default function RevealRequestsPage({ mine }: { mine: boolean }) {
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const slug = params.get('trang-thai') ?? (mine ? '' : 'cho-duyet');
  const status = STATUS_SLUG[slug];
  const [deciding, setDeciding] = useState<{ request: RevealRequest; approve: boolean } | null>(null);
  const [message, messages] = antMessage.useMessage();
  const list = useQuery({
    queryKey: ['reveal-requests', mine ? 'mine' : 'queue', status ?? 'all'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/reveal-requests', {
          params: { query: { status, requester: mine ? 'mine' : undefined, page: 1, pageSize: 100 } },
        }),
      ),
  });
  const title = mine ? 'Yêu cầu xem danh tính của tôi' : 'Yêu cầu xem danh tính';
  return (
    <>
      <PageTitle>{title}</PageTitle>
      {messages}
      {!mine && (
        <p>
          Yêu cầu xem danh tính người tố cáo của các đơn vị bạn giữ danh tính. Chỉ đồng ý khi lý do cần thiết
          cho việc giải quyết; quyền xem tự chấm dứt khi hết thời hạn (Điều 47 Luật Tố cáo). Bạn không quyết
          định yêu cầu của chính mình.
        </p>
      )}
      <Form layout="vertical" aria-label={`Lọc ${title.toLowerCase()}`} style={{ marginBottom: 8 }}>
        <Form.Item label="Trạng thái" style={{ marginBottom: 8 }}>
          <Radio.Group
            optionType="button"
            value={slug}
            onChange={(e) => {
              setDeciding(null);
              setParams(e.target.value ? { 'trang-thai': e.target.value } : { 'trang-thai': '' });
            }}
            options={[
              { value: 'cho-duyet', label: 'Chờ duyệt' },
              { value: 'da-dong-y', label: 'Đã đồng ý' },
              { value: 'tu-choi', label: 'Từ chối' },
              { value: '', label: 'Tất cả' },
            ]}
          />
        </Form.Item>
      </Form>
      <QueryState query={list}>
        {(page) => (
          <>
            <ScrollTable<RevealRequest>
              label={title}
              minWidth={900}
              rowKey="id"
              size="small"
              pagination={false}
              locale={{ emptyText: 'Không có yêu cầu nào.' }}
              dataSource={page.items}
              columns={[
                {
                  title: 'Đơn',
                  render: (_, r) => <Link to={`/don/${r.letterId}`}>{r.letterReceiptCode}</Link>,
                },
                ...(mine
                  ? []
                  : [
                      { title: 'Người yêu cầu', render: (_: unknown, r: RevealRequest) => r.requestedByName },
                    ]),
                { title: 'Lý do', dataIndex: 'reason' },
                { title: 'Xin xem', render: (_, r) => `${r.hours} giờ` },
                { title: 'Ngày yêu cầu', render: (_, r) => showDateTime(r.createdAt) },
                {
                  title: 'Trạng thái',
                  render: (_, r) => (
                    <Tag style={requestStatusStyle(r)} data-testid="request-status">
                      {requestStatus(r)}
                    </Tag>
                  ),
                },
                {
                  title: 'Hết hạn',
                  render: (_, r) => (r.status === 'approved' ? showDateTime(r.expiresAt) : '—'),
                },
                {
                  title: mine ? 'Ý kiến người duyệt' : 'Quyết định',
                  render: (_, r) =>
                    mine || r.status !== 'pending' ? (
                      [r.decidedByName, r.decisionNote].filter(Boolean).join(': ') || '—'
                    ) : r.requestedByUserId === me?.id ? (
                      <span>Yêu cầu của chính bạn: người giữ danh tính khác quyết định</span>
                    ) : (
                      <Space wrap>
                        <Button
                          size="small"
                          type="primary"
                          aria-label={`Đồng ý yêu cầu của ${r.requestedByName} (đơn ${r.letterReceiptCode})`}
                          onClick={() => setDeciding({ request: r, approve: true })}
                        >
                          Đồng ý
                        </Button>
                        <Button
                          size="small"
                          danger
                          aria-label={`Từ chối yêu cầu của ${r.requestedByName} (đơn ${r.letterReceiptCode})`}
                          onClick={() => setDeciding({ request: r, approve: false })}
                        >
                          Từ chối
                        </Button>
                      </Space>
                    ),
                },
              ]}
            />
            {page.total > page.items.length && (
              <p>
                Đang hiện {page.items.length} trong {page.total} yêu cầu mới nhất.
              </p>
            )}
          </>
        )}
      </QueryState>
      {deciding && (
        <Decision
          key={`${deciding.request.id}-${String(deciding.approve)}`}
          request={deciding.request}
          approve={deciding.approve}
          message={message}
          onDone={() => setDeciding(null)}
          reload={async () => {
            const fresh = (await list.refetch()).data?.items.find((r) => r.id === deciding.request.id);
            return fresh?.version;
          }}
        />
      )}
    </>
  );
}

interface DecisionValues {
  note?: string;
  hours?: number;
}

function Decision({
  request,
  approve,
  message,
  onDone,
  reload,
}: {
  request: RevealRequest;
  approve: boolean;
  /** The page's: the confirmation outlives the form. */
  message: MessageInstance;
  onDone: () => void;
  reload: () => Promise<number | undefined>;
}) {
  const [form] = Form.useForm<DecisionValues>();
  const [version, setVersion] = useState(request.version);
  const [conflict, setConflict] = useState(false);
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: async (v: DecisionValues) =>
      unwrap(
        await api.POST('/api/v1/reveal-requests/{id}/decision', {
          params: { path: { id: request.id } },
          body: { approve, note: v.note || null, hours: approve ? v.hours : undefined, version },
        }),
      ),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: ['reveal-requests'] });
      message.success(
        approve ? `Đã đồng ý; được xem đến ${showDateTime(r.expiresAt)}.` : 'Đã từ chối yêu cầu.',
      );
      onDone();
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
  const heading = `${approve ? 'Đồng ý' : 'Từ chối'} yêu cầu của ${request.requestedByName} (đơn ${request.letterReceiptCode})`;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{heading}</h2>} style={{ marginTop: 16 }}>
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
      <p>Lý do của người yêu cầu: {request.reason}</p>
      <Form<DecisionValues>
        form={form}
        layout="vertical"
        aria-label={heading}
        initialValues={{ hours: request.hours }}
        onFinish={(v) => save.mutate(v)}
        style={{ maxWidth: 640 }}
      >
        {approve && (
          <Form.Item
            label="Thời gian được xem (giờ)"
            name="hours"
            rules={[{ required: true, message: 'Nhập số giờ' }]}
            extra={`Không quá ${request.hours} giờ đã xin.`}
          >
            <InputNumber min={1} max={request.hours} precision={0} />
          </Form.Item>
        )}
        <Form.Item
          label={approve ? 'Ghi chú' : 'Lý do từ chối'}
          name="note"
          rules={approve ? [] : [{ required: true, min: 5, message: 'Nhập lý do từ chối' }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" danger={!approve} htmlType="submit" loading={save.isPending}>
            {approve ? 'Xác nhận đồng ý' : 'Xác nhận từ chối'}
          </Button>
          <Button onClick={onDone}>Hủy</Button>
        </Space>
      </Form>
      {save.isError && !conflict && !formFieldErrors(save.error).length && (
        <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={errorText(save.error)} />
      )}
    </Card>
  );
}
