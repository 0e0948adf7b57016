import { Module } from '@nestjs/common';
import { NationalOutboxModule } from '../national-sync/national-outbox.module.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { resolve } from 'node:path';
import { DiskFileStore } from '../attachments/disk-file-store.js';
import { FILE_STORE } from '../attachments/file-store.js';
import { AuditModule } from '../audit/audit.module.js';
import { CaseDeadlinesModule } from '../case-deadlines/case-deadlines.module.js';
import { AppConfig } from '../config/app-config.js';
import { EnforcementEvidenceService } from './enforcement-evidence.service.js';
import { EnforcementReviewModule } from './enforcement-review.module.js';
import { EnforcementController } from './enforcement.controller.js';
import { EnforcementService } from './enforcement.service.js';
import { ObligationDeadlineSubjectModule } from './obligation-deadline-subject.module.js';
import { EnforcementEvidenceEntity } from './entities/enforcement-evidence.entity.js';
import { EnforcementObligationEntity } from './entities/enforcement-obligation.entity.js';
import { EnforcementRecordEntity } from './entities/enforcement-record.entity.js';
import { EnforcementUpdateEntity } from './entities/enforcement-update.entity.js';

/**
 * Enforcement of final decisions (docs/enforcement.md). Exports EnforcementService: the complaint and
 * denunciation services call `openFor` in the transaction that makes a decision final. Imports no case
 * module, so they may import this one.
 */
@Module({
  imports: [
    NationalOutboxModule,
    TypeOrmModule.forFeature([
      EnforcementRecordEntity,
      EnforcementObligationEntity,
      EnforcementUpdateEntity,
      EnforcementEvidenceEntity,
    ]),
    AuditModule,
    CaseDeadlinesModule,
    ObligationDeadlineSubjectModule,
    EnforcementReviewModule,
  ],
  controllers: [EnforcementController],
  providers: [
    EnforcementService,
    EnforcementEvidenceService,
    {
      // The same store (and directory) as letters' attachments: content-addressed, so files never clash.
      provide: FILE_STORE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new DiskFileStore(resolve(config.attachments.dir)),
    },
  ],
  exports: [EnforcementService],
})
export class EnforcementModule {}
