import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobsOptions, Queue } from 'bullmq';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { uuid7 } from '../../common/ids/uuid7.js';
import { viDate } from '../../common/domain/vietnamese-format.js';
import { AppConfig } from '../../config/app-config.js';
import { IdentityVault } from '../../identity/identity-vault.js';
import { Mailer, MailError } from '../../notifications/mailer.service.js';
import { ensureLiveJobs, type LiveJob } from '../../queue/ensure-live-job.js';
import { QUEUES } from '../../queue/queues.js';
import { LetterEntity } from '../entities/letter.entity.js';
import { LetterSubscriptionMessageEntity } from './entities/letter-subscription-message.entity.js';
import { LetterSubscriptionEntity } from './entities/letter-subscription.entity.js';
import { statusOfLetter } from './letter-status.service.js';

/** The job that sends one message (id only, deterministic id: a repeat finds the row sent). */
export const citizenEmailJob = (messageId: string): LiveJob => ({
  name: QUEUES.citizenEmails.jobs.send,
  jobId: `citizen-email-${messageId}`,
  data: { messageId },
  opts: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: true,
    removeOnFail: 1000,
  } satisfies JobsOptions,
});

const MAX_ATTEMPTS = 6;
const BATCH = 500;

export const VERIFY_PATH = '/xac-thuc-thu';
export const UNSUBSCRIBE_PATH = '/huy-nhan-thu';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The citizen hears back (issue 21): who opted in on the online form gets one Vietnamese e-mail per new
 * milestone of their letter's status page — accepted, guided, transferred (to whom), returned, archived,
 * a decision or conclusion issued —, never more than that page shows (the message is the milestone's
 * date and text, and the receipt code), each signed: an HMAC over the message id, date and text that the
 * link in the mail checks at /xac-thuc-thu (a forged mail's link does not verify), with an unsubscribe
 * link. Outbox rows are unique per (subscription, event), the send job's id is the row's, the row is
 * locked and marked sent in the transaction that sends it (docs/notifications.md's "exactly once, nearly").
 */
@Injectable()
export class LetterEmailsService {
  private readonly signingKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vault: IdentityVault,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.citizenEmails.name) private readonly queue: Queue,
  ) {
    this.signingKey = Buffer.from(
      hkdfSync(
        'sha256',
        Buffer.from(config.auth.jwtSecret, 'utf8'),
        'tiepdan',
        'citizen e-mail signature',
        32,
      ),
    );
  }

  /**
   * Opts a letter's citizen in: the address sealed, today's milestones recorded as already known
   * (`skipped`: the receipt said them). Returns nothing the caller could log; the unsubscribe token goes
   * into each mail only (its hash is stored).
   */
  async subscribe(letterId: string, email: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const id = uuid7();
      const sealed = this.vault.seal(id, { email });
      await manager.insert(LetterSubscriptionEntity, {
        id,
        letterId,
        ...sealed,
        // The token is derived (an HMAC of the id), so each mail carries it and only its hash is kept.
        unsubscribeHash: sha256(this.unsubscribeToken(id)),
        unsubscribedAt: null,
      });
      await this.recordMilestones(manager, id, letterId, 'skipped');
    });
  }

  /** Records new milestones of every active subscription and enqueues the pending messages. */
  async sweep(): Promise<{ recorded: number; enqueued: number }> {
    const subscriptions = await this.dataSource
      .getRepository(LetterSubscriptionEntity)
      .find({ where: { unsubscribedAt: IsNull() }, select: { id: true, letterId: true }, take: BATCH });
    let recorded = 0;
    for (const s of subscriptions) {
      recorded += await this.recordMilestones(this.dataSource.manager, s.id, s.letterId, 'pending');
    }
    const pending = await this.dataSource.getRepository(LetterSubscriptionMessageEntity).find({
      where: { status: 'pending' },
      select: { id: true },
      order: { createdAt: 'ASC' },
      take: BATCH,
    });
    const enqueued = await ensureLiveJobs(
      this.queue,
      pending.map((m) => citizenEmailJob(m.id)),
    );
    return { recorded, enqueued };
  }

  /** Sends one message, once: locked, still pending, sent, marked in the same transaction. */
  async send(messageId: string): Promise<'sent' | 'skipped' | 'failed' | 'retry' | 'gone'> {
    return this.dataSource.transaction(async (manager) => {
      const message = await manager
        .getRepository(LetterSubscriptionMessageEntity)
        .createQueryBuilder('m')
        .where('m.id = :id', { id: messageId })
        .setLock('pessimistic_write')
        .getOne();
      if (!message || message.status !== 'pending') return 'gone';
      const subscription = await manager.findOneByOrFail(LetterSubscriptionEntity, {
        id: message.subscriptionId,
      });
      if (subscription.unsubscribedAt) {
        await manager.update(LetterSubscriptionMessageEntity, { id: message.id }, { status: 'skipped' });
        return 'skipped';
      }
      const letter = await manager.findOneByOrFail(LetterEntity, { id: subscription.letterId });
      const { email } = this.vault.open<{ email: string }>(subscription.id, subscription);
      try {
        await this.mailer.send(email, this.compose(message, letter.receiptCode, subscription.id));
      } catch (error) {
        if (!(error instanceof MailError)) throw error;
        const attempts = message.attempts + 1;
        const final = error.permanent || attempts >= MAX_ATTEMPTS;
        await manager.update(
          LetterSubscriptionMessageEntity,
          { id: message.id },
          { attempts, lastError: error.code, status: final ? 'failed' : 'pending' },
        );
        return final ? 'failed' : 'retry';
      }
      await manager.update(
        LetterSubscriptionMessageEntity,
        { id: message.id },
        { status: 'sent', sentAt: this.clock.now(), attempts: message.attempts + 1 },
      );
      return 'sent';
    });
  }

  /** The message a signature belongs to, if it was sent and the signature is ours; else null. */
  async verify(
    messageId: string,
    signature: string,
  ): Promise<{ date: string; text: string; receiptCode: string } | null> {
    if (!/^[0-9a-f-]{36}$/.test(messageId)) return null;
    const message = await this.dataSource
      .getRepository(LetterSubscriptionMessageEntity)
      .findOneBy({ id: messageId, status: 'sent' });
    const expected = Buffer.from(message ? this.sign(message) : 'x'.repeat(43), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    const ok = given.length === expected.length && timingSafeEqual(given, expected);
    if (!message || !ok) return null;
    const subscription = await this.dataSource
      .getRepository(LetterSubscriptionEntity)
      .findOneByOrFail({ id: message.subscriptionId });
    const letter = await this.dataSource
      .getRepository(LetterEntity)
      .findOneByOrFail({ id: subscription.letterId });
    return { date: message.eventDate, text: message.text, receiptCode: letter.receiptCode };
  }

  /** Ends a subscription by the token of its mails; false for an unknown token. */
  async unsubscribe(token: string): Promise<boolean> {
    if (!/^[\w-]{10,100}$/.test(token)) return false;
    const result = await this.dataSource
      .getRepository(LetterSubscriptionEntity)
      .update(
        { unsubscribeHash: sha256(token), unsubscribedAt: IsNull() },
        { unsubscribedAt: this.clock.now() },
      );
    if ((result.affected ?? 0) > 0) return true;
    return (
      (await this.dataSource
        .getRepository(LetterSubscriptionEntity)
        .countBy({ unsubscribeHash: sha256(token) })) > 0
    );
  }

  // ── helpers ─────────────────────────────────────────────────────────────────────────────────

  private async recordMilestones(
    manager: EntityManager,
    subscriptionId: string,
    letterId: string,
    status: 'pending' | 'skipped',
  ): Promise<number> {
    const letter = await manager.findOneByOrFail(LetterEntity, { id: letterId });
    const view = await statusOfLetter(manager, letter);
    // A guidance or transfer names the competent body, as the status page does beside the milestones.
    const body = view.competentBody;
    const rows = view.milestones.map((m) => ({
      eventKey: sha256(`${m.date}\u0000${m.text}`),
      eventDate: m.date,
      text: (body && /cơ quan có thẩm quyền$/.test(m.text) && !/^Đơn đủ/.test(m.text)
        ? `${m.text}: ${body}`
        : m.text
      ).slice(0, 500),
    }));
    if (rows.length === 0) return 0;
    const known = await manager.getRepository(LetterSubscriptionMessageEntity).find({
      where: { subscriptionId, eventKey: In(rows.map((r) => r.eventKey)) },
      select: { eventKey: true },
    });
    const seen = new Set(known.map((k) => k.eventKey));
    const fresh = rows.filter((r) => !seen.has(r.eventKey));
    for (const row of fresh) {
      // A concurrent sweep inserting the same event: the unique key keeps one (the other is a no-op).
      await manager.query(
        `INSERT INTO letter_subscription_messages (id, subscription_id, event_key, event_date, text, status, attempts)
         VALUES (?, ?, ?, ?, ?, ?, 0) ON DUPLICATE KEY UPDATE id = id`,
        [uuid7(), subscriptionId, row.eventKey, row.eventDate, row.text, status],
      );
    }
    return fresh.length;
  }

  /** The unsubscribe token of a subscription: derived, so it is never stored (only its hash). */
  private unsubscribeToken(subscriptionId: string): string {
    return createHmac('sha256', this.signingKey)
      .update(`unsubscribe\u0000${subscriptionId}`)
      .digest('base64url');
  }

  private sign(message: { id: string; eventDate: string; text: string }): string {
    return createHmac('sha256', this.signingKey)
      .update(`${message.id}\u0000${message.eventDate}\u0000${message.text}`)
      .digest('base64url');
  }

  private compose(message: LetterSubscriptionMessageEntity, receiptCode: string, subscriptionId: string) {
    const base = this.config.http.publicBaseUrl.replace(/\/$/, '');
    const verify = `${base}${VERIFY_PATH}?thu=${message.id}&chu-ky=${this.sign(message)}`;
    const unsubscribe = `${base}${UNSUBSCRIBE_PATH}?ma=${this.unsubscribeToken(subscriptionId)}`;
    const line = `${viDate(message.eventDate)}: ${message.text}`;
    const subject = `Đơn ${receiptCode}: ${message.text}`.slice(0, 200);
    const text = [
      `Đơn ${receiptCode} của bạn có thông tin mới:`,
      '',
      line,
      '',
      `Xem tình trạng đơn tại ${base}/tra-cuu-don bằng mã tra cứu và mật mã trên giấy biên nhận.`,
      '',
      `Kiểm tra thư này đúng do cơ quan gửi: ${verify}`,
      `Ngừng nhận thư về đơn này: ${unsubscribe}`,
    ].join('\n');
    const esc = (s: string) =>
      s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const html = `<p>Đơn <strong>${esc(receiptCode)}</strong> của bạn có thông tin mới:</p>
<p>${esc(line)}</p>
<p>Xem tình trạng đơn tại <a href="${esc(base)}/tra-cuu-don">${esc(base)}/tra-cuu-don</a> bằng mã tra cứu và mật mã trên giấy biên nhận.</p>
<p><a href="${esc(verify)}">Kiểm tra thư này đúng do cơ quan gửi</a> · <a href="${esc(unsubscribe)}">Ngừng nhận thư về đơn này</a></p>`;
    return { subject, text, html };
  }
}
