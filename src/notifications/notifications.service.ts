import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UnitCalendarService } from '../calendar/unit-calendar.service.js';
import { Clock } from '../common/clock.js';
import { UUID_PATTERN as UUID, uuid7 } from '../common/ids/uuid7.js';
import { ProtectedText } from '../identity/protected-text.js';
import { AppConfig } from '../config/app-config.js';
import { nextSendMoment, nextWorkdayStart, type WorkingDays } from './domain/working-hours.js';
import { NotificationErrors } from './notifications.errors.js';

/** What caused a notification and what it says. Texts are Vietnamese and never hold personal data. */
export interface NotifyInput {
  /** Recipients; duplicates and inactive accounts are dropped. */
  userIds: readonly string[];
  /** `escalation`, `enforcement_review`, `enforcement_overdue`…: also the webhook event name. */
  kind: string;
  /** Unique per cause, e.g. `escalation-<escalation id>` (≤ 100 printable ASCII): a repeat adds nothing. */
  sourceKey: string;
  title: string;
  body: string;
  /** An API path, e.g. `/api/v1/complaint-cases/<id>`. */
  link: string | null;
  subjectType: string | null;
  subjectId: string | null;
  /** The case's unit: its calendar decides when an e-mail may go out (null: the national calendar). */
  unitId: string | null;
  /** The webhook's `data`: ids, numbers and dates only. */
  webhookPayload: Record<string, unknown>;
}

const LIMITS = { title: 300, body: 2000 } as const;

/** The redaction mark is longer than a short match: keep a text within its limit. */
const cut = (text: string, max: number) => (text.length <= max ? text : text.slice(0, max));
const ASCII_KEY = /^[\x21-\x7e]{1,100}$/;
const KIND = /^[a-z][a-z0-9_]{0,31}$/;
const LINK = /^\/[\x21-\x7e]{0,299}$/;
const CODE = /^[a-z][a-z0-9_]{0,39}$/;

function checked(input: NotifyInput): void {
  const fail = (field: string, message: string) => {
    throw NotificationErrors.invalidInput(field, message);
  };
  if (!KIND.test(input.kind)) fail('kind', 'must be a lower-case word of at most 32 characters');
  if (!ASCII_KEY.test(input.sourceKey)) fail('sourceKey', 'must be 1–100 printable ASCII characters');
  if (!input.title.trim() || input.title.length > LIMITS.title) fail('title', 'must have 1–300 characters');
  if (!input.body.trim() || input.body.length > LIMITS.body) fail('body', 'must have 1–2000 characters');
  if (input.link !== null && !LINK.test(input.link)) fail('link', 'must be an ASCII path of the API');
  if (input.subjectType !== null && !CODE.test(input.subjectType)) fail('subjectType', 'must be a code');
  if (input.subjectId !== null && !UUID.test(input.subjectId)) fail('subjectId', 'must be an id');
  if (input.unitId !== null && !UUID.test(input.unitId)) fail('unitId', 'must be an id');
  if (input.userIds.some((id) => !UUID.test(id))) fail('userIds', 'must be ids');
}

interface Recipient {
  id: string;
  email: string;
  email_digest: number | string | boolean;
}

