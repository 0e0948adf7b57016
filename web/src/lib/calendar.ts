import { useQuery } from '@tanstack/react-query';
import { calendarQuery } from './calendar-query';

/**
 * The unit's effective working-day calendar for the years asked (its days off, make-up days): a
 * function telling whether a date is worked. Until it loads, Monday–Friday.
 */
export function useWorkingCalendar(unitId: string | undefined, years: number[]) {
  const query = useQuery({ ...calendarQuery(unitId, years), enabled: !!unitId });
  const differing = query.data;
  return (date: string) => {
    const known = differing?.get(date);
    if (known !== undefined) return known;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
}
