import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseDeadlineEntity } from '../../case-deadlines/case-deadline.entity.js';
import { COMPLAINT_CASE_SUBJECT } from '../../cases/complaint-cases.service.js';
import { ComplaintCaseEventEntity } from '../../cases/entities/complaint-case-event.entity.js';
import { ComplaintCaseEntity } from '../../cases/entities/complaint-case.entity.js';
import { UnitEntity } from '../../units/unit.entity.js';
import { LettersService } from '../letters.service.js';
import { letterStatusView, type LetterStatusView, type StatusCaseFacts } from './letter-status.js';

/** The petitioner's view of their letter, behind its receipt code and secret (no login). */
@Injectable()
export class LetterStatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly letters: LettersService,
  ) {}

  async status(code: string, secret: string): Promise<LetterStatusView> {
    const letter = await this.letters.byReceipt(code, secret);
    const manager = this.dataSource.manager;
    let transferTo: string | null = letter.transferToBody;
    if (letter.transferToUnitId) {
      transferTo = (await manager.findOneBy(UnitEntity, { id: letter.transferToUnitId }))?.name ?? null;
    }
    let complaint: StatusCaseFacts | null = null;
    if (letter.caseId) {
      const c = await manager.findOneBy(ComplaintCaseEntity, { id: letter.caseId });
      if (c) {
        const [events, deadlines] = await Promise.all([
          manager.find(ComplaintCaseEventEntity, {
            where: { caseId: c.id },
            order: { sequence: 'ASC' },
            select: { event: true, eventDate: true, sequence: true },
          }),
          manager.find(CaseDeadlineEntity, {
            where: { subjectType: COMPLAINT_CASE_SUBJECT, subjectId: c.id, status: 'open' },
            select: { purpose: true, dueDate: true },
          }),
        ]);
        complaint = {
          caseNumber: c.caseNumber,
          state: c.state,
          events: events.map((e) => ({ event: e.event, date: e.eventDate })),
          openDeadlines: deadlines.map((d) => ({ purpose: d.purpose, dueDate: d.dueDate })),
        };
      }
    }
    return letterStatusView({ ...letter, transferTo }, complaint);
  }
}
