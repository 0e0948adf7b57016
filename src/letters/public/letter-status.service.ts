import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseDeadlineEntity } from '../../case-deadlines/case-deadline.entity.js';
import { DenunciationCaseEntity } from '../../denunciations/entities/denunciation-case.entity.js';
import { ComplaintCaseEntity } from '../../complaints/entities/complaint-case.entity.js';
import { UnitEntity } from '../../units/unit.entity.js';
import type { LetterEntity } from '../entities/letter.entity.js';
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
    return statusOfLetter(this.dataSource.manager, letter);
  }
}

/**
 * What the status page shows of a letter (also what the citizen's e-mails may say: src/letters/public/
 * letter-emails.service.ts): its milestones, stage, deadline and competent body, read with `manager`.
 */
export async function statusOfLetter(
  manager: EntityManager,
  letter: LetterEntity,
): Promise<LetterStatusView> {
  let transferTo: string | null = letter.transferToBody;
  if (letter.transferToUnitId) {
    transferTo = (await manager.findOneBy(UnitEntity, { id: letter.transferToUnitId }))?.name ?? null;
  }
  let complaint: StatusCaseFacts | null = null;
  if (letter.caseId) {
    const found =
      (await manager.findOneBy(ComplaintCaseEntity, { id: letter.caseId })) ??
      (await manager.findOneBy(DenunciationCaseEntity, { id: letter.caseId }));
    if (found) {
      const kind = found instanceof ComplaintCaseEntity ? 'complaint' : 'denunciation';
      const events = await manager.query(
        `SELECT event, event_date AS date FROM ${kind}_case_events WHERE case_id = ? ORDER BY sequence`,
        [found.id],
      );
      const deadlines = await manager.find(CaseDeadlineEntity, {
        where: { subjectType: `${kind}_case`, subjectId: found.id, status: 'open' },
        select: { purpose: true, dueDate: true },
      });
      complaint = {
        kind,
        caseNumber: found.caseNumber,
        state: found.state,
        events: events.map((e: { event: string; date: string }) => ({ event: e.event, date: e.date })),
        openDeadlines: deadlines.map((d) => ({ purpose: d.purpose, dueDate: d.dueDate })),
      };
    }
  }
  return letterStatusView({ ...letter, transferTo }, complaint);
}
