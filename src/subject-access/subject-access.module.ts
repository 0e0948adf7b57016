import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { SubjectAccessController } from './subject-access.controller.js';
import { SubjectAccessService } from './subject-access.service.js';

/** A data subject's request: find, export, correct (the vault and the access rule are global). */
@Module({
  imports: [AuditModule],
  controllers: [SubjectAccessController],
  providers: [SubjectAccessService],
})
export class SubjectAccessModule {}
