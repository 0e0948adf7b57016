import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/domain/actor.js';
import { Clock } from '../common/clock.js';
import type { Page } from '../common/http/page.dto.js';
import type {
  ListNotificationsQueryDto,
  NotificationSettingsDto,
  NotificationSettingsView,
  NotificationView,
} from './dto/notification.dto.js';
import { NotificationEntity } from './entities/notification.entity.js';
import { NotificationErrors } from './notifications.errors.js';

function toView(n: NotificationEntity): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    subjectType: n.subjectType,
    subjectId: n.subjectId,
    unitId: n.unitId,
    readAt: n.readAt ? n.readAt.toISOString() : null,
    createdAt: n.createdAt.toISOString(),
  };
}

/** The signed-in user's own notifications and e-mail setting. Nobody sees another's. */
@Injectable()
export class NotificationInboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Newest first. */
  async list(actor: Actor, query: ListNotificationsQueryDto): Promise<Page<NotificationView>> {
    const qb = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId: ownerOf(actor) });
    if (query.unread === true) qb.andWhere('n.read_at IS NULL');
    if (query.unread === false) qb.andWhere('n.read_at IS NOT NULL');
    const [rows, total] = await qb
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(toView), page: query.page, pageSize: query.pageSize, total };
  }

  async unreadCount(actor: Actor): Promise<{ unread: number }> {
    const [{ n }] = await this.dataSource.query(
      'SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL',
      [ownerOf(actor)],
    );
    return { unread: Number(n) };
  }

  /** Marks one of the caller's notifications read (again: no change). @throws `NOTIFICATION_NOT_FOUND` */
  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    const userId = ownerOf(actor);
    const repository = this.dataSource.getRepository(NotificationEntity);
    await repository
      .createQueryBuilder()
      .update()
      .set({ readAt: this.clock.now() })
      .where('id = :id AND user_id = :userId AND read_at IS NULL', { id, userId })
      .execute();
    const notification = await repository.findOneBy({ id, userId });
    if (!notification) throw NotificationErrors.notFound();
    return toView(notification);
  }

  async markAllRead(actor: Actor): Promise<{ marked: number }> {
    const result = await this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder()
      .update()
      .set({ readAt: this.clock.now() })
      .where('user_id = :userId AND read_at IS NULL', { userId: ownerOf(actor) })
      .execute();
    return { marked: result.affected ?? 0 };
  }

  async settings(actor: Actor): Promise<NotificationSettingsView> {
    const rows: { email_digest: number | string }[] = await this.dataSource.query(
      'SELECT email_digest FROM users WHERE id = ?',
      [ownerOf(actor)],
    );
    return { emailDigest: Number(rows[0]?.email_digest) === 1 };
  }

  /** Daily digest or one e-mail per notification; applies to notifications made from now on. Audited. */
  async updateSettings(actor: Actor, dto: NotificationSettingsDto): Promise<NotificationSettingsView> {
    const userId = ownerOf(actor);
    return this.dataSource.transaction(async (manager) => {
      const rows: { email_digest: number | string; unit_id: string }[] = await manager.query(
        'SELECT email_digest, unit_id FROM users WHERE id = ? FOR UPDATE',
        [userId],
      );
      if (!rows[0]) throw NotificationErrors.notFound();
      const before = Number(rows[0].email_digest) === 1;
      if (before !== dto.emailDigest) {
        await manager.query('UPDATE users SET email_digest = ?, version = version + 1 WHERE id = ?', [
          dto.emailDigest ? 1 : 0,
          userId,
        ]);
        await this.audit.record(manager, actor, {
          action: 'update',
          entityType: 'user',
          entityId: userId,
          unitId: rows[0].unit_id,
          changes: { emailDigest: { before, after: dto.emailDigest } },
        });
      }
      return { emailDigest: dto.emailDigest };
    });
  }
}

/** Every route here is for a signed-in user (the guard sets `userId`); the system has no inbox. */
function ownerOf(actor: Actor): string {
  if (!actor.userId) throw NotificationErrors.notFound();
  return actor.userId;
}
