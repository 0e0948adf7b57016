import { Module } from '@nestjs/common';
import { CaseDeadlinesModule } from '../case-deadlines/case-deadlines.module.js';
import { LetterDeadlineSubject } from './letter-deadline-subject.adapter.js';

/** Registers letters as deadline subjects: imported by LettersModule and by the worker. */
@Module({ imports: [CaseDeadlinesModule], providers: [LetterDeadlineSubject] })
export class LetterDeadlineSubjectModule {}
