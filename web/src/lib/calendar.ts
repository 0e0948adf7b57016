import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';

/**
 * The unit's effective working-day calendar for the years asked (its days off, make-up days): a
 * function telling whether a date is worked. Until it loads, Monday–Friday.
 */
export function useWorkingCalendar(unitId: string | undefined, years: number[]) {
  const query = useQuery({
    queryKey: ['calendar', unitId, years],
    enabled: !!unitId,
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
  });
  const differing = query.data;
  return (date: string) => {
    const known = differing?.get(date);
    if (known !== undefined) return known;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
}
