import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import type { ReactNode } from 'react';
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
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
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
          </div>
        }
      >
        Việc hôm nay
      </PageTitle>
      <p>
        {weekday(today)}, {showDate(today)}
        {me ? ` — ${me.fullName}` : ''}
      </p>
      <div className="home-grid">
        {can('reception:read') && (
          <Panel title="Lịch tiếp công dân tuần này">
            <QueryState query={sessions}>
              {(page) =>
                page.items.length === 0 ? (
                  <p className="empty">Không có buổi tiếp nào trong 7 ngày tới</p>
                ) : (
                  <ul className="home-list">
                    {page.items.map((s) => (
                      <li key={s.id}>
                        <div>
                          <strong>
                            {s.date === today ? 'Hôm nay' : weekday(s.date)} {showDate(s.date)}, {s.startTime}
                            –{s.endTime}
                          </strong>
                          <div>
                            {s.receiverName}
                            {s.receiverTitle ? ` (${s.receiverTitle})` : ''} · {s.place?.name ?? 'trực tuyến'}
                          </div>
                        </div>
                        {s.status !== 'scheduled' && (
                          <span className="status">{SESSION_STATUS[s.status]}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                )
              }
            </QueryState>
          </Panel>
        )}
        {can('letters:read') && (
          <Panel
            title="Đơn chờ xử lý (hạn gần nhất trước)"
            extra={<Link to="/don?trang-thai=registered&sap-xep=due">Tất cả</Link>}
          >
            <QueryState query={letters}>
              {(page) =>
                page.items.length === 0 ? (
                  <p className="empty">Không có đơn chờ xử lý</p>
                ) : (
                  <ul className="home-list">
                    {page.items.map((l) => (
                      <li key={l.id}>
                        <div style={{ minWidth: 0 }}>
                          <Link to={`/don/${l.id}`}>{l.subject}</Link>
                          <div style={{ fontSize: 13 }}>
                            {l.receiptCode} · {CONTENT_KIND[l.classification]} · nhận {showDate(l.receivedOn)}
                          </div>
                        </div>
                        <DueTag due={l.processingDue} unitId={l.unitId} />
                      </li>
                    ))}
                  </ul>
                )
              }
            </QueryState>
          </Panel>
        )}
        {can('reception:read') && (
          <Panel title="Đơn nhận tại buổi tiếp, chờ vào sổ đơn">
            <QueryState query={intakes}>
              {(page) =>
                page.items.length === 0 ? (
                  <p className="empty">Không có đơn chờ</p>
                ) : (
                  <ul className="home-list">
                    {page.items.map((i) => (
                      <li key={i.id}>
                        <span>
                          {CONTENT_KIND[i.contentKind]}, nhận {showDate(i.receivedOn)}
                        </span>
                        {can('letters:write') && (
                          <Link to={`/don/tiep-nhan?luot-tiep=${i.visitId}`}>Vào sổ đơn</Link>
                        )}
                      </li>
                    ))}
                  </ul>
                )
              }
            </QueryState>
          </Panel>
        )}

        <Panel title="Thông báo chưa đọc" extra={<Link to="/thong-bao">Tất cả thông báo</Link>}>
          <QueryState query={notifications}>
            {(page) =>
              page.items.length === 0 ? (
                <p className="empty">Không có thông báo mới</p>
              ) : (
                <ul className="home-list">
                  {page.items.map((n) => (
                    <li key={n.id}>
                      <div>
                        <strong>{n.title}</strong>
                        <div style={{ fontSize: 13 }}>{showDateTime(n.createdAt)}</div>
                      </div>
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryState>
        </Panel>
      </div>
    </>
  );
}

/** A titled section of the home page (plain markup: the home page is the first one an officer loads). */
function Panel({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section className="home-panel" aria-label={title}>
      <header>
        <h2>{title}</h2>
        {extra}
      </header>
      {children}
    </section>
  );
}
