import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { UnitCalendarService } from '../calendar/unit-calendar.service.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { ensureLiveJob } from '../queue/ensure-live-job.js';
import { QUEUES } from '../queue/queues.js';
import { digestEmail, notificationEmail, type EmailItem } from './domain/email-templates.js';
import { retryDelayMs } from './domain/retry.js';
import {
  isWithinWorkingHours,
  localDateAt,
  nextSendMoment,
  type WorkingDays,
} from './domain/working-hours.js';
import { MailError, Mailer } from './mailer.service.js';
import { withSweepLock } from '../common/database/sweep-lock.js';
import { emailSendJob, SWEEP_BATCH } from './notification-jobs.js';

export type EmailOutcome = 'sent' | 'skipped' | 'not-due' | 'missing' | 'retry' | 'failed';

export interface SweepResult {
  /** false when another run held the lock, or e-mail is not configured (nothing done). */
  ran: boolean;
  enqueued: number;
}

export interface DigestResult {
  ran: boolean;
  /** Digest e-mails sent in this run. */
  sent: number;
}

interface DeliveryRow {
  id: string;
  status: string;
  send_after: Date;
  attempts: number | string;
  user_id: string;
  notification_id: string;
}

interface ContentRow {
  id: string;
  title: string;
  body: string;
  link: string | null;
  unit_id: string | null;
}

/**
 * The e-mail outbox (docs/notifications.md): sends one row per `email-send` job, re-enqueues due rows
 * every minute, and sends the daily digests. A row is locked while its message is handed to the SMTP
 * server and marked sent in that same transaction once the server accepted it: a second job for the
 * row waits, then finds it sent. Only a crash between the server's acceptance and the commit sends a
 * message twice (at least once, never zero times).
 */
