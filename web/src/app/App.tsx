import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { lazy, Suspense, useEffect } from 'react';
import { createBrowserRouter, Navigate, Outlet, RouterProvider, useLocation } from 'react-router';
import { refreshSession, session } from '../api/client';
import { dashboardQuery } from '../pages/oversight/dashboard-query';
import { ApiError } from '../api/errors';
import '../lib/dates';
import { useStore } from '../lib/store';
import { Loading } from '../components/Loading';
import { CasePageChunk, preloadFor, ShellChunk } from './preload';
import './global.css';

// The shell (menu, header, banners) is not part of the sign-in page's download.
const Shell = ShellChunk.Component;
const SignInPage = lazy(() => import('../pages/SignInPage'));
const HomePage = lazy(() => import('../pages/HomePage'));
const LogVisitPage = lazy(() => import('../pages/LogVisitPage'));
const ReceptionBookPage = lazy(() => import('../pages/ReceptionBookPage'));
const VisitPage = lazy(() => import('../pages/VisitPage'));
const LettersPage = lazy(() => import('../pages/LettersPage'));
const LetterPage = lazy(() => import('../pages/LetterPage'));
const NewLetterPage = lazy(() => import('../pages/NewLetterPage'));
const NotificationsPage = lazy(() => import('../pages/NotificationsPage'));
const WorkListPage = lazy(() => import('../pages/cases/WorkListPage'));
const CasePage = CasePageChunk.Component;
const DashboardPage = lazy(() => import('../pages/oversight/DashboardPage'));
const OversightCasesPage = lazy(() => import('../pages/oversight/CaseListPage'));
const OversightEnforcementPage = lazy(() => import('../pages/oversight/EnforcementListPage'));
const ReportsPage = lazy(() => import('../pages/oversight/ReportsPage'));
const AuditPage = lazy(() => import('../pages/oversight/AuditPage'));
const EscalationsPage = lazy(() => import('../pages/oversight/EscalationsPage'));
const UnitsPage = lazy(() => import('../pages/admin/UnitsPage'));
const AccountsPage = lazy(() => import('../pages/admin/AccountsPage'));
const LaddersPage = lazy(() => import('../pages/admin/LaddersPage'));
const WebhooksPage = lazy(() => import('../pages/admin/WebhooksPage'));
const ReportingSchedulePage = lazy(() => import('../pages/admin/ReportingSchedulePage'));
const RevealRequestsPage = lazy(() => import('../pages/identity/RevealRequestsPage'));
const IntakeQueuePage = lazy(() => import('../pages/intake/IntakeQueuePage'));
const IntakeCheckPage = lazy(() => import('../pages/intake/IntakeCheckPage'));
const SubjectAccessPage = lazy(() => import('../pages/subject-access/SubjectAccessPage'));
const CalendarPage = lazy(() => import('../pages/calendar/CalendarPage'));
const EnforcementRecordPage = lazy(() => import('../pages/enforcement/EnforcementRecordPage'));
const ReceptionCalendarPage = lazy(() => import('../pages/reception/ReceptionCalendarPage'));
const PlacesPage = lazy(() => import('../pages/reception/PlacesPage'));
const HeadDutyPage = lazy(() => import('../pages/reception/HeadDutyPage'));

/** Retries what the server could not do now (503: busy or starting), never what it refused. */
function shouldRetry(failures: number, error: unknown): boolean {
  if (error instanceof ApiError) return error.status === 503 && failures < 6;
  return failures < 2;
}

const queryClient = new QueryClient({
  queryCache: new QueryCache(),
  defaultOptions: {
    queries: {
      retry: shouldRetry,
      retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
      refetchOnWindowFocus: true,
    },
    mutations: { retry: false },
  },
});
preloadFor(window.location.pathname, queryClient);

/** Pages of a signed-in officer; without a session, the sign-in page, which comes back here after. */
function RequireSession() {
  const { status } = useStore(session);
  const location = useLocation();
  if (status === 'starting') return <Loading />;
  if (status === 'signed-out') {
    const back = location.pathname + location.search;
    return <Navigate to={`/dang-nhap${back === '/' ? '' : `?ve=${encodeURIComponent(back)}`}`} replace />;
  }
  return (
    <Suspense fallback={<Loading />}>
      <Shell />
    </Suspense>
  );
}

