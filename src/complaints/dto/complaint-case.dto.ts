import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { CaseDeadlineView } from '../../case-deadlines/dto/case-deadline.dto.js';
import { CaseEventView, CaseStepFieldsDto, CaseWorkListQueryDto } from '../../cases/dto/case.dto.js';
import { IsId } from '../../common/http/id.js';
import { NoControlCharacters, trim } from '../../common/http/text.js';
import { IsLocalDate, trimToNull } from '../../common/http/validators.js';
import {
  COMPLAINT_EVENTS,
  COMPLAINT_STATES,
  type ComplaintEvent,
  type ComplaintState,
  type ComplaintTrack,
} from '../domain/complaint-lifecycle.js';
import { COMPLAINT_TRACKS } from '../../letters/domain/letter-rules.js';

export class TransitionDto extends CaseStepFieldsDto {
  @ApiProperty({ enum: COMPLAINT_EVENTS })
  @IsIn(COMPLAINT_EVENTS)
  event: ComplaintEvent;

  @ApiPropertyOptional({
    enum: ['right', 'partly_right', 'wrong'],
    description: 'decide: what it found (required for that step)',
  })
  @IsOptional()
  @IsIn(['right', 'partly_right', 'wrong'])
  outcome?: 'right' | 'partly_right' | 'wrong';

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-12-21',
    description:
      'schedule_dialogue: the day of the dialogue, which may lie ahead (date is the day it is scheduled); ' +
      'the invitation is due 5 days before it (KN-10). Absent: the dialogue is on date.',
  })
  @IsOptional()
  @IsLocalDate()
  dialogueOn?: string | null;
}

export class CaseFlagsDto {
  @ApiPropertyOptional({ description: 'vùng sâu, vùng xa, đi lại khó khăn' })
  @IsOptional()
  @IsBoolean()
  remote?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(1000)
  remoteReason?: string | null;

  @ApiPropertyOptional({ description: 'vụ việc phức tạp (NĐ 124 art. 3a): a written determination' })
  @IsOptional()
  @IsBoolean()
  complicated?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(1000)
  complicatedReason?: string | null;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class AssignCaseDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Move the case to another resolving unit' })
  @IsOptional()
  @IsId()
  unitId?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The handler; null to unassign',
  })
  @IsOptional()
  @IsId()
  handlerUserId?: string | null;

  @ApiProperty({ description: 'Why (kept in the audit trail)' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(3, 1000)
  reason: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class InternalTargetDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-12-01',
    description: 'null removes the target',
  })
  @IsOptional()
  @IsLocalDate()
  target: string | null;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class DeadlineParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  id: string;

  @ApiProperty({ format: 'uuid' })
  @IsId()
  deadlineId: string;
}

export class ListCasesQueryDto extends CaseWorkListQueryDto {
  @ApiPropertyOptional({ enum: COMPLAINT_STATES })
  @IsOptional()
  @IsIn(COMPLAINT_STATES)
  state?: ComplaintState;

  @ApiPropertyOptional({ enum: COMPLAINT_TRACKS })
  @IsOptional()
  @IsIn(COMPLAINT_TRACKS)
  track?: ComplaintTrack;
}

export class CaseSummaryView {
  @ApiProperty() id: string;
  @ApiProperty() caseNumber: string;
  @ApiProperty() letterId: string;
  @ApiProperty() unitId: string;
  @ApiPropertyOptional({ type: String, nullable: true }) handlerUserId: string | null;
  @ApiProperty({ enum: COMPLAINT_TRACKS }) track: ComplaintTrack;
  @ApiProperty({ enum: COMPLAINT_STATES }) state: ComplaintState;
  @ApiProperty() subject: string;
  @ApiProperty() receivedOn: string;
  @ApiPropertyOptional({ type: String, nullable: true }) acceptedOn: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedOn: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The nearest open statutory deadline' })
  nextDue: string | null;
  @ApiProperty() remote: boolean;
  @ApiProperty() complicated: boolean;
  @ApiProperty() version: number;
}

export class CaseSummaryPage {
  @ApiProperty({ type: [CaseSummaryView] }) items: CaseSummaryView[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class CaseView extends CaseSummaryView {
  @ApiPropertyOptional({ type: String, nullable: true }) suspendedFrom: string | null;
  @ApiProperty() dialogueHeld: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) previousCaseId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionRef: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, enum: ['right', 'partly_right', 'wrong'] })
  decisionOutcome: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) legalEffectFrom: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) remoteReason: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) remoteSetByUserId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) complicatedReason: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) complicatedSetByUserId: string | null;
  @ApiProperty({ type: [CaseEventView] }) events: CaseEventView[];
  @ApiProperty({ type: [CaseDeadlineView] }) deadlines: CaseDeadlineView[];
  @ApiProperty({ enum: COMPLAINT_EVENTS, isArray: true, description: 'Steps allowed now (as of today)' })
  nextSteps: ComplaintEvent[];
}
