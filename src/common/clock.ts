import { Global, Injectable, Module } from '@nestjs/common';
import type { LocalDate } from './domain/local-date.js';

/** The deployment's time zone: "today" for statutory purposes (deadline-policy convention 12). */
export const DEPLOYMENT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const formatters = new Map<string, Intl.DateTimeFormat>();
const MINUTE_MS = 60_000;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone: a programming error, not user input.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar day of an instant in a time zone, as `'YYYY-MM-DD'` (Intl; never the server's zone). */
export function localDateOf(instant: Date, timeZone: string = DEPLOYMENT_TIME_ZONE): LocalDate {
  let year = '';
  let month = '';
  let day = '';
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

/**
 * The one source of "now" outside `domain/` (domain code takes today as an argument). Injected, so
 * tests can move time (`jest.spyOn(app.get(Clock), 'now')`).
 */
@Injectable()
export class Clock {
  private memo = { minute: NaN, today: '' };

  now(): Date {
    return new Date();
  }

  /**
   * Today's date in a time zone, `Asia/Ho_Chi_Minh` by default. The deployment zone's answer is kept
   * for the current minute (public pages ask on every request); its midnight falls on a whole UTC
   * minute, so a minute never spans two days.
   */
  today(timeZone: string = DEPLOYMENT_TIME_ZONE): LocalDate {
    const now = this.now();
    if (timeZone !== DEPLOYMENT_TIME_ZONE) return localDateOf(now, timeZone);
    const minute = Math.floor(now.getTime() / MINUTE_MS);
    if (minute !== this.memo.minute) this.memo = { minute, today: localDateOf(now, timeZone) };
    return this.memo.today;
  }
}

/** Provides the single {@link Clock} everywhere (global: import it once per process root). */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