function Root() {
  useEffect(() => {
    // A reload keeps the session: the HttpOnly cookie gives a new access token.
    if (session.get().status === 'starting') {
      // Opened on the dashboard: its chunks and figures load while the session is restored, not after.
      const dashboard = /^\/giam-sat\/?$/.test(window.location.pathname);
      if (dashboard) {
        void import('./Shell');
        void import('../pages/oversight/DashboardPage');
      }
      void refreshSession().then((ok) => {
        if (!ok) session.set({ status: 'signed-out' });
        else if (dashboard) void queryClient.prefetchQuery(dashboardQuery);
      });
    }
  }, []);
  return (
    <Suspense fallback={<Loading />}>
      <Outlet />
    </Suspense>
  );
}

const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      { path: '/dang-nhap', element: <SignInPage /> },
      {
        element: <RequireSession />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/tiep-cong-dan/ghi-so', element: <LogVisitPage /> },
          { path: '/so-tiep-cong-dan', element: <ReceptionBookPage /> },
          { path: '/so-tiep-cong-dan/:id', element: <VisitPage /> },
          { path: '/don', element: <LettersPage /> },
          { path: '/don/tiep-nhan', element: <NewLetterPage /> },
          { path: '/don/:id', element: <LetterPage /> },
          { path: '/thong-bao', element: <NotificationsPage /> },
          { path: '/tiep-nhan-truc-tuyen', element: <IntakeQueuePage /> },
          { path: '/tiep-nhan-truc-tuyen/:id', element: <IntakeCheckPage /> },
          { path: '/viec-cua-toi', element: <WorkListPage key="mine" scope="mine" /> },
          { path: '/viec-cua-don-vi', element: <WorkListPage key="unit" scope="unit" /> },
          { path: '/ho-so/khieu-nai/:id', element: <CasePage key="complaint" kind="complaint" /> },
          { path: '/ho-so/to-cao/:id', element: <CasePage key="denunciation" kind="denunciation" /> },
          { path: '/giam-sat', element: <DashboardPage /> },
          { path: '/giam-sat/ho-so', element: <OversightCasesPage /> },
          { path: '/giam-sat/thi-hanh', element: <OversightEnforcementPage /> },
          { path: '/giam-sat/canh-bao', element: <EscalationsPage /> },
          { path: '/bao-cao', element: <ReportsPage /> },
          { path: '/nhat-ky', element: <AuditPage /> },
          { path: '/quan-tri/don-vi', element: <UnitsPage /> },
          { path: '/quan-tri/tai-khoan', element: <AccountsPage /> },
          { path: '/quan-tri/leo-thang', element: <LaddersPage /> },
          { path: '/quan-tri/webhook', element: <WebhooksPage /> },
          { path: '/quan-tri/lich-bao-cao', element: <ReportingSchedulePage /> },
          { path: '/yeu-cau-danh-tinh', element: <RevealRequestsPage key="queue" mine={false} /> },
          { path: '/yeu-cau-danh-tinh/cua-toi', element: <RevealRequestsPage key="mine" mine /> },
          { path: '/du-lieu-ca-nhan', element: <SubjectAccessPage /> },
          { path: '/quan-tri/lich-lam-viec', element: <CalendarPage /> },
          { path: '/thi-hanh/:id', element: <EnforcementRecordPage /> },
          { path: '/tiep-cong-dan/lich', element: <ReceptionCalendarPage /> },
          { path: '/tiep-cong-dan/dia-diem', element: <PlacesPage /> },
          { path: '/tiep-cong-dan/thu-truong', element: <HeadDutyPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);

function NotFound() {
  return <p role="alert">Không có trang này. Chọn một mục trong trình đơn.</p>;
}

// Colours with at least 4.5:1 contrast on white (WCAG AA), Vietnamese everywhere.
const theme = {
  token: {
    colorPrimary: '#0b57d0',
    colorLink: '#0b57d0',
    // Hovered buttons and links too (antd's derived hover blue, #2f78de, is 4.3:1 on white).
    colorPrimaryHover: '#0842a0',
    colorLinkHover: '#0842a0',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.55)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorError: '#c41d1d',
    colorSuccess: '#2b7a0b',
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif",
  },
};

export function App() {
  return (
    <ConfigProvider locale={viVN} theme={theme}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  );
}
