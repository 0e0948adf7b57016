import { api } from '../api/client';
import { unwrap } from '../api/errors';

/**
 * A unit's calendar for some years as a query (its days that differ from Monday–Friday): shared by
 * `useWorkingCalendar` and the boot's preload of a case page (app/preload.ts).
 */
export function calendarQuery(unitId: string | undefined, years: number[]) {
  return {
    queryKey: ['calendar', unitId, years],
    staleTime: 3600_000,
    queryFn: async () => {
      const differing = new Map<string, boolean>();
      for (const year of years) {
        const view = unwrap(
          await api.GET('/api/v1/calendars/{scope}/years/{year}', {
            params: { path: { scope: unitId!, year: String(year) } },
          }),
        );
        for (const day of view.days) differing.set(day.date, day.working);
      }
      return differing;
    },
  };
}
