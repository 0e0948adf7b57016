import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import { type Schemas } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { showDate, showDateTime } from '../../lib/dates';
import { BarList, Columns, Swatch } from './charts';
import { dashboardQuery } from './dashboard-query';
import {
  BACKLOG_COLOUR,
  BACKLOG_STATUSES,
  ENFORCEMENT_STATUS_TEXT,
  KIND_TEXT,
  STATE_TEXT,
  monthRange,
  showMonth,
  showRate,
  type CaseKind,
} from './labels';

const KIND_COLOUR: Record<CaseKind, string> = { complaint: '#0b57d0', denunciation: '#8a3ffc' };
const KINDS: CaseKind[] = ['complaint', 'denunciation'];
const H2 = { fontSize: 16, fontWeight: 600, margin: 0 } as const;

function caseList(params: Record<string, string>): string {
  return `/giam-sat/ho-so?${new URLSearchParams(params)}`;
}

/**
 * Bảng điều khiển: the figures of GET /api/v1/dashboard (the viewer's units only: a unit head sees
 * their unit's subtree), each bar a link to the list behind it.
 */
export default function DashboardPage() {
  const dashboard = useQuery(dashboardQuery);
  return (
    <>
      <PageTitle>Bảng điều khiển</PageTitle>
      <QueryState query={dashboard}>{(d) => <Figures d={d} />}</QueryState>
    </>
  );
}