@Injectable()
export class EmailDeliveryService {
  private readonly logger = new Logger('EmailDelivery');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.notifications.name) private readonly queue: Queue,
    private readonly mailer: Mailer,
    private readonly calendars: UnitCalendarService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Sends one pending, due e-mail (the `email-send` job); anything else is left as it is. */
  async send(deliveryId: string): Promise<EmailOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT id, status, send_after, attempts, user_id, notification_id FROM email_deliveries
         WHERE id = ? FOR UPDATE`,
        [deliveryId],
      )) as DeliveryRow[];
      if (!row) return 'missing';
      if (row.status !== 'pending') return 'skipped';
      const now = this.clock.now();
      if (row.send_after.getTime() > now.getTime()) return 'not-due';
      // A job that runs late (a backlog, Redis or the worker down) must not mail at night: check the
      // recipient's office hours again and wait for the next ones.
      const [recipient] = await manager.query('SELECT unit_id FROM users WHERE id = ?', [row.user_id]);
      const calendar: WorkingDays = recipient
        ? await this.calendars.calendarFor(recipient.unit_id, manager)
        : await this.calendars.nationalCalendar(manager);
      if (!isWithinWorkingHours(now.getTime(), calendar, this.config.mail.workingHours)) {
        const later = new Date(nextSendMoment(now.getTime(), calendar, this.config.mail.workingHours));
        await manager.query('UPDATE email_deliveries SET send_after = ? WHERE id = ?', [later, row.id]);
        return 'not-due';
      }
      const to = await this.addressOf(manager, row.user_id);
      if (!to) return this.fail(manager, [row], now, new MailError('RECIPIENT_INACTIVE', true), null);
      const [content] = await this.contents(manager, [row.notification_id]);
      try {
        await this.mailer.send(to, notificationEmail(content, this.config.http.publicBaseUrl));
      } catch (error) {
        if (!(error instanceof MailError)) throw error;
        return this.fail(manager, [row], now, error, content.unit_id);
      }
      await this.markSent(manager, [row.id], now);
      return 'sent';
    });
  }

  /**
   * Enqueues every pending e-mail that is due (a new notification, a retry whose time came, a job lost
   * with Redis). Overlap-safe: a run that finds another one running does nothing.
   */
  async sweep(): Promise<SweepResult> {
    if (!this.mailer.configured) return { ran: false, enqueued: 0 };
    const result = await withSweepLock(this.dataSource, 'notifications-email-sweep', async () => {
      const rows: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM email_deliveries WHERE status = 'pending' AND send_after <= ?
         ORDER BY send_after, id LIMIT ${SWEEP_BATCH}`,
        [this.clock.now()],
      );
      let enqueued = 0;
      for (const { id } of rows) if (await ensureLiveJob(this.queue, emailSendJob(id))) enqueued++;
      return enqueued;
    });
    return result === null ? { ran: false, enqueued: 0 } : { ran: true, enqueued: result };
  }

  /**
   * The daily digests: for each user with digest items that are due (each waits for the start of office
   * hours of the working day after it was made), when it is office hours on a working day of the user's
   * unit, ONE e-mail listing them all; they are marked sent with it. Items made later that day wait for
   * the next working morning, so a user gets at most one digest a day. Overlap-safe like the sweep.
   */
  async digest(): Promise<DigestResult> {
    if (!this.mailer.configured) return { ran: false, sent: 0 };
    const result = await withSweepLock(this.dataSource, 'notifications-email-digest', async () => {
      const now = this.clock.now();
      let sent = 0;
      // Every user with due items, a page at a time (after the last user id seen): users whose unit is
      // off work now are passed over without keeping the others out of the run.
      for (let after = ''; ;) {
        const users: { user_id: string; unit_id: string }[] = await this.dataSource.query(
          `SELECT DISTINCT d.user_id, u.unit_id FROM email_deliveries d JOIN users u ON u.id = d.user_id
           WHERE d.status = 'in_digest' AND d.send_after <= ? AND d.user_id > ?
           ORDER BY d.user_id LIMIT ${SWEEP_BATCH}`,
          [now, after],
        );
        for (const { user_id: userId, unit_id: unitId } of users) {
          const calendar = await this.calendars.calendarFor(unitId);
          if (!isWithinWorkingHours(now.getTime(), calendar, this.config.mail.workingHours)) continue;
          try {
            if ((await this.sendDigest(userId, now)) === 'sent') sent++;
          } catch (error) {
            // One user's trouble (a lock timeout) must not hold up the others' digests.
            this.logger.warn(
              { code: (error as { code?: string }).code },
              'digest not sent; next run retries',
            );
          }
        }
        if (users.length < SWEEP_BATCH) break;
        after = users[users.length - 1].user_id;
      }
      return sent;
    });
    return result === null ? { ran: false, sent: 0 } : { ran: true, sent: result };
  }

  /** One user's digest, in one transaction holding the rows it lists. */
  private async sendDigest(userId: string, now: Date): Promise<EmailOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT id, status, send_after, attempts, user_id, notification_id FROM email_deliveries
         WHERE user_id = ? AND status = 'in_digest' AND send_after <= ? ORDER BY created_at, id FOR UPDATE`,
        [userId, now],
      )) as DeliveryRow[];
      if (rows.length === 0) return 'skipped';
      const to = await this.addressOf(manager, userId);
      if (!to) return this.fail(manager, rows, now, new MailError('RECIPIENT_INACTIVE', true), null);
      const items: EmailItem[] = await this.contents(
        manager,
        rows.map((r) => r.notification_id),
      );
      const date = localDateAt(now.getTime());
      try {
        await this.mailer.send(to, digestEmail(items, date, this.config.http.publicBaseUrl));
      } catch (error) {
        if (!(error instanceof MailError)) throw error;
        return this.fail(manager, rows, now, error, null);
      }
      await this.markSent(
        manager,
        rows.map((r) => r.id),
        now,
      );
      return 'sent';
    });
  }

  private async addressOf(manager: EntityManager, userId: string): Promise<string | null> {
    const [user] = (await manager.query('SELECT email, active FROM users WHERE id = ?', [userId])) as {
      email: string;
      active: number | string;
    }[];
    return user && Number(user.active) === 1 && user.email ? user.email : null;
  }

  /** The notifications' texts, in the order of the ids. */
  private async contents(manager: EntityManager, ids: string[]): Promise<ContentRow[]> {
    const rows: ContentRow[] = await manager.query(
      `SELECT id, title, body, link, unit_id FROM notifications WHERE id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)!);
  }

  private async markSent(manager: EntityManager, ids: string[], now: Date): Promise<void> {
    await manager.query(
      `UPDATE email_deliveries SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL
       WHERE id IN (${ids.map(() => '?').join(', ')})`,
      [now, ...ids],
    );
  }

  /**
   * Records a refused or failed send: tried again after the backoff of domain/retry.ts (moved into office
   * hours), or failed for good after the last attempt or a permanent refusal.
   */
  private async fail(
    manager: EntityManager,
    rows: DeliveryRow[],
    now: Date,
    error: MailError,
    unitId: string | null,
  ): Promise<EmailOutcome> {
    const attempts = Number(rows[0].attempts) + 1;
    const delay = error.permanent ? null : retryDelayMs(attempts);
    const ids = rows.map((r) => r.id);
    this.logger.warn(
      { deliveries: ids.length, code: error.code, attempts, final: delay === null },
      'e-mail not sent',
    );
    if (delay === null) {
      await manager.query(
        `UPDATE email_deliveries SET status = 'failed', attempts = attempts + 1, last_error = ?
         WHERE id IN (${ids.map(() => '?').join(', ')})`,
        [error.code, ...ids],
      );
      return 'failed';
    }
    const calendar: WorkingDays = unitId
      ? await this.calendars.calendarFor(unitId, manager)
      : await this.calendars.nationalCalendar(manager);
    const next = new Date(nextSendMoment(now.getTime() + delay, calendar, this.config.mail.workingHours));
    await manager.query(
      `UPDATE email_deliveries SET attempts = attempts + 1, last_error = ?, send_after = ?
       WHERE id IN (${ids.map(() => '?').join(', ')})`,
      [error.code, next, ...ids],
    );
    return 'retry';
  }
}
