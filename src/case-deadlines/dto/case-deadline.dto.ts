import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CaseDeadlineEntity } from '../case-deadline.entity.js';

/** A deadline record as the API shows it inside a complaint or denunciation case, or an enforcement record. */
export class CaseDeadlineView {
  @ApiProperty() id: string;
  @ApiProperty() purpose: string;
  @ApiProperty() sequence: number;
  @ApiProperty() ruleId: string;
  @ApiProperty() ruleVersion: string;
  @ApiProperty() triggerDate: string;
  @ApiProperty() rawEnd: string;
  @ApiProperty() dueDate: string;
  @ApiPropertyOptional({ type: String, nullable: true }) internalTarget: string | null;
  @ApiProperty() status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) pausedSince: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) settledOn: string | null;
  @ApiProperty() calendarVersion: string;
  @ApiProperty() provisional: boolean;
  @ApiProperty() explanation: { vi: string[]; en: string[] };
  @ApiProperty() version: number;
}

/** The view of a deadline record. */
export function toDeadlineView(d: CaseDeadlineEntity): CaseDeadlineView {
  return {
    id: d.id,
    purpose: d.purpose,
    sequence: d.sequence,
    ruleId: d.ruleId,
    ruleVersion: d.ruleVersion,
    triggerDate: d.triggerDate,
    rawEnd: d.rawEnd,
    dueDate: d.dueDate,
    internalTarget: d.internalTarget,
    status: d.status,
    pausedSince: d.pausedSince,
    settledOn: d.settledOn,
    calendarVersion: d.calendarVersion,
    provisional: d.provisional,
    explanation: d.explanation,
    version: d.version,
  };
}
