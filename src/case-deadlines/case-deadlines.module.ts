import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CaseDeadlineChangeEntity } from './case-deadline-change.entity.js';
import { CaseDeadlineEntity } from './case-deadline.entity.js';
import { CaseDeadlineRecomputer } from './case-deadline-recomputer.js';
import { CaseDeadlinesService } from './case-deadlines.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([CaseDeadlineEntity, CaseDeadlineChangeEntity]), CalendarModule],
  // The recomputer subscribes to calendar changes; it acts where the changes are processed (the worker).
  providers: [CaseDeadlinesService, CaseDeadlineRecomputer],
  exports: [CaseDeadlinesService],
})
export class CaseDeadlinesModule {}
