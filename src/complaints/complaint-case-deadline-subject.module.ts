import { Module } from '@nestjs/common';
import { CaseDeadlinesModule } from '../case-deadlines/case-deadlines.module.js';
import { ComplaintCaseDeadlineSubject } from './complaint-case-deadline-subject.adapter.js';

/** Registers complaint cases as deadline subjects: imported by ComplaintsModule and by the worker. */
@Module({ imports: [CaseDeadlinesModule], providers: [ComplaintCaseDeadlineSubject] })
export class ComplaintCaseDeadlineSubjectModule {}
