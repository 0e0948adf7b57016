import { Module } from '@nestjs/common';
import { CaseDeadlinesModule } from '../case-deadlines/case-deadlines.module.js';
import { DenunciationCaseDeadlineSubject } from './denunciation-case-deadline-subject.adapter.js';

/** Registers denunciation cases as deadline subjects: imported by DenunciationsModule and by the worker. */
@Module({ imports: [CaseDeadlinesModule], providers: [DenunciationCaseDeadlineSubject] })
export class DenunciationCaseDeadlineSubjectModule {}
