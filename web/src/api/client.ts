import createClient from 'openapi-fetch';
import type { BootHandoff } from '../boot';
import { createStore } from '../lib/store';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** The console's header on the cookie routes (CSRF: src/auth/refresh-cookie.ts). */
const CONSOLE_HEADERS = { 'x-tiepdan-console': '1' };

export interface SessionState {
  status: 'starting' | 'signed-in' | 'signed-out' | 'expired';
  accessToken?: string;
}

/** The access token lives here, in memory only; the refresh token is an HttpOnly cookie. */
export const session = createStore<SessionState>({ status: 'starting' });

/** Network and server state for the global banners. */
export const network = createStore<{ offline: boolean; busy: boolean }>({
  offline: typeof navigator !== 'undefined' && !navigator.onLine,
  busy: false,
});
function setNetwork(patch: Partial<{ offline: boolean; busy: boolean }>) {
  const current = network.get();
  if (Object.entries(patch).every(([k, v]) => current[k as keyof typeof current] === v)) return;
  network.set({ ...current, ...patch });
}
if (typeof window !== 'undefined') {
  window.addEventListener('online', () => setNetwork({ offline: false }));
  window.addEventListener('offline', () => setNetwork({ offline: true }));
}

async function cookieRoute(path: 'refresh' | 'login', body?: unknown): Promise<Response> {
  return fetch(`/api/v1/auth/browser/${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...CONSOLE_HEADERS, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

/** How long after the boot its reads may be taken (a page's first requests, never later ones). */
const BOOT_READS_MS = 10_000;

/** The boot script's requests (web/src/boot.ts). */
const bootHandoff = (): BootHandoff | undefined =>
  typeof window === 'undefined' ? undefined : window.__tiepdanBoot;

/**
 * The boot's refresh, once: the first refreshSession() takes its answer, however late, rather than
 * rotating the cookie a second time.
 */
function takeBootRefresh(): Promise<Response> | undefined {
  const handoff = bootHandoff();
  const refresh = handoff?.refresh;
  if (handoff) handoff.refresh = undefined;
  return refresh;
}

/**
 * The boot's answer to this GET, once, if it asked for the same address. Anything but a GET drops the
 * answers not yet taken (a change may have made them stale).
 */
function takeBootRead(request: Request): Promise<Response> | undefined {
  const handoff = bootHandoff();
  if (!handoff || handoff.reads.size === 0) return undefined;
  if (request.method !== 'GET' || performance.now() - handoff.startedAt > BOOT_READS_MS) {
    handoff.reads.clear();
    return undefined;
  }
  const url = new URL(request.url);
  if (url.origin !== window.location.origin) return undefined;
  const key = url.pathname + url.search;
  const answer = handoff.reads.get(key);
  handoff.reads.delete(key);
  return answer;
}

let refreshing: Promise<boolean> | null = null;

/**
 * A new access token from the cookie (one at a time: parallel 401s share it). A 409 means another tab
 * rotated the cookie a moment ago: the browser has the newer cookie now, so one more try.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        const res = await ((attempt === 0 && takeBootRefresh()) || cookieRoute('refresh'));
        if (res.ok) {
          const body = (await res.json()) as { accessToken: string };
          session.set({ status: 'signed-in', accessToken: body.accessToken });
          return true;
        }
        if (res.status !== 409 && res.status !== 503) break;
        await new Promise((r) => setTimeout(r, 300 * (attempt + 1)));
      }
      return false;
    } catch {
      setNetwork({ offline: true });
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

export async function signIn(email: string, password: string): Promise<Response> {
  const res = await cookieRoute('login', { email, password });
  if (res.ok) {
    const body = (await res.clone().json()) as { accessToken: string };
    session.set({ status: 'signed-in', accessToken: body.accessToken });
  }
  return res;
}

export async function signOut(): Promise<void> {
  await api
    .POST('/api/v1/auth/browser/logout', { params: { header: CONSOLE_HEADERS } })
    .catch(() => undefined);
  session.set({ status: 'signed-out' });
}

function withToken(request: Request): Request {
  const token = session.get().accessToken;
  if (token) request.headers.set('authorization', `Bearer ${token}`);
  return request;
}

/**
 * Every API call: the access token added; a 401 of an expired token refreshed once through the cookie
 * and the call repeated; a session that cannot be refreshed ends as "expired" (the sign-in dialog opens
 * over the page, keeping what was typed); the busy and offline banners follow the answers.
 */
async function consoleFetch(input: Request): Promise<Response> {
  const spare = input.clone();
  let res: Response;
  try {
    res = await (takeBootRead(input) ?? fetch(withToken(input)));
  } catch (error) {
    setNetwork({ offline: true });
    throw error;
  }
  setNetwork({ offline: false });
  if (res.status === 401 && session.get().status === 'signed-in') {
    if (await refreshSession()) {
      res = await fetch(withToken(spare));
    } else {
      session.set({ status: 'expired' });
    }
  }
  setNetwork({ busy: res.status === 503 });
  return res;
}

export const api = createClient<paths>({ baseUrl: '', fetch: consoleFetch });
