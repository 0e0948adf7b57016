import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../../src/auth/domain/actor.js';
import type { Role } from '../../../src/auth/domain/roles.js';
import { NotificationsService } from '../../../src/notifications/notifications.service.js';
import { WebhookEndpointsService } from '../../../src/notifications/webhook-endpoints.service.js';
import type { Rule, World } from './accounts.rules.js';

/**
 * Notifications (docs/notifications.md): every signed-in user has an inbox of their own — nobody sees or
 * marks another's (those answer 404 like an unknown id); webhook endpoints are for administrators.
 */

/** A notification for the given users; returns the id of each user's copy. */
async function notify(w: World, userIds: string[]): Promise<Map<string, string>> {
  const dataSource = w.app.get<DataSource>(getDataSourceToken());
  const sourceKey = `matrix-${randomBytes(6).toString('hex')}`;
  await dataSource.transaction((m) =>
    w.app.get(NotificationsService).notify(m, {
      userIds,
      kind: 'escalation',
      sourceKey,
      title: 'Vụ việc sắp quá hạn',
      body: 'Thời hạn giải quyết: 20/03/2026.',
      link: null,
      subjectType: null,
      subjectId: null,
      unitId: w.divisionA.id,
      webhookPayload: {},
    }),
  );
  const rows: { id: string; user_id: string }[] = await dataSource.query(
    'SELECT id, user_id FROM notifications WHERE source_key = ?',
    [sourceKey],
  );
  return new Map(rows.map((r) => [r.user_id, r.id]));
}

/** The outsider's notification: no role's inbox may show it. */
const outsiderNotification = new WeakMap<World, string>();
async function othersInbox(w: World): Promise<void> {
  if (!outsiderNotification.has(w)) {
    outsiderNotification.set(w, (await notify(w, [w.outsider.id])).get(w.outsider.id)!);
  }
}
const notMine = (w: World) => [outsiderNotification.get(w) ?? 'no-notification-made'];

const userOf = (w: World, role: Role) => w.users[role].id;

const endpoint = (w: World) =>
  w.app.get(WebhookEndpointsService).create(SYSTEM_ACTOR, {
    url: 'https://he-thong-khac.example.gov.vn/hooks',
    events: ['escalation'],
  });

export const NOTIFICATION_RULES: Record<string, Rule> = {
  'GET /api/v1/notifications': {
    access: 'authenticated',
    scoped: false,
    success: 200,
    make: async (w, _s, role) => {
      await othersInbox(w);
      await notify(w, [userOf(w, role)]);
      return { path: '/api/v1/notifications' };
    },
    mustNotShow: notMine,
  },
  'GET /api/v1/notifications/unread-count': {
    access: 'authenticated',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/notifications/unread-count' }),
  },
  'POST /api/v1/notifications/read-all': {
    access: 'authenticated',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/notifications/read-all' }),
  },
  'POST /api/v1/notifications/{id}/read': {
    access: 'authenticated',
    // Not scoped by unit: one's own only, for every role (another's answers 404: see notifications.e2e).
    scoped: false,
    success: 200,
    make: async (w, _s, role) => {
      const id = (await notify(w, [userOf(w, role)])).get(userOf(w, role))!;
      return { path: `/api/v1/notifications/${id}/read` };
    },
  },
  'GET /api/v1/me/notification-settings': {
    access: 'authenticated',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/me/notification-settings' }),
  },
  'PATCH /api/v1/me/notification-settings': {
    access: 'authenticated',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/me/notification-settings', body: { emailDigest: false } }),
  },
  'POST /api/v1/webhook-endpoints': {
    access: 'webhooks:manage',
    scoped: false,
    success: 201,
    make: async () => ({
      path: '/api/v1/webhook-endpoints',
      body: { url: 'https://he-thong-khac.example.gov.vn/hooks', events: ['escalation'] },
    }),
  },
  'GET /api/v1/webhook-endpoints': {
    access: 'webhooks:manage',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/webhook-endpoints' }),
  },
  'POST /api/v1/webhook-endpoints/{id}/test': {
    access: 'webhooks:manage',
    scoped: false,
    success: 201,
    // Nothing listens on port 9 of 127.0.0.1: the call is refused at once (shown as not acknowledged).
    make: async (w) => ({
      path: `/api/v1/webhook-endpoints/${
        (
          await w.app.get(WebhookEndpointsService).create(SYSTEM_ACTOR, {
            url: 'http://127.0.0.1:9/hooks',
            events: ['escalation'],
          })
        ).id
      }/test`,
    }),
  },
  'PATCH /api/v1/webhook-endpoints/{id}': {
    access: 'webhooks:manage',
    scoped: false,
    success: 200,
    make: async (w) => ({
      path: `/api/v1/webhook-endpoints/${(await endpoint(w)).id}`,
      body: { active: false },
    }),
  },
};
