import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { showDate, todayInVietnam } from '../../lib/dates';
import { GREEN } from '../admin/tags';
import { monthText, shiftMonth } from './reception-model';
import './reception.css';

type Duty = Schemas['HeadDutyView'];
const RED = { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' };

/**
 * Thủ trưởng tiếp công dân: per unit whose head has a reception duty (TCD-7: LTCD arts. 12(5), 15(2)(d),
 * 18(2); Law 136/2025/QH15), the month's rule, the days required and held (per month or per ISO week) and
 * whether it is met — shortfalls highlighted. The numbers are `GET /reception/head-duty`'s.
 */
export default function HeadDutyPage() {
  const [params, setParams] = useSearchParams();
  const month = params.get('thang') ?? todayInVietnam().slice(0, 7);
  const setMonth = (m: string) => {
    const next = new URLSearchParams(params);
    next.set('thang', m);
    setParams(next, { replace: true });
  };
  const duty = useQuery({
    queryKey: ['reception', 'head-duty', month],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/reception/head-duty', { params: { query: { month } } })),
  });
  return (
    <>
      <PageTitle>Thủ trưởng tiếp công dân định kỳ</PageTitle>
      <Space wrap style={{ marginBottom: 16 }} aria-label="Chọn tháng" role="group">
        <Button onClick={() => setMonth(shiftMonth(month, -1))}>Tháng trước</Button>
        <strong aria-live="polite" data-testid="duty-month">
          {monthText(month)}
        </strong>
        <Button onClick={() => setMonth(shiftMonth(month, 1))}>Tháng sau</Button>
      </Space>
      <QueryState query={duty}>
        {(rows) => {
          const short = rows.filter((r) => r.compliant === false).length;
          return (
            <>
              <p role="status" data-testid="duty-summary">
                {rows.length === 0
                  ? 'Không có đơn vị nào mà thủ trưởng có nghĩa vụ tiếp công dân riêng trong phạm vi của bạn.'
                  : short === 0
                    ? `${rows.length} đơn vị: tất cả đạt số ngày tiếp theo quy định.`
                    : `${rows.length} đơn vị: ${short} đơn vị chưa đạt số ngày tiếp theo quy định.`}
              </p>
              <div className="duty-list">
                {rows.map((r) => (
                  <DutyCard key={r.unit.id} duty={r} />
                ))}
              </div>
            </>
          );
        }}
      </QueryState>
    </>
  );
}

function DutyCard({ duty }: { duty: Duty }) {
  const met = duty.compliant;
  const held = duty.periods.reduce((n, p) => n + Math.min(p.held, p.required), 0);
  const required = duty.periods.reduce((n, p) => n + p.required, 0);
  return (
    <Card
      className={met === false ? 'duty-short' : undefined}
      data-testid="duty-unit"
      data-unit={duty.unit.name}
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{duty.unit.name}</h2>}
      extra={
        met === null ? (
          <Tag>Không có nghĩa vụ riêng</Tag>
        ) : met ? (
          <Tag style={GREEN}>Đạt</Tag>
        ) : (
          <Tag style={RED}>Chưa đạt</Tag>
        )
      }
      style={{ marginBottom: 12 }}
    >
      {duty.rule ? (
        <>
          <p style={{ marginTop: 0 }}>
            {duty.rule.description.vi} <span className="muted">({duty.rule.legalBasis})</span>
          </p>
          <p data-testid="duty-count">
            Đã tiếp {held}/{required} {duty.rule.per === 'week' ? 'tuần' : 'ngày'} theo yêu cầu.{' '}
            {duty.receptionDays.length > 0
              ? `Ngày tiếp: ${duty.receptionDays.map(showDate).join(', ')}.`
              : 'Chưa có buổi tiếp định kỳ nào của thủ trưởng.'}
          </p>
          <table className="duty-periods">
            <caption className="sr-only">Các kỳ tính của {duty.unit.name}</caption>
            <thead>
              <tr>
                <th scope="col">Kỳ</th>
                <th scope="col">Yêu cầu</th>
                <th scope="col">Đã tiếp</th>
                <th scope="col">Kết quả</th>
              </tr>
            </thead>
            <tbody>
              {duty.periods.map((p) => (
                <tr key={p.from} className={p.met ? undefined : 'duty-period-short'}>
                  <th scope="row">
                    {showDate(p.from)} – {showDate(p.to)}
                  </th>
                  <td>{p.required} ngày</td>
                  <td>{p.held} ngày</td>
                  <td>{p.exempt ? 'Không tính (không có ngày làm việc)' : p.met ? 'Đạt' : 'Thiếu'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p>Đơn vị loại này không có nghĩa vụ riêng: thủ trưởng cơ quan cấp trên tiếp công dân.</p>
      )}
    </Card>
  );
}
