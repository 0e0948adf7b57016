import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.js';
import { IdentityVaultModule } from '../identity/identity-vault.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { NationalSyncOutboxEntity } from './national-sync-outbox.entity.js';
import { NationalSyncDelivery } from './national-sync-delivery.service.js';
import { NationalSyncReports } from './national-sync-reports.service.js';
import {
  FileDropTransport,
  HttpsTransport,
  NATIONAL_TRANSPORT,
  NoTransport,
  type NationalTransport,
} from './national-transport.js';

/** The configured transport (NATIONAL_SYNC_TRANSPORT; the https settings are checked at boot). */
export function transportFor(config: AppConfig): NationalTransport {
  const c = config.nationalSync;
  if (c.transport === 'file') return new FileDropTransport(c.dir);
  if (c.transport === 'https') return new HttpsTransport(c.url!, c.secret!, c.timeoutMs);
  return new NoTransport();
}

/**
 * Delivery of the national outbox (docs/national-database.md): in the worker (processor and scheduler
 * are listed in worker.module.ts), and in the CLI (back-fill, deliver, reconcile).
 */
@Module({
  imports: [TypeOrmModule.forFeature([NationalSyncOutboxEntity]), IdentityVaultModule, NotificationsModule],
  providers: [
    NationalSyncDelivery,
    NationalSyncReports,
    { provide: NATIONAL_TRANSPORT, inject: [AppConfig], useFactory: transportFor },
  ],
  exports: [NationalSyncDelivery, NationalSyncReports],
})
export class NationalSyncModule {}
