import { Module } from '@nestjs/common';
import { CaseDeadlinesModule } from '../case-deadlines/case-deadlines.module.js';
import { ObligationDeadlineSubject } from './obligation-deadline-subject.adapter.js';

/** Registers enforcement obligations as deadline subjects: imported by EnforcementModule and by the worker. */
@Module({ imports: [CaseDeadlinesModule], providers: [ObligationDeadlineSubject] })
export class ObligationDeadlineSubjectModule {}
