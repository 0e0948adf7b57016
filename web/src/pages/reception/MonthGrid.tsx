import { memo } from 'react';
import { showDate, weekday } from '../../lib/dates';
import { monthText, monthWeeks, type DayItem } from './reception-model';

const WEEKDAYS = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];

// A word beside the hours where the note below does not start with it already.
const TONE_TEXT: Record<string, string> = { conflict: 'Cần xử lý' };

/**
 * A month of reception sessions, Monday first. Each session is a button (in the tab order; Enter opens
 * its panel); the day a session was moved or postponed away from, and a day a schedule skips, carry a
 * note with the reason. Below 48 rem the grid becomes a list of the days that hold something.
 */
export const MonthGrid = memo(function MonthGrid({
  month,
  items,
  today,
  onOpen,
}: {
  month: string;
  items: ReadonlyMap<string, DayItem[]>;
  today: string;
  onOpen: (sessionId: string) => void;
}) {
  const weeks = monthWeeks(month);
  return (
    <table className="rc-month" data-testid="reception-month">
      <caption>Buổi tiếp công dân {monthText(month)}</caption>
      <thead>
        <tr>
          {WEEKDAYS.map((d) => (
            <th key={d} scope="col">
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map((date, i) => {
              if (date === null) return <td key={i} className="rc-out" aria-hidden />;
              const list = items.get(date) ?? [];
              return (
                <td
                  key={date}
                  className={`${list.length === 0 ? 'rc-empty' : ''}${date === today ? ' rc-today' : ''}`}
                  data-date={date}
                >
                  <div className="rc-day">
                    <span className="rc-num">{Number(date.slice(8))}</span>
                    <span className="rc-wd">
                      {weekday(date)}, {showDate(date)}
                      {date === today && ' (hôm nay)'}
                    </span>
                  </div>
                  {list.map((item, k) =>
                    item.type === 'session' ? (
                      <button
                        key={item.session.id}
                        type="button"
                        className={`rc-item rc-${item.tone}`}
                        data-session={item.session.id}
                        data-tone={item.tone}
                        onClick={() => onOpen(item.session.id)}
                      >
                        <span className="rc-time">
                          {item.session.startTime}–{item.session.endTime}
                        </span>{' '}
                        {item.session.kind === 'periodic' ? 'Định kỳ' : 'Đột xuất'}
                        {item.session.mode === 'online' ? ' · trực tuyến' : ''}
                        {item.session.postedLate && item.tone !== 'cancelled' ? ' · đăng muộn' : ''}
                        {TONE_TEXT[item.tone] && <strong> · {TONE_TEXT[item.tone]}</strong>}
                        {item.tone !== 'normal' && <span className="rc-note">{item.note}</span>}
                      </button>
                    ) : (
                      <div
                        key={`${item.type}-${k}`}
                        className={`rc-ghost rc-${item.type}`}
                        data-marker={item.type}
                      >
                        {item.note}
                      </div>
                    ),
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
