import { Injectable } from '@nestjs/common';
import { DeadlineSubjects } from '../case-deadlines/deadline-subject.js';
import { CaseDeadlineSubject } from '../cases/case-deadline-subject.js';
import { COMPLAINT_CASE_SUBJECT } from './complaint-cases.service.js';
import { CLOSED_COMPLAINT_STATES } from './domain/complaint-lifecycle.js';

/** A complaint case as a deadline subject: closed in the lifecycle's closed states. */
@Injectable()
export class ComplaintCaseDeadlineSubject extends CaseDeadlineSubject {
  constructor(subjects: DeadlineSubjects) {
    super(subjects, {
      subjectType: COMPLAINT_CASE_SUBJECT,
      table: 'complaint_cases',
      closedStates: CLOSED_COMPLAINT_STATES,
      path: '/api/v1/complaint-cases',
    });
  }
}
