import {
  AlertOutlined,
  ApiOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  CalendarOutlined,
  EnvironmentOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  BookOutlined,
  ClusterOutlined,
  FileAddOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  FundOutlined,
  HomeOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useIsFetching, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Layout, Menu } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api, network, session, signOut } from '../api/client';
import { unwrap } from '../api/errors';
import { useCan, useMe, useUnit } from '../auth/me';
import { CalendarReadinessBanner } from '../components/CalendarReadinessBanner';
import { Loading } from '../components/Loading';
import { IntakeBadge } from '../pages/intake/IntakeBadge';
import { useStore } from '../lib/store';

const { Header, Sider, Content } = Layout;

/** The menu: an item appears only with its permission. */
const NAV = [
  { key: '/', label: 'Việc hôm nay', icon: <HomeOutlined />, permission: null },
  {
    key: '/tiep-cong-dan/ghi-so',
    label: 'Ghi sổ tiếp công dân',
    icon: <TeamOutlined />,
    permission: 'reception:write',
  },
  {
    key: '/so-tiep-cong-dan',
    label: 'Sổ tiếp công dân',
    icon: <BookOutlined />,
    permission: 'reception:read',
  },
  // Reception places, schedules and sessions, the head's duty (web/src/pages/reception).
  {
    key: '/tiep-cong-dan/lich',
    label: 'Lịch tiếp công dân',
    icon: <ScheduleOutlined />,
    permission: 'reception:read',
  },
  {
    key: '/tiep-cong-dan/dia-diem',
    label: 'Địa điểm tiếp',
    icon: <EnvironmentOutlined />,
    permission: 'reception:write',
  },
  {
    key: '/tiep-cong-dan/thu-truong',
    label: 'Thủ trưởng tiếp dân',
    icon: <SolutionOutlined />,
    permission: 'reception:read',
  },
  { key: '/don/tiep-nhan', label: 'Tiếp nhận đơn', icon: <FileAddOutlined />, permission: 'letters:write' },
  { key: '/don', label: 'Danh sách đơn', icon: <FileTextOutlined />, permission: 'letters:read' },
  {
    key: '/tiep-nhan-truc-tuyen',
    label: 'Đơn trực tuyến',
    icon: <CloudUploadOutlined />,
    permission: 'letters:write',
  },
  { key: '/viec-cua-toi', label: 'Việc của tôi', icon: <CheckSquareOutlined />, permission: 'cases:read' },
  {
    key: '/viec-cua-don-vi',
    label: 'Việc của đơn vị',
    icon: <ApartmentOutlined />,
    permission: 'cases:read',
  },
  { key: '/giam-sat', label: 'Bảng điều khiển', icon: <FundOutlined />, permission: 'reports:read' },
  { key: '/bao-cao', label: 'Báo cáo định kỳ', icon: <BarChartOutlined />, permission: 'reports:read' },
  { key: '/nhat-ky', label: 'Nhật ký hệ thống', icon: <AuditOutlined />, permission: 'audit:read' },
  {
    key: '/yeu-cau-danh-tinh',
    label: 'Yêu cầu danh tính',
    icon: <SafetyCertificateOutlined />,
    permission: 'identity:custody',
  },
  {
    key: '/du-lieu-ca-nhan',
    label: 'Dữ liệu cá nhân',
    icon: <SafetyCertificateOutlined />,
    permission: 'personal_data:subject_access',
  },
  { key: '/thong-bao', label: 'Thông báo', icon: <BellOutlined />, permission: null },
] as const;

/** The "Quản trị" group: administrators' pages (their permissions are the administrators' only). */
const ADMIN_NAV = [
  { key: '/quan-tri/don-vi', label: 'Đơn vị', icon: <ClusterOutlined />, permission: 'units:write' },
  {
    key: '/quan-tri/tai-khoan',
    label: 'Tài khoản và vai trò',
    icon: <UserOutlined />,
    permission: 'users:write',
  },
  {
    key: '/quan-tri/leo-thang',
    label: 'Bậc cảnh báo quá hạn',
    icon: <AlertOutlined />,
    permission: 'escalations:configure',
  },
  {
    key: '/quan-tri/lich-lam-viec',
    label: 'Lịch làm việc',
    icon: <CalendarOutlined />,
    permission: 'calendars:write',
  },
  {
    key: '/quan-tri/webhook',
    label: 'Hệ thống nhận sự kiện',
    icon: <ApiOutlined />,
    permission: 'webhooks:manage',
  },
  {
    key: '/quan-tri/lich-bao-cao',
    label: 'Lịch báo cáo định kỳ',
    icon: <FieldTimeOutlined />,
    permission: 'reports:configure',
  },
] as const;

export function useUnreadCount() {
  const { status } = useStore(session);
  return useQuery({
    queryKey: ['notifications', 'unread-count'],
    enabled: status === 'signed-in',
    // The bell follows new notifications without a reload.
    refetchInterval: 15_000,
    queryFn: async () => unwrap(await api.GET('/api/v1/notifications/unread-count')),
  });
}

