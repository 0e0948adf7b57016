import { Injectable } from '@nestjs/common';
import { DeadlineSubjects } from '../case-deadlines/deadline-subject.js';
import { CaseDeadlineSubject } from '../cases/case-deadline-subject.js';
import { DENUNCIATION_CASE_SUBJECT } from './denunciation-cases.service.js';
import { CLOSED_DENUNCIATION_STATES } from './domain/denunciation-lifecycle.js';

/** A denunciation case as a deadline subject: closed in the lifecycle's closed states. */
@Injectable()
export class DenunciationCaseDeadlineSubject extends CaseDeadlineSubject {
  constructor(subjects: DeadlineSubjects) {
    super(subjects, {
      subjectType: DENUNCIATION_CASE_SUBJECT,
      table: 'denunciation_cases',
      closedStates: CLOSED_DENUNCIATION_STATES,
      path: '/api/v1/denunciation-cases',
    });
  }
}
