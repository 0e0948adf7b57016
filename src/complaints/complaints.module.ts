import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CaseDeadlinesModule } from '../case-deadlines/case-deadlines.module.js';
import { EnforcementModule } from '../enforcement/enforcement.module.js';
import { ComplaintCaseDeadlineSubjectModule } from './complaint-case-deadline-subject.module.js';
import { ComplaintCasesController } from './complaint-cases.controller.js';
import { ComplaintCasesService } from './complaint-cases.service.js';
import { CaseNumberCounterEntity } from '../cases/entities/case-number-counter.entity.js';
import { ComplaintCaseEventEntity } from './entities/complaint-case-event.entity.js';
import { ComplaintCaseEntity } from './entities/complaint-case.entity.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([ComplaintCaseEntity, ComplaintCaseEventEntity, CaseNumberCounterEntity]),
    AuditModule,
    CaseDeadlinesModule,
    ComplaintCaseDeadlineSubjectModule,
    EnforcementModule,
  ],
  controllers: [ComplaintCasesController],
  providers: [ComplaintCasesService],
  exports: [ComplaintCasesService],
})
export class ComplaintsModule {}
