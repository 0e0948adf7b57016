/**
 * The public reception calendar as plain data: what the page, the JSON and the iCalendar feeds show.
 * Nothing about citizens is ever in it — only units, places, officials who receive, times and topics,
 * which the law requires to be posted (LTCD art. 24(2)).
 */
import type { LocalDate } from '../../common/domain/local-date.js';
import type { SessionKind, SessionMode, SessionStatus } from '../domain/session.js';

/** Without a month the page shows the days from today on. */
export const UPCOMING_DAYS = 30;
/** The iCalendar feeds carry sessions from this many days back… */
export const FEED_PAST_DAYS = 60;
/** …to this many days ahead (a published year of schedules). */
export const FEED_FUTURE_DAYS = 400;

/**
 * Every unit's calendar at once is paged by units (name order): 20 units' sessions and regular reception
 * keep an answer near 100 KiB for a province's 200 units, read on a phone (docs/reception.md).
 */
export const UNITS_PER_PAGE = 20;

export interface PublicUnit {
  code: string;
  name: string;
}

export interface PublicPlace {
  name: string;
  address: string;
  room: string | null;
  hours: string | null;
}

export interface PublicPerson {
  name: string;
  title: string | null;
}

/** Regular reception (thường xuyên): officers on every working day, in these hours. */
export interface PublicRegularReception {
  unit: PublicUnit;
  place: PublicPlace | null;
  days: string;
  slots: { startTime: string; endTime: string }[];
  receiver: PublicPerson | null;
  officers: PublicPerson[];
  topics: string | null;
  validFrom: LocalDate;
  validUntil: LocalDate;
}

export interface PublicSession {
  /** Stable across edits: the iCalendar UID is `<id>@<host>`. */
  id: string;
  unit: PublicUnit;
  kind: SessionKind;
  mode: SessionMode;
  date: LocalDate;
  startTime: string;
  endTime: string;
  place: PublicPlace | null;
  receiver: PublicPerson;
  officers: PublicPerson[];
  topics: string | null;
  note: string | null;
  status: SessionStatus;
  /** Why it was cancelled or postponed. */
  statusReason: string | null;
  /** Set when postponed: the date and time it was first published for. */
  originalDate: LocalDate | null;
  originalStartTime: string | null;
  /** Moved off a holiday when generated: the holiday's name. */
  movedFrom: { date: LocalDate; reason: string } | null;
  /** iCalendar SEQUENCE. */
  sequence: number;
  /** ISO instant of the last change (iCalendar DTSTAMP / LAST-MODIFIED). */
  updatedAt: string;
}

export interface PublicCalendar {
  /** The unit filtered on, or null for every unit. */
  unit: PublicUnit | null;
  /** The month filtered on (`YYYY-MM`), or null for the upcoming window. */
  month: string | null;
  from: LocalDate;
  to: LocalDate;
  today: LocalDate;
  /** Units with a published schedule or session (the filter's choices). */
  units: PublicUnit[];
  /** Every unit's calendar is paged by units: which page this is (null when one unit is shown). */
  page: { number: number; count: number; unitsPerPage: number } | null;
  regular: PublicRegularReception[];
  /** Sessions taking place in [from, to], and postponed sessions first published for a day in it. */
  sessions: PublicSession[];
}
