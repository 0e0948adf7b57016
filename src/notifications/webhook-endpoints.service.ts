import { AppConfig } from '../config/app-config.js';
import { assertExternalTarget } from './webhook-target.js';
import { DomainError } from '../common/domain/domain-error.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffChanges } from '../audit/domain/changes.js';
import type { Actor } from '../auth/domain/actor.js';
import { Clock } from '../common/clock.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { IdentityVault } from '../identity/identity-vault.js';
import type {
  CreatedWebhookEndpointView,
  CreateWebhookEndpointDto,
  UpdateWebhookEndpointDto,
  WebhookEndpointView,
  WebhookTestView,
} from './dto/webhook-endpoint.dto.js';
import { webhookSignature } from './domain/webhook-signature.js';
import { postWebhook } from './webhook-call.js';
import { WebhookEndpointEntity } from './entities/webhook-endpoint.entity.js';
import { NotificationErrors } from './notifications.errors.js';

function toView(e: WebhookEndpointEntity): WebhookEndpointView {
  return {
    id: e.id,
    url: e.url,
    events: [...e.events],
    active: e.active,
    createdAt: e.createdAt.toISOString(),
  };
}

/** The audit trail keeps where calls go, not a path or query that may carry a receiver's token. */
function audited(e: Pick<WebhookEndpointEntity, 'url' | 'events' | 'active'>) {
  return { origin: new URL(e.url).origin, events: [...e.events].sort(), active: e.active };
}

/**
 * Other systems that receive signed event calls. The signing secret is generated here, shown once, and
 * stored sealed like personal data (src/identity, the endpoint id as associated data).
 */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vault: IdentityVault,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, dto: CreateWebhookEndpointDto): Promise<CreatedWebhookEndpointView> {
    await assertExternalTarget(dto.url, this.config.webhooks.allowPrivateTargets).catch((error: unknown) => {
      // A name that does not resolve is as unusable as an internal one.
      if (error instanceof DomainError) throw error;
      throw new DomainError(
        'WEBHOOK_TARGET_UNRESOLVED',
        'The webhook host does not resolve.',
        'unprocessable',
        [{ field: 'url', message: 'does not resolve' }],
      );
    });
    const id = uuid7();
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const sealed = this.vault.seal(id, secret);
    const endpoint = this.dataSource.manager.create(WebhookEndpointEntity, {
      id,
      url: dto.url,
      events: [...dto.events],
      active: true,
      keyId: sealed.keyId,
      wrappedKey: sealed.wrappedKey,
      secretCiphertext: sealed.ciphertext,
      createdAt: this.clock.now(),
    });
    // Taken before the insert, which writes the database's raw values back into the entity.
    const view = toView(endpoint);
    const changes = diffChanges(null, audited(endpoint));
    await transactionWithRetry(this.dataSource, async (manager) => {
      await manager.insert(WebhookEndpointEntity, endpoint);
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'webhook_endpoint',
        entityId: id,
        changes,
      });
    });
    return { ...view, secret };
  }

  async list(): Promise<WebhookEndpointView[]> {
    const rows = await this.dataSource
      .getRepository(WebhookEndpointEntity)
      .find({ order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toView);
  }

  /** Pauses or resumes an endpoint; paused, its calls wait. @throws `WEBHOOK_ENDPOINT_NOT_FOUND` */
  async update(actor: Actor, id: string, dto: UpdateWebhookEndpointDto): Promise<WebhookEndpointView> {
    return transactionWithRetry(this.dataSource, async (manager) => {
      const endpoint = await manager.findOne(WebhookEndpointEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!endpoint) throw NotificationErrors.endpointNotFound();
      if (endpoint.active !== dto.active) {
        const before = audited(endpoint);
        await manager.update(WebhookEndpointEntity, { id }, { active: dto.active });
        endpoint.active = dto.active;
        await this.audit.record(manager, actor, {
          action: 'update',
          entityType: 'webhook_endpoint',
          entityId: id,
          changes: diffChanges(before, audited(endpoint)),
        });
      }
      return toView(endpoint);
    });
  }

  /**
   * Sends the endpoint one signed test call now (paused or not: it is how a receiver is checked before
   * it is resumed) and shows what was sent — body, timestamp, signature — and what came back. The call is
   * made with no database connection held; the audit entry records that it was made and its answer.
   * @throws `WEBHOOK_ENDPOINT_NOT_FOUND`
   */
  async test(actor: Actor, id: string): Promise<WebhookTestView> {
    const endpoint = await this.dataSource.getRepository(WebhookEndpointEntity).findOneBy({ id });
    if (!endpoint) throw NotificationErrors.endpointNotFound();
    const secret = this.vault.open<string>(endpoint.id, {
      keyId: endpoint.keyId,
      wrappedKey: endpoint.wrappedKey,
      ciphertext: endpoint.secretCiphertext,
    });
    const now = this.clock.now();
    const deliveryId = uuid7();
    const body = JSON.stringify({
      id: deliveryId,
      event: 'test',
      eventKey: `test:${deliveryId}`,
      createdAt: now.toISOString(),
      data: { message: 'Thử kết nối từ hệ thống tiếp công dân' },
    });
    const timestamp = Math.floor(now.getTime() / 1000);
    const signature = webhookSignature(secret, timestamp, body);
    const started = performance.now();
    const status = await postWebhook(
      endpoint.url,
      body,
      {
        'x-tiepdan-event': 'test',
        'x-tiepdan-delivery': deliveryId,
        'x-tiepdan-timestamp': String(timestamp),
        'x-tiepdan-signature': signature,
      },
      this.config.webhooks.allowPrivateTargets,
    );
    const durationMs = Math.round(performance.now() - started);
    const acknowledged = status !== null && status >= 200 && status < 300;
    await transactionWithRetry(this.dataSource, (manager) =>
      this.audit.record(manager, actor, {
        action: 'test',
        entityType: 'webhook_endpoint',
        entityId: id,
        changes: { test: { before: null, after: { status, acknowledged } } },
      }),
    );
    return { deliveryId, status, acknowledged, durationMs, timestamp, signature, body };
  }
}
