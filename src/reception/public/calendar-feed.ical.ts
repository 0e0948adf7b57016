/**
 * iCalendar feeds of the public calendar (RFC 5545). UIDs are the session ids (stable across edits and
 * postponements), SEQUENCE is raised on every public change, a cancelled session stays in the feed with
 * STATUS:CANCELLED so subscribed calendars drop it, and times carry TZID=Asia/Ho_Chi_Minh with its
 * VTIMEZONE (UTC+07:00 all year, no daylight saving since 1975).
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { viDate } from '../../common/domain/vietnamese-format.js';
import { DEPLOYMENT_TIME_ZONE } from '../../common/clock.js';
import { PAGE_PATH } from './calendar-page.html.js';
import type { PublicPerson, PublicSession, PublicUnit } from './public-calendar.model.js';

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${DEPLOYMENT_TIME_ZONE}`,
  `X-LIC-LOCATION:${DEPLOYMENT_TIME_ZONE}`,
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0700',
  'TZOFFSETTO:+0700',
  'TZNAME:+07',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const KIND_TEXT = { periodic: 'Tiếp công dân định kỳ', ad_hoc: 'Tiếp công dân đột xuất' } as const;

const personText = (p: PublicPerson) => (p.title ? `${p.name} (${p.title})` : p.name);

function description(s: PublicSession): string {
  const lines = [`Người tiếp: ${personText(s.receiver)}`];
  if (s.officers.length) lines.push(`Cán bộ tham gia: ${s.officers.map(personText).join('; ')}`);
  if (s.topics) lines.push(`Nội dung dự kiến: ${s.topics}`);
  if (s.note) lines.push(s.note);
  if (s.status === 'cancelled') lines.push(`ĐÃ HỦY.${s.statusReason ? ` Lý do: ${s.statusReason}` : ''}`);
  if (s.status === 'postponed' && s.originalDate) {
    lines.push(`Hoãn từ ngày ${viDate(s.originalDate)}.${s.statusReason ? ` Lý do: ${s.statusReason}` : ''}`);
  }
  lines.push(
    'Công dân mang theo căn cước hoặc giấy tờ tùy thân; người đại diện mang giấy tờ chứng minh việc đại diện.',
  );
  return lines.join('\n');
}

function location(s: PublicSession): string {
  if (s.mode === 'online') return 'Trực tuyến';
  if (!s.place) return s.unit.name;
  return [s.place.name, s.place.room, s.place.address].filter(Boolean).join(', ');
}

/**
 * The feed text. `baseUrl` is PUBLIC_BASE_URL (links and the UID domain). Events are written in the order
 * given, so the same data gives the same bytes (and the same ETag).
 */
export function renderCalendarFeed(
  feed: { unit: PublicUnit | null; sessions: PublicSession[] },
  baseUrl: string,
): string {
  const host = new URL(baseUrl).hostname;
  const calendar = ical({
    name: `Lịch tiếp công dân — ${feed.unit ? feed.unit.name : 'tất cả đơn vị'}`,
    prodId: { company: 'tiepdan', product: 'lich-tiep-cong-dan', language: 'VI' },
    method: ICalCalendarMethod.PUBLISH,
    url: `${baseUrl}${PAGE_PATH}${feed.unit ? `?don-vi=${encodeURIComponent(feed.unit.code)}` : ''}`,
    // No calendar-level zone: ical-generator would then write DTSTAMP without its Z. Each event names the
    // zone instead, and the VTIMEZONE is added below.
    timezone: null,
    ttl: 60 * 60,
  });
  for (const s of feed.sessions) {
    const updated = new Date(s.updatedAt);
    calendar.createEvent({
      id: `${s.id}@${host}`,
      sequence: s.sequence,
      status: s.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      // Local wall-clock times with a TZID: ical-generator writes such strings as given.
      start: `${s.date}T${s.startTime}:00`,
      end: `${s.date}T${s.endTime}:00`,
      timezone: DEPLOYMENT_TIME_ZONE,
      stamp: updated,
      lastModified: updated,
      summary: `${s.status === 'cancelled' ? '[Đã hủy] ' : ''}${KIND_TEXT[s.kind]}${s.mode === 'online' ? ' (trực tuyến)' : ''} — ${s.unit.name}`,
      description: description(s),
      location: location(s),
      url: `${baseUrl}${PAGE_PATH}?don-vi=${encodeURIComponent(s.unit.code)}&thang=${s.date.slice(0, 7)}`,
    });
  }
  const text = calendar.toString();
  const firstEvent = text.indexOf('BEGIN:VEVENT');
  const withZone =
    firstEvent < 0
      ? text
      : `${text.slice(0, firstEvent)}X-WR-TIMEZONE:${DEPLOYMENT_TIME_ZONE}\r\n${VTIMEZONE}\r\n${text.slice(firstEvent)}`;
  // RFC 5545 §3.1: every content line ends with CRLF, the last one too (ical-generator omits it).
  return withZone.endsWith('\r\n') ? withZone : `${withZone}\r\n`;
}
