import { Injectable } from '@nestjs/common';
import type { LocalDate } from '../common/domain/local-date.js';

/** Calendar days, session times and "today" of reception are in the deployment's zone. */
export const RECEPTION_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: RECEPTION_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const MINUTE_MS = 60_000;

/** "Now" and "today" for reception; a provider so tests can move time (`jest.spyOn(clock, 'now')`). */
@Injectable()
export class ReceptionClock {
  private memo = { minute: NaN, today: '' };

  now(): Date {
    return new Date();
  }

  /**
   * Today in Asia/Ho_Chi_Minh, `YYYY-MM-DD`. Formatted once a minute (the public calendar asks on every
   * request); the zone's midnight falls on a whole UTC minute, so a minute never spans two days.
   */
  today(): LocalDate {
    const minute = Math.floor(this.now().getTime() / MINUTE_MS);
    if (minute !== this.memo.minute) this.memo = { minute, today: dayFormat.format(minute * MINUTE_MS) };
    return this.memo.today;
  }
}
