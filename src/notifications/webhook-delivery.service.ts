import { AppConfig } from '../config/app-config.js';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { IdentityVault } from '../identity/identity-vault.js';
import { ensureLiveJob } from '../queue/ensure-live-job.js';
import { QUEUES } from '../queue/queues.js';
import { retryDelayMs } from './domain/retry.js';
import { webhookSignature } from './domain/webhook-signature.js';
import { postWebhook } from './webhook-call.js';
import { withSweepLock } from '../common/database/sweep-lock.js';
import { SWEEP_BATCH, webhookSendJob } from './notification-jobs.js';

export type WebhookOutcome = 'delivered' | 'skipped' | 'not-due' | 'paused' | 'missing' | 'retry' | 'failed';

/** How long a receiver has to answer. */

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_key: string;
  event: string;
  payload: string | Record<string, unknown>;
  status: string;
  attempts: number | string;
  next_attempt_at: Date;
  created_at: Date;
}

interface EndpointRow {
  id: string;
  url: string;
  active: number | string;
  key_id: string;
  wrapped_key: Buffer;
  secret_ciphertext: Buffer;
}

/**
 * The webhook outbox (docs/notifications.md): one signed POST per `webhook-send` job, retried with
 * backoff (domain/retry.ts) until a 2xx answer or the last attempt; a sweep every minute enqueues what
 * is due. The row is locked during the call, so two jobs for it never call twice at once; a crash after
 * the receiver answered and before the commit calls again (receivers dedupe on X-Tiepdan-Delivery).
 * Each call carries X-Tiepdan-Timestamp and a signature over it and the body (domain/webhook-signature.ts).
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger('WebhookDelivery');

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.notifications.name) private readonly queue: Queue,
    private readonly vault: IdentityVault,
    private readonly clock: Clock,
  ) {}

  async send(deliveryId: string): Promise<WebhookOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query('SELECT * FROM webhook_deliveries WHERE id = ? FOR UPDATE', [
        deliveryId,
      ])) as DeliveryRow[];
      if (!row) return 'missing';
      if (row.status !== 'pending') return 'skipped';
      const now = this.clock.now();
      if (row.next_attempt_at.getTime() > now.getTime()) return 'not-due';
      const [endpoint] = (await manager.query(
        'SELECT id, url, active, key_id, wrapped_key, secret_ciphertext FROM webhook_endpoints WHERE id = ?',
        [row.endpoint_id],
      )) as EndpointRow[];
      if (!endpoint || Number(endpoint.active) !== 1) return 'paused';
      const secret = this.vault.open<string>(endpoint.id, {
        keyId: endpoint.key_id,
        wrappedKey: endpoint.wrapped_key,
        ciphertext: endpoint.secret_ciphertext,
      });
      const body = JSON.stringify({
        id: row.id,
        event: row.event,
        eventKey: row.event_key,
        createdAt: row.created_at.toISOString(),
        data: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
      });
      // Signed afresh on every attempt, with the time of this call: receivers refuse stale timestamps.
      const timestamp = Math.floor(this.clock.now().getTime() / 1000);
      const status = await this.post(endpoint.url, body, {
        'x-tiepdan-event': row.event,
        'x-tiepdan-delivery': row.id,
        'x-tiepdan-timestamp': String(timestamp),
        'x-tiepdan-signature': webhookSignature(secret, timestamp, body),
      });
      const attempts = Number(row.attempts) + 1;
      if (status !== null && status >= 200 && status < 300) {
        await manager.query(
          `UPDATE webhook_deliveries SET status = 'delivered', attempts = ?, response_status = ?, delivered_at = ?
           WHERE id = ?`,
          [attempts, status, now, row.id],
        );
        return 'delivered';
      }
      const delay = retryDelayMs(attempts);
      this.logger.warn(
        { delivery: row.id, endpoint: endpoint.id, status, attempts, final: delay === null },
        'webhook call not acknowledged',
      );
      await manager.query(
        `UPDATE webhook_deliveries SET status = ?, attempts = ?, response_status = ?, next_attempt_at = ?
         WHERE id = ?`,
        [
          delay === null ? 'failed' : 'pending',
          attempts,
          status,
          delay === null ? row.next_attempt_at : new Date(now.getTime() + delay),
          row.id,
        ],
      );
      return delay === null ? 'failed' : 'retry';
    });
  }

  /** Enqueues every pending call that is due, for active endpoints. Overlap-safe (database lock). */
  async sweep(): Promise<{ ran: boolean; enqueued: number }> {
    const result = await withSweepLock(this.dataSource, 'notifications-webhook-sweep', async () => {
      const rows: { id: string }[] = await this.dataSource.query(
        `SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.active = 1
         WHERE d.status = 'pending' AND d.next_attempt_at <= ?
         ORDER BY d.next_attempt_at, d.id LIMIT ${SWEEP_BATCH}`,
        [this.clock.now()],
      );
      let enqueued = 0;
      for (const { id } of rows) if (await ensureLiveJob(this.queue, webhookSendJob(id))) enqueued++;
      return enqueued;
    });
    return result === null ? { ran: false, enqueued: 0 } : { ran: true, enqueued: result };
  }

  private post(url: string, body: string, headers: Record<string, string>): Promise<number | null> {
    return postWebhook(url, body, headers, this.config.webhooks.allowPrivateTargets);
  }
}
