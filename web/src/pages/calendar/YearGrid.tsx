import { memo, useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { showDate } from '../../lib/dates';
import {
  monthGrid,
  moveFocus,
  MONTHS,
  sourceLabel,
  STATUS_LABELS,
  WEEKDAY_LONG,
  WEEKDAY_SHORT,
  mondayIndex,
  type GridDay,
  type ListedDay,
} from './calendar-model';

/**
 * Background per status, plus a shape in the corner (never colour alone, and no text that would not be
 * in the button's name): a dot for a day off, a ring for a holiday on a rest day, a corner for a
 * make-up working day (calendar.css).
 */
const STYLE: Record<GridDay['status'], { background: string; color: string }> = {
  working: { background: '#fff', color: '#1f1f1f' },
  rest: { background: '#f0f0f0', color: '#595959' },
  day_off: { background: '#ffd8d6', color: '#8a1c14' },
  holiday_on_rest_day: { background: '#ffe7ba', color: '#7a4100' },
  make_up_working_day: { background: '#c9f2d0', color: '#135200' },
};

export function dayLabel(day: GridDay, scope: string, unitNames: ReadonlyMap<string, string>): string {
  // Starts with the number shown on the button (the visible text is part of the name).
  const parts = [
    `${day.day}, ${WEEKDAY_LONG[mondayIndex(day.date)]} ${showDate(day.date)}`,
    STATUS_LABELS[day.status],
  ];
  if (day.listed) {
    parts.push(day.listed.name);
    parts.push(sourceLabel(day.listed.source, scope, unitNames));
  }
  return parts.join(' — ');
}

interface MonthProps {
  year: number;
  month: number;
  listed: ReadonlyMap<string, ListedDay>;
  focused: string;
  scope: string;
  unitNames: ReadonlyMap<string, string>;
  onKey: (event: KeyboardEvent<HTMLButtonElement>, date: string) => void;
  onOpen: (date: string) => void;
}

const Month = memo(function Month({
  year,
  month,
  listed,
  focused,
  scope,
  unitNames,
  onKey,
  onOpen,
}: MonthProps) {
  const weeks = monthGrid(year, month, listed);
  return (
    <table className="cal-month" data-testid={`month-${month}`}>
      <caption>
        {MONTHS[month - 1]}/{year}
      </caption>
      <thead>
        <tr>
          {WEEKDAY_SHORT.map((d, i) => (
            <th key={d} scope="col" abbr={WEEKDAY_LONG[i]}>
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map((day, i) =>
              day === null ? (
                <td key={i} />
              ) : (
                <td key={day.date}>
                  <button
                    type="button"
                    className={`cal-day cal-${day.status}${day.listed?.source === scope ? ' cal-own' : ''}`}
                    style={STYLE[day.status]}
                    data-date={day.date}
                    tabIndex={day.date === focused ? 0 : -1}
                    aria-label={dayLabel(day, scope, unitNames)}
                    title={
                      day.listed
                        ? `${day.listed.name} — ${sourceLabel(day.listed.source, scope, unitNames)}`
                        : undefined
                    }
                    onKeyDown={(e) => onKey(e, day.date)}
                    onClick={() => onOpen(day.date)}
                  >
                    {day.day}
                  </button>
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
});

/**
 * Twelve month grids. One day holds the tab stop (roving tabindex); arrows move a day or a week, Page
 * Up/Down a month, Home/End to the week's ends; Enter or Space opens the day.
 */
export function YearGrid({
  year,
  days,
  scope,
  unitNames,
  focused,
  onFocusChange,
  onOpen,
}: {
  year: number;
  days: readonly ListedDay[];
  scope: string;
  unitNames: ReadonlyMap<string, string>;
  focused: string;
  onFocusChange: (date: string) => void;
  onOpen: (date: string) => void;
}) {
  const root = useRef<HTMLDivElement>(null);
  const listed = useMemo(() => new Map(days.map((d) => [d.date, d])), [days]);
  useEffect(() => {
    // `lich:nam`: from the choice (or the page's start) to the frame after the months are drawn.
    const frame = requestAnimationFrame(() => {
      if (performance.getEntriesByName('lich:chon', 'mark').length === 0) return;
      performance.measure('lich:nam', 'lich:chon');
      performance.clearMarks('lich:chon');
    });
    return () => cancelAnimationFrame(frame);
  }, [year, days]);
  const onKey = useCallback(
    (event: KeyboardEvent<HTMLButtonElement>, date: string) => {
      const next = moveFocus(date, event.key, year);
      if (next === null) return;
      event.preventDefault();
      onFocusChange(next);
      // The button of the new date exists already (the whole year is drawn): focus it now.
      root.current?.querySelector<HTMLButtonElement>(`button[data-date="${next}"]`)?.focus();
    },
    [year, onFocusChange],
  );
  return (
    <div ref={root} className="cal-year" role="group" aria-label={`Lịch làm việc năm ${year}`}>
      {MONTHS.map((_, i) => (
        <Month
          key={i}
          year={year}
          month={i + 1}
          listed={listed}
          focused={focused.startsWith(`${year}-${String(i + 1).padStart(2, '0')}`) ? focused : ''}
          scope={scope}
          unitNames={unitNames}
          onKey={onKey}
          onOpen={onOpen}
        />
      ))}
    </div>
  );
}

export function Legend() {
  const items: GridDay['status'][] = [
    'working',
    'rest',
    'day_off',
    'holiday_on_rest_day',
    'make_up_working_day',
  ];
  return (
    <ul className="cal-legend" aria-label="Chú thích">
      {items.map((s) => (
        <li key={s}>
          <span className={`cal-swatch cal-${s}`} style={STYLE[s]} aria-hidden />
          {STATUS_LABELS[s]}
        </li>
      ))}
      <li>
        <span className="cal-swatch cal-own" aria-hidden />
        Đặt tại phạm vi đang xem (viền đậm)
      </li>
    </ul>
  );
}
