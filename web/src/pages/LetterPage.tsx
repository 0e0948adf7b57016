import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { DueTag } from '../components/DueTag';
import { SplitLetter } from '../components/SplitLetter';
import { LetterDecision } from './cases/LetterDecision';
import { IdentityPanel } from './identity/IdentityPanel';
import { letterPageQuery } from './identity/letter-access';
import { useCan } from '../auth/me';
import { ScrollTable } from '../components/ScrollTable';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { showDate } from '../lib/dates';
import { CHANNEL, CONTENT_KIND, ELIGIBILITY, LETTER_STATUS } from '../lib/labels';

/** The processing deadline explained in Vietnamese (legal-reference XLD-1, XLD-2). */
function processingExplanation(classification: string): string {
  return classification === 'denunciation'
    ? 'Đơn tố cáo: trong 07 ngày làm việc kể từ ngày nhận, phải vào sổ, phân loại, xử lý ban đầu, kiểm tra điều kiện thụ lý (khoản 1 Điều 24 Luật Tố cáo); có thể kéo dài đến 10 ngày làm việc khi phải xác minh ở nhiều nơi.'
    : 'Trong 10 ngày kể từ ngày nhận đơn, phải vào sổ, phân loại và đề xuất xử lý (thủ tục “Xử lý đơn”, Thông tư 05/2021/TT-TTCP); hạn được tính theo ngày làm việc của đơn vị.';
}

export default function LetterPage() {
  const { id } = useParams() as { id: string };
  const can = useCan();
  // Once offered, the split stays on the page: after it the letter is `split`, and the new parts'
  // secrets must stay readable until the officer leaves.
  const [splitOffered, setSplitOffered] = useState(false);
  // Likewise the decision: once saved the letter is `decided`, and its confirmation (the case opened)
  // must not vanish when the page's copy of the letter is reloaded.
  const [decisionOffered, setDecisionOffered] = useState(false);
  // A denouncer is not in it: the identity panel opens it only when asked.
  const letter = useQuery(letterPageQuery(id));
  return (
    <QueryState query={letter}>
      {(l) => (
        <>
          <PageTitle>{`Đơn ${l.receiptCode}`}</PageTitle>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label="Trích yếu">{l.subject}</Descriptions.Item>
              <Descriptions.Item label="Phân loại">{CONTENT_KIND[l.classification]}</Descriptions.Item>
              <Descriptions.Item label="Nguồn đơn">{CHANNEL[l.channel]}</Descriptions.Item>
              <Descriptions.Item label="Ngày nhận">{showDate(l.receivedOn)}</Descriptions.Item>
              <Descriptions.Item label="Trạng thái">{LETTER_STATUS[l.status]}</Descriptions.Item>
              <Descriptions.Item label="Đủ điều kiện xử lý">{l.eligible ? 'Có' : 'Không'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={<h2 style={h2}>Thời hạn</h2>} style={{ marginBottom: 16 }}>
            <p>
              Hạn xử lý đơn:{' '}
              {l.status === 'registered' ? (
                <DueTag due={l.processingDue} unitId={l.unitId} />
              ) : (
                showDate(l.processingDue)
              )}
            </p>
            <p>{processingExplanation(l.classification)}</p>
          </Card>
          {l.identityProtected && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title="Đơn có nội dung tố cáo: trích yếu và nội dung là bản đã che thông tin người tố cáo (khoản 2 Điều 56 Luật Tố cáo)."
            />
          )}
          {(splitOffered ||
            (l.classification === 'mixed' && l.status === 'registered' && can('letters:write'))) && (
            <SplitLetter
              letter={l}
              onShown={() => setSplitOffered(true)}
              onReload={async () => (await letter.refetch()).data?.version}
            />
          )}
          {(decisionOffered ||
            (l.status === 'registered' && l.classification !== 'mixed' && can('letters:write'))) && (
            <LetterDecision
              letter={l}
              onShown={() => setDecisionOffered(true)}
              onReload={async () => (await letter.refetch()).data?.version}
            />
          )}
          <IdentityPanel letter={l} />
          <Card title={<h2 style={h2}>Nội dung</h2>} style={{ marginBottom: 16 }}>
            <p style={{ whiteSpace: 'pre-wrap' }}>{l.content}</p>
          </Card>
          {l.petitioners && l.petitioners.length > 0 && (
            <Card title={<h2 style={h2}>Người viết đơn</h2>} style={{ marginBottom: 16 }}>
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
            </Card>
          )}
          <Card title={<h2 style={h2}>Điều kiện xử lý</h2>}>
            <ul>
              {l.eligibility.map((e) => (
                <li key={e.check}>
                  {ELIGIBILITY[e.check] ?? e.check}: {e.passed ? 'đạt' : 'không đạt'}
                </li>
              ))}
            </ul>
          </Card>
        </>
      )}
    </QueryState>
  );
}

const h2 = { fontSize: 16, margin: 0 } as const;
