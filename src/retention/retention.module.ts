import { Module } from '@nestjs/common';
import { resolve } from 'node:path';
import { DiskFileStore } from '../attachments/disk-file-store.js';
import { FILE_STORE } from '../attachments/file-store.js';
import { AuditModule } from '../audit/audit.module.js';
import { AppConfig } from '../config/app-config.js';
import { RetentionService } from './retention.service.js';

/**
 * Retention per record class and the anonymisation of records past it (ADR 0015): in the worker (its
 * processor and scheduler are listed in worker.module.ts) and in the CLI (`npm run -s retention`).
 */
@Module({
  imports: [AuditModule],
  providers: [
    RetentionService,
    {
      provide: FILE_STORE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new DiskFileStore(resolve(config.attachments.dir)),
    },
  ],
  exports: [RetentionService],
})
export class RetentionModule {}
