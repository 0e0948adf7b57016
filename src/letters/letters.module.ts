import { Module } from '@nestjs/common';
import { NationalOutboxModule } from '../national-sync/national-outbox.module.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CaseDeadlinesModule } from '../case-deadlines/case-deadlines.module.js';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { DenunciationsModule } from '../denunciations/denunciations.module.js';
import { LetterAttachmentEntity } from './entities/letter-attachment.entity.js';
import { LetterAuthorisationEntity } from './entities/letter-authorisation.entity.js';
import { LetterAuthorisationsController } from './letter-authorisations.controller.js';
import { LetterAuthorisationsService } from './letter-authorisations.service.js';
import { LetterPetitionerEntity } from './entities/letter-petitioner.entity.js';
import { LetterEntity } from './entities/letter.entity.js';
import { ProtectedLetterTextEntity } from '../identity/entities/protected-letter-text.entity.js';
import { IdentityRevealRequestEntity } from '../identity/entities/identity-reveal-request.entity.js';
import { ReceptionModule } from '../reception/reception.module.js';
import { LetterDeadlineSubjectModule } from './letter-deadline-subject.module.js';
import { LettersController } from './letters.controller.js';
import { CaseAttachmentsController } from './case-attachments.controller.js';
import { LetterAttachmentsService } from './letter-attachments.service.js';
import { DiskFileStore } from '../attachments/disk-file-store.js';
import { FILE_STORE } from '../attachments/file-store.js';
import { AppConfig } from '../config/app-config.js';
import { resolve } from 'node:path';
import { LetterDecisionsService } from './letter-decisions.service.js';
import { LetterDuplicatesService } from './letter-duplicates.service.js';
import { LetterIdentityService } from './letter-identity.service.js';
import { LetterRecords } from './letter-records.service.js';
import { LettersService } from './letters.service.js';
import { LetterStatusController } from './public/letter-status.controller.js';
import { LetterStatusService } from './public/letter-status.service.js';
import { LetterEmailsModule } from './public/letter-emails.module.js';
import { LetterEmailsController } from './public/letter-emails.controller.js';
import { LetterFormController } from './public/letter-form.controller.js';
import { LetterEligibilityService } from './letter-eligibility.service.js';
import { LetterIntakeQueueService } from './letter-intake-queue.service.js';
import { LetterFormGuard } from './public/letter-form.guard.js';
import { LetterFormService } from './public/letter-form.service.js';

@Module({
  imports: [
    NationalOutboxModule,
    // The sealed texts and reveal grants are read here too (IdentityAccess, LetterIdentityService).
    TypeOrmModule.forFeature([
      LetterEntity,
      LetterPetitionerEntity,
      LetterAttachmentEntity,
      LetterAuthorisationEntity,
      ProtectedLetterTextEntity,
      IdentityRevealRequestEntity,
    ]),
    // The citizen's e-mails about letters filed online.
    LetterEmailsModule,
    // Letters take the reception book's pending intakes.
    ReceptionModule,
    AuditModule,
    CaseDeadlinesModule,
    LetterDeadlineSubjectModule,
    ComplaintsModule,
    DenunciationsModule,
  ],
  controllers: [
    LettersController,
    CaseAttachmentsController,
    LetterAuthorisationsController,
    LetterStatusController,
    LetterFormController,
    LetterEmailsController,
  ],
  providers: [
    LetterFormGuard,
    LetterEligibilityService,
    LetterIntakeQueueService,
    LetterFormService,
    LettersService,
    LetterRecords,
    LetterIdentityService,
    LetterDuplicatesService,
    LetterDecisionsService,
    LetterStatusService,
    LetterAttachmentsService,
    LetterAuthorisationsService,
    {
      provide: FILE_STORE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new DiskFileStore(resolve(config.attachments.dir)),
    },
  ],
  exports: [LettersService, LetterDecisionsService],
})
export class LettersModule {}
