import { useQuery } from '@tanstack/react-query';
import { Input } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { PASSWORD_POLICY_TEXT, passwordProblemText } from './labels';

/** The typed value a short pause after the last key (one check per pause, not per key). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/**
 * A new password with the API's policy shown as it is typed: `POST /users/password-check` applies the
 * rules a save applies (length, repeats, the common-password list, the account's own e-mail and name),
 * so the console holds no copy of them.
 */
export function PasswordField({
  id,
  value,
  onChange,
  email,
  fullName,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
  email?: string;
  fullName?: string;
}) {
  const typed = value ?? '';
  const settled = useSettled({ password: typed, email, fullName }, 200);
  const check = useQuery({
    queryKey: ['password-check', settled],
    enabled: settled.password.length > 0,
    staleTime: Infinity,
    gcTime: 0, // a typed password is not kept in the cache once the field moves on
    queryFn: async () => unwrap(await api.POST('/api/v1/users/password-check', { body: settled })),
  });
  const current = check.data && settled.password === typed ? check.data : null;
  return (
    <>
      <Input.Password
        id={id}
        value={typed}
        onChange={(e) => onChange?.(e.target.value)}
        autoComplete="new-password"
        aria-describedby={id ? `${id}-policy` : undefined}
      />
      <div
        id={id ? `${id}-policy` : undefined}
        aria-live="polite"
        data-testid="password-policy"
        style={{ marginTop: 6 }}
      >
        {typed.length === 0 ? (
          <span>{PASSWORD_POLICY_TEXT}</span>
        ) : !current ? (
          <span>Đang kiểm tra…</span>
        ) : current.problems.length === 0 ? (
          <span style={{ color: '#2b7a0b' }} data-ok="true">
            ✓ Mật khẩu đạt yêu cầu ({[...typed].length} ký tự)
          </span>
        ) : (
          <ul style={{ margin: 0, paddingLeft: 20, color: '#c41d1d' }}>
            {current.problems.map((p) => (
              <li key={p}>{passwordProblemText(p)}</li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
