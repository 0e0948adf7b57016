/**
 * The console's first script (issue 17's case-page figure, docs/console.md "How a page starts"): a file of
 * its own, loaded by the HTML shell before the entry chunk (React and antd, ~170 KB gzipped, which takes a
 * few hundred milliseconds to download, parse and run). On a page behind sign-in it starts at once what
 * the page will wait for, while the entry is still loading:
 *
 * - the session's refresh (`POST /auth/browser/refresh`, the HttpOnly cookie), then with its access token
 *   the officer's record (`GET /auth/me`) and, on `/ho-so/{khieu-nai|to-cao}/{id}`, the case and its
 *   documents, then its unit's calendar for this year;
 * - the shell's chunks (and the case page's) as `<link rel="modulepreload">`, from the lists the build
 *   wrote into the shell (`<meta name="tiepdan-preload">`, web/vite.config.ts), at a lower priority than
 *   the requests above: Chromium sends at most six requests at once to a host over HTTP/1.1, and those
 *   requests are a chain where the chunks are ~50 requests side by side.
 *
 * It imports nothing (a separate entry of the build: anything shared would become a chunk of its own) and
 * hands its requests to the app on `window.__tiepdanBoot`: `refreshSession` takes the refresh's answer
 * instead of sending one (a second refresh of the same cookie would be refused as a race), and the API
 * client takes each GET's answer once, when it asks for the same address soon after (api/client.ts).
 */
export interface BootHandoff {
  /** When the boot ran (`performance.now()`): its reads are only taken shortly after. */
  startedAt: number;
  /** The refresh's answer, taken once by the first `refreshSession()`. */
  refresh?: Promise<Response>;
  /** GET answers by path and query string, each taken once by the API client. */
  reads: Map<string, Promise<Response>>;
}

declare global {
  interface Window {
    __tiepdanBoot?: BootHandoff;
  }
}

// The same as api/client.ts's (kept apart on purpose: this file imports nothing).
const CONSOLE_HEADERS = { 'x-tiepdan-console': '1' };
const CASE_PAGE = /^\/ho-so\/(khieu-nai|to-cao)\/([^/]+)\/?$/;

function requests(handoff: BootHandoff, casePage: RegExpExecArray | null) {
  const read = (url: string, token: string, then?: (res: Response) => Promise<void>) => {
    const answer = fetch(url, { headers: { authorization: `Bearer ${token}` }, priority: 'high' }).then(
      async (res) => {
        // What depends on this answer is asked for before the app sees it (so the app finds it here too).
        if (then && res.ok) await then(res.clone()).catch(() => undefined);
        return res;
      },
    );
    answer.catch(() => undefined); // a failure is the app's to see, if it takes the answer
    handoff.reads.set(url, answer);
  };
  handoff.refresh = fetch('/api/v1/auth/browser/refresh', {
    method: 'POST',
    credentials: 'same-origin',
    headers: CONSOLE_HEADERS,
    priority: 'high',
  }).then(async (res) => {
    if (!res.ok) return res;
    // The reads are under way before the app hears that it is signed in: it finds them all here.
    const { accessToken } = (await res.clone().json()) as { accessToken: string };
    read('/api/v1/auth/me', accessToken);
    if (casePage) {
      const base = `/api/v1/${casePage[1] === 'khieu-nai' ? 'complaint' : 'denunciation'}-cases/${casePage[2]}`;
      read(`${base}/attachments`, accessToken);
      read(base, accessToken, async (found) => {
        const { unitId } = (await found.json()) as { unitId: string };
        // This year in Vietnam, as lib/dates.ts's todayInVietnam: the deadlines' working days left.
        const year = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 4);
        read(`/api/v1/calendars/${encodeURIComponent(unitId)}/years/${year}`, accessToken);
      });
    }
    return res;
  });
  handoff.refresh.catch(() => undefined);
}

/** The chunks the page will import, from the lists the build wrote into the shell. */
function preload(casePage: RegExpExecArray | null) {
  let lists: Record<string, string[] | undefined> = {};
  try {
    lists = JSON.parse(
      document.querySelector('meta[name="tiepdan-preload"]')?.getAttribute('content') ?? '{}',
    ) as Record<string, string[] | undefined>;
  } catch {
    // A shell without the lists (the development server): the app loads its chunks itself.
  }
  for (const file of [...(lists.shell ?? []), ...((casePage && lists.casePage) || [])]) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.fetchPriority = 'low';
    link.href = file;
    document.head.appendChild(link);
  }
}

const handoff: BootHandoff = { startedAt: performance.now(), reads: new Map() };
window.__tiepdanBoot = handoff;
if (!location.pathname.startsWith('/dang-nhap')) {
  const casePage = CASE_PAGE.exec(location.pathname);
  requests(handoff, casePage);
  preload(casePage); // after the refresh: the first request the server hears
}
