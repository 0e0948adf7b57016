import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { session } from '../api/client';
import { Loading } from '../components/Loading';
import { SignInForm } from '../components/SignInForm';
import { useStore } from '../lib/store';

/** Only a path of this console: never another site (`//evil.example`). */
function safeReturn(path: string | null): string {
  return path && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/';
}

export default function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { status } = useStore(session);
  const back = safeReturn(params.get('ve'));
  useEffect(() => {
    document.title = 'Đăng nhập — Tiếp dân';
  }, []);
  if (status === 'starting') return <Loading />;
  if (status === 'signed-in') return <Navigate to={back} replace />;
  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: '#f0f4fa',
        padding: 16,
      }}
    >
      <div className="sign-in-card">
        <h1 style={{ fontSize: 24, marginTop: 0 }}>Đăng nhập</h1>
        <p>Hệ thống tiếp công dân, xử lý đơn khiếu nại, tố cáo, kiến nghị, phản ánh.</p>
        <SignInForm
          onSignedIn={() => {
            client.clear();
            navigate(back, { replace: true });
          }}
        />
      </div>
    </main>
  );
}
