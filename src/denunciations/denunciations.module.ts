import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CaseDeadlinesModule } from '../case-deadlines/case-deadlines.module.js';
import { EnforcementModule } from '../enforcement/enforcement.module.js';
import { DenunciationCaseDeadlineSubjectModule } from './denunciation-case-deadline-subject.module.js';
import { DenunciationCasesController } from './denunciation-cases.controller.js';
import { DenunciationCasesService } from './denunciation-cases.service.js';
import { DenunciationCaseEventEntity } from './entities/denunciation-case-event.entity.js';
import { DenunciationCaseEntity } from './entities/denunciation-case.entity.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([DenunciationCaseEntity, DenunciationCaseEventEntity]),
    AuditModule,
    CaseDeadlinesModule,
    DenunciationCaseDeadlineSubjectModule,
    EnforcementModule,
  ],
  controllers: [DenunciationCasesController],
  providers: [DenunciationCasesService],
  exports: [DenunciationCasesService],
})
export class DenunciationsModule {}
