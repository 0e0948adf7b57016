import { Tag } from 'antd';
import { Link } from 'react-router';
import { ScrollTable } from '../../components/ScrollTable';
import { showDateTime } from '../../lib/dates';
import { requestStatus, requestStatusStyle, type RevealRequest } from './reveal-labels';

/** "Yêu cầu của tôi": my requests about a letter, with status and expiry. */
export function MyRevealRequests({ requests }: { requests: readonly RevealRequest[] }) {
  if (requests.length === 0) return null;
  return (
    <>
      <h3 style={{ fontSize: 15, marginTop: 16 }}>Yêu cầu của tôi</h3>
      <p>
        <Link to="/yeu-cau-danh-tinh/cua-toi">Mọi yêu cầu xem danh tính của tôi</Link>
      </p>
      <ScrollTable<RevealRequest>
        label="Yêu cầu xem danh tính của tôi"
        minWidth={640}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...requests]}
        columns={[
          { title: 'Ngày yêu cầu', render: (_, r) => showDateTime(r.createdAt) },
          { title: 'Lý do', dataIndex: 'reason' },
          {
            title: 'Trạng thái',
            render: (_, r) => (
              <Tag style={requestStatusStyle(r)} data-testid="my-request-status">
                {requestStatus(r)}
              </Tag>
            ),
          },
          {
            title: 'Được xem đến',
            render: (_, r) => (r.status === 'approved' ? showDateTime(r.expiresAt) : '—'),
          },
          { title: 'Ý kiến người duyệt', render: (_, r) => r.decisionNote ?? '—' },
        ]}
      />
    </>
  );
}
