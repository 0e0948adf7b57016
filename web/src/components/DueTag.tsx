import { Tag, Tooltip } from 'antd';
import { daysLeftText, ladderLevel, showDate, todayInVietnam, workingDaysLeft } from '../lib/dates';
import { useWorkingCalendar } from '../lib/calendar';

// Contrast of at least 4.5:1 for each (WCAG AA): the preset tag colours are too pale.
const STYLES = [
  { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  { color: '#613400', background: '#fffbe6', borderColor: '#ffd666' },
  { color: '#612500', background: '#fff2e8', borderColor: '#ff9c6e' },
  { color: '#820014', background: '#fff1f0', borderColor: '#ff7875' },
  { color: '#ffffff', background: '#a8071a', borderColor: '#a8071a' },
] as const;
const LEVEL_TEXT = [
  'Trong hạn',
  'Sắp đến hạn (nhắc mức 1)',
  'Đến hạn (nhắc mức 2)',
  'Quá hạn (báo cáo mức 3)',
  'Quá hạn từ 5 ngày làm việc (mức 4)',
];

/** A statutory deadline: its date, the working days left on the unit's calendar, the ladder's colour. */
export function DueTag({ due, unitId }: { due: string; unitId: string }) {
  const today = todayInVietnam();
  const years = [...new Set([Number(today.slice(0, 4)), Number(due.slice(0, 4))])].sort();
  const isWorking = useWorkingCalendar(unitId, years);
  const left = workingDaysLeft(today, due, isWorking);
  const level = ladderLevel(left);
  return (
    <Tooltip title={LEVEL_TEXT[level]}>
      <Tag style={{ ...STYLES[level], whiteSpace: 'normal' }} data-level={level}>
        {showDate(due)} · {daysLeftText(left, due < today)}
      </Tag>
    </Tooltip>
  );
}
