import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useCan, useMe } from '../auth/me';
import { DueTag } from '../components/DueTag';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { addDays, showDate, showDateTime, todayInVietnam, weekday } from '../lib/dates';
import { CONTENT_KIND, SESSION_STATUS } from '../lib/labels';

/** Việc hôm nay: sessions, pending intakes, letters by nearest deadline, unread notifications. */
export default function HomePage() {
  const can = useCan();
  const me = useMe().data;
  const today = todayInVietnam();
  const sessions = useQuery({
    queryKey: ['sessions', 'week', today],
    enabled: can('reception:read'),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/reception/sessions', {
          params: { query: { from: today, to: addDays(today, 6), pageSize: 50 } },
        }),
      ),
  });
  const intakes = useQuery({
    queryKey: ['pending-intakes'],
    enabled: can('reception:read'),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/reception/pending-intakes', { params: { query: { pageSize: 20 } } })),
  });
  const letters = useQuery({
    queryKey: ['letters', 'waiting'],
    enabled: can('letters:read'),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/letters', {
          params: { query: { status: 'registered', sort: 'due', pageSize: 10 } },
        }),
      ),
  });
  const notifications = useQuery({
    queryKey: ['notifications', 'unread', 'home'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/notifications', { params: { query: { unread: true, pageSize: 5 } } })),
  });

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            {can('reception:write') && (
              <Link to="/tiep-cong-dan/ghi-so">
                <Button type="primary">Ghi sổ lượt tiếp</Button>
              </Link>
            )}
            {can('letters:write') && (
              <Link to="/don/tiep-nhan">
                <Button>Tiếp nhận đơn</Button>
              </Link>
            )}
          </Space>
        }
      >
        Việc hôm nay
      </PageTitle>
      <Typography.Paragraph>
        {weekday(today)}, {showDate(today)}
        {me ? ` — ${me.fullName}` : ''}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {can('reception:read') && (
          <Col xs={24} lg={12}>
            <Card title={<h2 style={cardHeading}>Lịch tiếp công dân tuần này</h2>}>
              <QueryState query={sessions}>
                {(page) =>
                  page.items.length === 0 ? (
                    <Empty description="Không có buổi tiếp nào trong 7 ngày tới" />
                  ) : (
                    <List
                      dataSource={page.items}
                      renderItem={(s) => (
                        <List.Item>
                          <div>
                            <strong>
                              {s.date === today ? 'Hôm nay' : weekday(s.date)} {showDate(s.date)},{' '}
                              {s.startTime}–{s.endTime}
                            </strong>
                            <div>
                              {s.receiverName}
                              {s.receiverTitle ? ` (${s.receiverTitle})` : ''} ·{' '}
                              {s.place?.name ?? 'trực tuyến'}
                            </div>
                          </div>
                          {s.status !== 'scheduled' && <Tag>{SESSION_STATUS[s.status]}</Tag>}
                        </List.Item>
                      )}
                    />
                  )
                }
              </QueryState>
            </Card>
          </Col>
        )}
        {can('letters:read') && (
          <Col xs={24} lg={12}>
            <Card
              title={<h2 style={cardHeading}>Đơn chờ xử lý (hạn gần nhất trước)</h2>}
              extra={<Link to="/don?trang-thai=registered&sap-xep=due">Tất cả</Link>}
            >
              <QueryState query={letters}>
                {(page) =>
                  page.items.length === 0 ? (
                    <Empty description="Không có đơn chờ xử lý" />
                  ) : (
                    <List
                      dataSource={page.items}
                      renderItem={(l) => (
                        <List.Item>
                          <div style={{ minWidth: 0 }}>
                            <Link to={`/don/${l.id}`}>{l.subject}</Link>
                            <div style={{ fontSize: 13 }}>
                              {l.receiptCode} · {CONTENT_KIND[l.classification]} · nhận{' '}
                              {showDate(l.receivedOn)}
                            </div>
                          </div>
                          <DueTag due={l.processingDue} unitId={l.unitId} />
                        </List.Item>
                      )}
                    />
                  )
                }
              </QueryState>
            </Card>
          </Col>
        )}
        {can('reception:read') && (
          <Col xs={24} lg={12}>
            <Card title={<h2 style={cardHeading}>Đơn nhận tại buổi tiếp, chờ vào sổ đơn</h2>}>
              <QueryState query={intakes}>
                {(page) =>
                  page.items.length === 0 ? (
                    <Empty description="Không có đơn chờ" />
                  ) : (
                    <List
                      dataSource={page.items}
                      renderItem={(i) => (
                        <List.Item>
                          <span>
                            {CONTENT_KIND[i.contentKind]}, nhận {showDate(i.receivedOn)}
                          </span>
                          {can('letters:write') && (
                            <Link to={`/don/tiep-nhan?luot-tiep=${i.visitId}`}>Vào sổ đơn</Link>
                          )}
                        </List.Item>
                      )}
                    />
                  )
                }
              </QueryState>
            </Card>
          </Col>
        )}
        <Col xs={24} lg={12}>
          <Card
            title={<h2 style={cardHeading}>Thông báo chưa đọc</h2>}
            extra={<Link to="/thong-bao">Tất cả thông báo</Link>}
          >
            <QueryState query={notifications}>
              {(page) =>
                page.items.length === 0 ? (
                  <Empty description="Không có thông báo mới" />
                ) : (
                  <List
                    dataSource={page.items}
                    renderItem={(n) => (
                      <List.Item>
                        <div>
                          <strong>{n.title}</strong>
                          <div style={{ fontSize: 13 }}>{showDateTime(n.createdAt)}</div>
                        </div>
                      </List.Item>
                    )}
                  />
                )
              }
            </QueryState>
          </Card>
        </Col>
      </Row>
    </>
  );
}

const cardHeading = { fontSize: 16, margin: 0 } as const;
