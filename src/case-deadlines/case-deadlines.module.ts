import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CaseDeadlineChangeEntity } from './case-deadline-change.entity.js';
import { CaseDeadlineEntity } from './case-deadline.entity.js';
import { CaseDeadlineRecomputer } from './case-deadline-recomputer.service.js';
import { CaseDeadlinesService } from './case-deadlines.service.js';
import { DeadlineSubjects } from './deadline-subject.js';

@Module({
  imports: [TypeOrmModule.forFeature([CaseDeadlineEntity, CaseDeadlineChangeEntity]), CalendarModule],
  // The recomputer subscribes to calendar changes; it acts where the changes are processed (the worker).
  // The subject features register their adapters into DeadlineSubjects (deadline-subject.ts).
  providers: [CaseDeadlinesService, CaseDeadlineRecomputer, DeadlineSubjects],
  exports: [CaseDeadlinesService, DeadlineSubjects],
})
export class CaseDeadlinesModule {}
