import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, message as antMessage, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { ApiError, errorText, unwrap } from '../../api/errors';
import { useCan } from '../../auth/me';
import { ScrollTable } from '../../components/ScrollTable';
import { showDateTime } from '../../lib/dates';
import { myRequestsQuery } from './letter-access';
import { MyRevealRequests } from './MyRevealRequests';
import { BASIS, grantUntil } from './reveal-labels';
import { RevealRequestForm } from './RevealRequestForm';

type Letter = Pick<Schemas['LetterPageView'], 'id' | 'identityProtected' | 'identityBasis'>;
type Petitioner = Schemas['PetitionerView'];

/**
 * "Danh tính người tố cáo" (LTC arts. 8(3), 47, 56; docs/identity-protection.md). For a protected letter:
 * to those the law allows (receiver, accepting head, custodian, an approved unexpired request) a button
 * that opens the identity — read from the API only then, each opening audited there, never kept in the
 * query cache; it closes by itself when a request's time runs out. Everyone else: the redacted copy
 * and "Yêu cầu xem danh tính", with their own requests and what became of them.
 */
export function IdentityPanel({ letter }: { letter: Letter }) {
  const can = useCan();
  const client = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [ended, setEnded] = useState<string | null>(null);
  const [message, messages] = antMessage.useMessage();
  const basis = letter.identityBasis;
  const requester = can('identity:request') && basis !== 'custodian';
  const mine = useQuery({ ...myRequestsQuery(letter.id), enabled: requester });
  const until = basis === 'reveal_grant' ? grantUntil(mine.data?.items ?? []) : null;
  const open = useMutation({
    mutationFn: async () =>
      unwrap(await api.GET('/api/v1/letters/{id}/identity', { params: { path: { id: letter.id } } })),
    gcTime: 0,
    onMutate: () => setEnded(null),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 403) refresh();
    },
  });
  const { reset } = open;

  function refresh() {
    void client.invalidateQueries({ queryKey: ['letters', letter.id] });
    void client.invalidateQueries({ queryKey: ['reveal-requests'] });
  }

  // An approved request ends by itself: the panel closes at its expiry, without asking the server.
  useEffect(() => {
    if (!until) return;
    const timer = setInterval(() => {
      if (Date.now() < Date.parse(until)) return;
      clearInterval(timer);
      reset();
      setEnded('Thời hạn xem danh tính theo yêu cầu đã hết. Danh tính đã được đóng lại.');
      void client.invalidateQueries({ queryKey: ['letters', letter.id] });
      void client.invalidateQueries({ queryKey: ['reveal-requests'] });
    }, 1000);
    return () => clearInterval(timer);
  }, [until, reset, client, letter.id]);

  if (!letter.identityProtected) return null;
  return (
    <Card
      title={<h2 style={h2}>Danh tính người tố cáo</h2>}
      style={{ marginBottom: 16 }}
      data-testid="identity-panel"
    >
      {messages}
      {ended && <Alert type="info" showIcon role="status" style={{ marginBottom: 12 }} title={ended} />}
      {basis ? (
        <>
          <p>
            Bạn được xem danh tính với tư cách {BASIS[basis] ?? basis}
            {until ? `, đến ${showDateTime(until)}` : ''}. Mỗi lần mở đều được ghi vào nhật ký; không sao
            chép, không tiết lộ (khoản 3 Điều 8, Điều 47 Luật Tố cáo).
          </p>
          {open.data ? (
            <>
              <Button onClick={() => open.reset()} style={{ marginBottom: 12 }}>
                Đóng danh tính
              </Button>
              <Opened identity={open.data} />
            </>
          ) : (
            <Button type="primary" onClick={() => open.mutate()} loading={open.isPending}>
              Mở danh tính
            </Button>
          )}
          {open.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginTop: 12 }}
              title={
                open.error instanceof ApiError && open.error.status === 403
                  ? 'Bạn không còn quyền xem danh tính người tố cáo (yêu cầu đã hết hạn).'
                  : errorText(open.error)
              }
            />
          )}
        </>
      ) : (
        <>
          <p>
            Đây là bản đã che thông tin người tố cáo. Danh tính chỉ được xem khi người giữ danh tính của đơn
            vị đồng ý yêu cầu, trong thời hạn được cho phép (Điều 47, khoản 2 Điều 56 Luật Tố cáo).
          </p>
          {requester && (
            <Space direction="vertical" style={{ width: '100%' }}>
              {!asking && (
                <Button type="primary" onClick={() => setAsking(true)}>
                  Yêu cầu xem danh tính
                </Button>
              )}
              {asking && (
                <RevealRequestForm letterId={letter.id} message={message} onDone={() => setAsking(false)} />
              )}
            </Space>
          )}
        </>
      )}
      {requester && <MyRevealRequests requests={mine.data?.items ?? []} />}
    </Card>
  );
}

function Opened({ identity }: { identity: Schemas['LetterIdentityView'] }) {
  return (
    <div data-testid="identity-opened">
      <ScrollTable<Petitioner>
        label="Người tố cáo"
        minWidth={640}
        rowKey={(p) => `${p.fullName}-${String(p.idNumber ?? '')}`}
        size="small"
        pagination={false}
        dataSource={identity.petitioners}
        columns={[
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Số căn cước', render: (_, p) => p.idNumber ?? '—' },
          { title: 'Địa chỉ', render: (_, p) => p.address ?? '—' },
          { title: 'Điện thoại', render: (_, p) => p.phone ?? '—' },
          { title: 'Thư điện tử', render: (_, p) => p.email ?? '—' },
        ]}
      />
      <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
        <Descriptions.Item label="Trích yếu gốc">{identity.subject}</Descriptions.Item>
        <Descriptions.Item label="Nội dung gốc">
          <span style={{ whiteSpace: 'pre-wrap' }}>{identity.content}</span>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}

const h2 = { fontSize: 16, margin: 0 } as const;
