import type { QueryClient } from '@tanstack/react-query';
import { refreshSession } from '../api/client';
import { meQuery } from '../auth/me-query';
import { calendarQuery } from '../lib/calendar-query';
import { todayInVietnam } from '../lib/dates';
import {
  assignmentPreviewQuery,
  caseFilesQuery,
  caseQuery,
  handlersQuery,
  type AnyCase,
} from '../pages/cases/case-query';
import { preloadable } from './preloadable';

export const ShellChunk = preloadable(() => import('./Shell'));
export const CasePageChunk = preloadable(() => import('../pages/cases/CasePage'));

const CASE_PAGE = /^\/ho-so\/(khieu-nai|to-cao)\/([^/]+)\/?$/;

/**
 * At boot, before React's first render, on a page behind sign-in: the session's refresh starts at once,
 * the shell's chunk (and a case page's) load alongside it, and once signed in the officer's record and
 * the case are asked for together — not each after the chunk that needs it (the case page's cold figure,
 * docs/console.md). Root's own refresh then finds this one under way (refreshSession shares it).
 */
export function preloadFor(pathname: string, client: QueryClient): void {
  if (pathname.startsWith('/dang-nhap')) return;
  void ShellChunk.preload();
  const casePage = CASE_PAGE.exec(pathname);
  if (casePage) void CasePageChunk.preload();
  void refreshSession().then(async (signedIn) => {
    if (!signedIn) return;
    const me = client.fetchQuery(meQuery).catch(() => undefined);
    if (!casePage) return;
    const kind = casePage[1] === 'khieu-nai' ? 'complaint' : 'denunciation';
    void client.prefetchQuery(caseFilesQuery(kind, casePage[2]));
    await client.prefetchQuery(caseQuery(kind, casePage[2]));
    const c = client.getQueryData<AnyCase>(caseQuery(kind, casePage[2]).queryKey);
    if (!c) return;
    // Its unit's calendar for this year (the deadlines' working days left), before the page first shows.
    void client.prefetchQuery(calendarQuery(c.unitId, [Number(todayInVietnam().slice(0, 4))]));
    // For whoever may reassign it, what the reassignment panel first asks for (CaseAssignment).
    if ((await me)?.permissions.includes('cases:manage')) {
      void client.prefetchQuery(handlersQuery(c.unitId));
      void client.prefetchQuery(assignmentPreviewQuery(kind, c, c.unitId, null));
    }
  });
}