/**
 * Writes notifications and their outbox rows (e-mails, webhook calls) in the caller's transaction; the
 * worker's sweeps send them after the commit (docs/notifications.md).
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly calendars: UnitCalendarService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly protectedText: ProtectedText,
  ) {}

  /**
   * One notification per active recipient, unique per (recipient, sourceKey): a repeat of the same cause
   * adds nothing, not even an e-mail. Each new notification gets an e-mail row when e-mail is configured
   * (held for the day's digest if the recipient chose one), and each active webhook endpoint subscribed
   * to `kind` gets one delivery per `sourceKey`. Returns how many notifications were new.
   */
  async notify(manager: EntityManager, raw: NotifyInput): Promise<{ created: number }> {
    checked(raw);
    // The one door of notification and e-mail texts: about a protected letter or case, whatever the
    // matcher finds of its denouncer is cut out (issue 14), though the texts are made of redacted copies.
    const input =
      raw.subjectType && raw.subjectId
        ? {
            ...raw,
            title: cut(
              await this.protectedText.redactFor(manager, raw.subjectType, raw.subjectId, raw.title),
              LIMITS.title,
            ),
            body: cut(
              await this.protectedText.redactFor(manager, raw.subjectType, raw.subjectId, raw.body),
              LIMITS.body,
            ),
          }
        : raw;
    const now = this.clock.now();
    const ids = [...new Set(input.userIds)];
    const recipients: Recipient[] = ids.length
      ? await manager.query(
          `SELECT id, email, email_digest FROM users WHERE active = 1 AND id IN (${ids.map(() => '?').join(', ')})
           ORDER BY id`,
          ids,
        )
      : [];

    let created: Recipient[] = [];
    if (recipients.length > 0) {
      const rows = recipients.map((r) => ({ id: uuid7(), recipient: r }));
      // ON DUPLICATE KEY … id = id: an existing (user, source) is left alone; unlike INSERT IGNORE, any
      // other error (a bad foreign key, a too long value) still fails the transaction.
      await manager.query(
        `INSERT INTO notifications
           (id, user_id, kind, source_key, title, body, link, subject_type, subject_id, unit_id, read_at, created_at)
         VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)').join(', ')}
         ON DUPLICATE KEY UPDATE id = id`,
        rows.flatMap(({ id, recipient }) => [
          id,
          recipient.id,
          input.kind,
          input.sourceKey,
          input.title,
          input.body,
          input.link,
          input.subjectType,
          input.subjectId,
          input.unitId,
          now,
        ]),
      );
      const inserted = new Set(
        (
          (await manager.query(
            `SELECT id FROM notifications WHERE id IN (${rows.map(() => '?').join(', ')})`,
            rows.map((r) => r.id),
          )) as { id: string }[]
        ).map((r) => r.id),
      );
      const fresh = rows.filter((r) => inserted.has(r.id));
      created = fresh.map((r) => r.recipient);
      await this.addEmails(manager, input.unitId, now, fresh);
    }
    await this.addWebhookCalls(manager, input, now);
    return { created: created.length };
  }

  private async addEmails(
    manager: EntityManager,
    unitId: string | null,
    now: Date,
    fresh: { id: string; recipient: Recipient }[],
  ): Promise<void> {
    const withAddress = fresh.filter((r) => r.recipient.email);
    if (!this.config.mail.smtpUrl || withAddress.length === 0) return;
    const calendar: WorkingDays = unitId
      ? await this.calendars.calendarFor(unitId, manager)
      : await this.calendars.nationalCalendar(manager);
    const hours = this.config.mail.workingHours;
    const single = new Date(nextSendMoment(now.getTime(), calendar, hours));
    const digest = new Date(nextWorkdayStart(now.getTime(), calendar, hours));
    await manager.query(
      `INSERT INTO email_deliveries (id, notification_id, user_id, status, send_after, attempts, created_at)
       VALUES ${withAddress.map(() => '(?, ?, ?, ?, ?, 0, ?)').join(', ')}`,
      withAddress.flatMap(({ id, recipient }) => {
        const inDigest = Number(recipient.email_digest) === 1 || recipient.email_digest === true;
        return [
          uuid7(),
          id,
          recipient.id,
          inDigest ? 'in_digest' : 'pending',
          inDigest ? digest : single,
          now,
        ];
      }),
    );
  }

  private async addWebhookCalls(manager: EntityManager, input: NotifyInput, now: Date): Promise<void> {
    const endpoints: { id: string; events: string | string[] }[] = await manager.query(
      'SELECT id, events FROM webhook_endpoints WHERE active = 1 ORDER BY id',
    );
    const subscribed = endpoints.filter((e) => {
      const events = typeof e.events === 'string' ? (JSON.parse(e.events) as unknown) : e.events;
      return Array.isArray(events) && events.includes(input.kind);
    });
    if (subscribed.length === 0) return;
    const payload = JSON.stringify(input.webhookPayload);
    await manager.query(
      `INSERT INTO webhook_deliveries
         (id, endpoint_id, event_key, event, payload, status, attempts, next_attempt_at, created_at)
       VALUES ${subscribed.map(() => "(?, ?, ?, ?, ?, 'pending', 0, ?, ?)").join(', ')}
       ON DUPLICATE KEY UPDATE id = id`,
      subscribed.flatMap((e) => [uuid7(), e.id, input.sourceKey, input.kind, payload, now, now]),
    );
  }
}