function Bell() {
  const unread = useUnreadCount().data?.unread ?? 0;
  return (
    <Link to="/thong-bao" aria-label={`Thông báo: ${unread} chưa đọc`} data-testid="bell">
      <Badge count={unread} overflowCount={99} color="#c41d1d">
        <BellOutlined style={{ fontSize: 20, color: '#fff' }} aria-hidden />
      </Badge>
    </Link>
  );
}

function Banners() {
  const { offline, busy } = useStore(network);
  const can = useCan();
  const client = useQueryClient();
  const fetching = useIsFetching();
  return (
    <div aria-live="polite">
      {offline && (
        <Alert
          type="warning"
          showIcon
          banner
          title="Mất kết nối mạng. Dữ liệu đang nhập vẫn được giữ; hệ thống tự thử lại khi có mạng."
        />
      )}
      {busy && (
        <Alert
          type="warning"
          showIcon
          banner
          data-testid="busy-banner"
          title="Hệ thống đang bận (cơ sở dữ liệu quá tải). Đang tự thử lại…"
          action={
            <Button size="small" onClick={() => void client.refetchQueries({ type: 'active' })}>
              Thử lại ngay
            </Button>
          }
        />
      )}
      {can('calendars:write') && <CalendarReadinessBanner />}
      {fetching > 0 && (
        <span className="visually-hidden" role="status">
          Đang tải…
        </span>
      )}
    </div>
  );
}

// Loaded only when a session ends mid-work.
const ExpiredDialog = lazy(() => import('./ExpiredDialog'));

export default function Shell() {
  const me = useMe();
  const unit = useUnit(me.data?.unitId);
  const can = useCan();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [collapsed, setCollapsed] = useState(false);
  const { status } = useStore(session);
  // Once loaded, the dialog stays mounted: closing it gives the focus back to the field being typed in.
  const [dialogLoaded, setDialogLoaded] = useState(false);
  useEffect(() => {
    if (status === 'expired') setDialogLoaded(true);
  }, [status]);

  useEffect(() => {
    // Close the menu on phones after choosing a page.
    if (window.innerWidth < 992) setCollapsed(true);
  }, [location.pathname]);

  const toItem = (item: (typeof NAV)[number] | (typeof ADMIN_NAV)[number]) => ({
    key: item.key,
    icon: item.icon,
    label: (
      <Link to={item.key}>
        {item.label}
        {item.key === '/tiep-nhan-truc-tuyen' && <IntakeBadge />}
      </Link>
    ),
  });
  const adminItems = ADMIN_NAV.filter((item) => can(item.permission)).map(toItem);
  const items = [
    ...NAV.filter((item) => item.permission === null || can(item.permission)).map(toItem),
    ...(adminItems.length
      ? [{ type: 'group' as const, key: 'quan-tri', label: 'Quản trị', children: adminItems }]
      : []),
  ];
  const selected =
    [...NAV, ...ADMIN_NAV]
      .map((n) => n.key as string)
      .filter((key) => (key === '/' ? location.pathname === '/' : location.pathname.startsWith(key)))
      // A page of no menu entry (a case, an enforcement record) marks none, not "Việc hôm nay".
      .sort((a, b) => b.length - a.length)[0] ?? '';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#noi-dung" className="skip-link">
        Bỏ qua trình đơn
      </a>
      <Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16, background: '#0b3d91' }}
      >
        <Link to="/" style={{ color: '#fff', fontWeight: 600, whiteSpace: 'nowrap' }}>
          Tiếp dân
        </Link>
        <div style={{ flex: 1 }} />
        <div style={{ display: 'flex', alignItems: 'center', gap: 16, color: '#fff', minWidth: 0 }}>
          <div className="who" style={{ lineHeight: 1.3, textAlign: 'right', minWidth: 0 }} data-testid="who">
            <div style={{ fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {me.data?.fullName ?? '…'}
            </div>
            <div style={{ fontSize: 12, overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {unit.data?.name ?? ''}
            </div>
          </div>
          <Bell />
          <Button
            aria-label="Đăng xuất"
            icon={<LogoutOutlined />}
            onClick={async () => {
              await signOut();
              client.clear();
              navigate('/dang-nhap', { replace: true });
            }}
          >
            <span className="hide-on-phone">Đăng xuất</span>
          </Button>
        </div>
      </Header>
      <Layout>
        <Sider
          breakpoint="lg"
          collapsedWidth={0}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={230}
          theme="light"
          zeroWidthTriggerStyle={{ top: 8 }}
        >
          <nav aria-label="Trình đơn chính">
            <Menu mode="inline" selectedKeys={[selected]} items={items} style={{ height: '100%' }} />
          </nav>
        </Sider>
        <Content id="noi-dung" style={{ padding: 16, minWidth: 0 }}>
          <Banners />
          <main>
            <Suspense fallback={<Loading />}>{me.isPending ? <Loading /> : <Outlet />}</Suspense>
          </main>
        </Content>
      </Layout>
      {dialogLoaded && (
        <Suspense fallback={null}>
          <ExpiredDialog />
        </Suspense>
      )}
    </Layout>
  );
}