function Figures({ d }: { d: Schemas['DashboardView'] }) {
  const period = { tu: `${d.fromMonth}-01`, den: d.today };
  const received = KINDS.reduce((s, k) => s + d.casesByState[k].total, 0);
  const settled = d.onTimeTrend.reduce((s, m) => ({ met: s.met + m.met, missed: s.missed + m.missed }), {
    met: 0,
    missed: 0,
  });
  const rate = settled.met + settled.missed > 0 ? settled.met / (settled.met + settled.missed) : null;
  return (
    <>
      <p style={{ marginTop: 0 }}>
        Số liệu 12 tháng, từ tháng {showMonth(d.fromMonth)} đến tháng {showMonth(d.toMonth)} (đến ngày{' '}
        {showDate(d.today)}), của các đơn vị anh/chị phụ trách. Chọn một cột hoặc một dòng để xem danh sách.{' '}
        <Link to="/giam-sat/canh-bao" style={{ textDecoration: 'underline' }}>
          Xem các cảnh báo quá hạn đã gửi
        </Link>
        .
      </p>
      <p className="so-lieu-tinh-den" style={{ marginTop: 0 }}>
        {d.asOf
          ? `Số liệu tính đến ${showDateTime(d.asOf).slice(11)} ngày ${showDateTime(d.asOf).slice(0, 10)} (cập nhật mỗi phút).`
          : 'Số liệu đang được tính lần đầu, xin quay lại sau ít phút.'}
      </p>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="Vụ việc tiếp nhận" value={received} groupSeparator="." />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Link to={caseList({ loai: 'complaint', han: 'qua-han' })} data-testid="overdue-total">
              <Statistic title="Hạn đã quá" value={d.overdue.total} groupSeparator="." />
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="Giải quyết đúng hạn" value={showRate(rate)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Link to="/giam-sat/thi-hanh">
              <Statistic
                title="Quyết định chưa thi hành xong"
                value={d.enforcementBacklog.total}
                groupSeparator="."
              />
            </Link>
          </Card>
        </Col>

        <Col xs={24} lg={12}>
          <Card title={<h2 style={H2}>Vụ việc theo tháng tiếp nhận</h2>} size="small">
            <Columns
              label="Vụ việc theo tháng tiếp nhận"
              columns={d.casesByMonth.map((m) => {
                const range = monthRange(m.month);
                return {
                  key: m.month,
                  label: m.month.slice(5, 7),
                  name: showMonth(m.month),
                  caption: String(m.complaint.total + m.denunciation.total),
                  segments: KINDS.map((k) => ({
                    key: k,
                    label: KIND_TEXT[k],
                    value: m[k].total,
                    colour: KIND_COLOUR[k],
                    to: caseList({ loai: k, tu: range.from, den: range.to < d.today ? range.to : d.today }),
                  })),
                };
              })}
              legend={KINDS.map((k) => (
                <Swatch key={k} colour={KIND_COLOUR[k]}>
                  {KIND_TEXT[k]}
                </Swatch>
              ))}
            />
          </Card>
        </Col>

        <Col xs={24} lg={12}>
          <Card title={<h2 style={H2}>Tỷ lệ giải quyết đúng hạn theo tháng</h2>} size="small">
            <Columns
              label="Tỷ lệ giải quyết đúng hạn theo tháng"
              columns={d.onTimeTrend.map((m) => {
                const range = monthRange(m.month);
                const to = `/bao-cao?${new URLSearchParams({ mau: '03-GQKN', tu: range.from, den: range.to })}`;
                return {
                  key: m.month,
                  label: m.month.slice(5, 7),
                  name: showMonth(m.month),
                  caption: m.rate === null ? '—' : `${Math.round(m.rate * 100)}%`,
                  share: m.met + m.missed > 0 ? 1 : 0,
                  segments: [
                    { key: 'met', label: 'Đúng hạn', value: m.met, colour: '#2b7a0b', to },
                    { key: 'missed', label: 'Quá hạn', value: m.missed, colour: '#a40000', to },
                  ],
                };
              })}
              legend={
                <>
                  <Swatch colour="#2b7a0b">Đúng hạn</Swatch>
                  <Swatch colour="#a40000">Quá hạn</Swatch>
                  <span>(theo ngày kết thúc hạn giải quyết; chọn cột để xem báo cáo 03/GQKN của tháng)</span>
                </>
              }
            />
          </Card>
        </Col>

        {KINDS.map((k) => (
          <Col xs={24} lg={12} key={k}>
            <Card title={<h2 style={H2}>{`${KIND_TEXT[k]} theo trạng thái`}</h2>} size="small">
              <BarList
                label={`${KIND_TEXT[k]} theo trạng thái`}
                empty="Không có vụ việc trong 12 tháng."
                bars={Object.entries(d.casesByState[k].byState)
                  .filter(([, n]) => n > 0)
                  .sort((a, b) => b[1] - a[1])
                  .map(([state, n]) => ({
                    key: state,
                    label: STATE_TEXT[k][state] ?? state,
                    value: n,
                    colour: KIND_COLOUR[k],
                    to: caseList({ loai: k, 'trang-thai': state, ...period }),
                  }))}
              />
            </Card>
          </Col>
        ))}

        <Col xs={24} lg={12}>
          <Card title={<h2 style={H2}>Hạn đã quá theo đơn vị</h2>} size="small">
            <BarList
              label="Hạn đã quá theo đơn vị"
              empty="Không có hạn nào đã quá."
              bars={d.overdue.units.map((u) => ({
                key: u.unitId,
                label: u.unitName,
                value: u.overdue,
                colour: '#a40000',
                to: caseList({ loai: 'complaint', 'don-vi': u.unitId, han: 'qua-han' }),
              }))}
            />
            <p style={{ fontSize: 13, marginBottom: 0 }}>
              Đếm mọi hạn đang mở đã qua ngày đến hạn (10 đơn vị nhiều nhất); danh sách là các vụ việc có hạn
              gần nhất đã quá.
            </p>
          </Card>
        </Col>

        <Col xs={24} lg={12}>
          <Card title={<h2 style={H2}>Thi hành quyết định chưa xong</h2>} size="small">
            <BarList
              label="Thi hành quyết định theo trạng thái"
              empty="Không có quyết định nào đang chờ thi hành."
              bars={BACKLOG_STATUSES.map((s) => ({
                key: s,
                label: ENFORCEMENT_STATUS_TEXT[s],
                value: d.enforcementBacklog.byStatus[s] ?? 0,
                colour: BACKLOG_COLOUR[s],
                to: `/giam-sat/thi-hanh?trang-thai=${s}`,
              }))}
            />
            <h3 style={{ fontSize: 14, marginTop: 12 }}>Theo đơn vị</h3>
            <BarList
              label="Thi hành quyết định theo đơn vị"
              empty="Không có."
              bars={d.enforcementBacklog.units.map((u) => ({
                key: u.unitId,
                label: u.unitName,
                value: u.total,
                colour: '#595959',
                to: `/giam-sat/thi-hanh?don-vi=${u.unitId}`,
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
