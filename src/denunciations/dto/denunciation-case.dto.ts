import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { CaseDeadlineView } from '../../case-deadlines/dto/case-deadline.dto.js';
import { CaseEventView } from '../../complaints/dto/complaint-case.dto.js';
import { IsId } from '../../common/http/id.js';
import { PageQueryDto } from '../../common/http/page.dto.js';
import { NoControlCharacters, trim } from '../../common/http/text.js';
import { IsLocalDate, trimToNull } from '../../common/http/validators.js';
import {
  COMPLEXITIES,
  DENUNCIATION_EVENTS,
  DENUNCIATION_STATES,
  DENUNCIATION_TRACKS,
  type Complexity,
  type DenunciationEvent,
  type DenunciationState,
  type DenunciationTrack,
} from '../domain/denunciation-lifecycle.js';

export class DenunciationTransitionDto {
  @ApiProperty({ enum: DENUNCIATION_EVENTS })
  @IsIn(DENUNCIATION_EVENTS)
  event: DenunciationEvent;

  @ApiProperty({ example: '2026-11-24', description: 'The date of the act (a local date)' })
  @IsLocalDate()
  date: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '15/QĐ-TTr',
    description: 'The document number of the act',
  })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(100)
  documentRef?: string | null;

  @ApiProperty({ example: 'LTC 2018 art. 29' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(3, 500)
  legalBasis: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Why (required for extension, suspension, withdrawal, termination)',
  })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(2000)
  note?: string | null;

  @ApiPropertyOptional({ description: 'withdraw: there are signs of a violation, so resolution continues' })
  @IsOptional()
  @IsBoolean()
  signsOfViolation?: boolean;

  @ApiPropertyOptional({
    enum: ['right', 'partly_right', 'wrong'],
    description: 'conclude: what it found (required for that step)',
  })
  @IsOptional()
  @IsIn(['right', 'partly_right', 'wrong'])
  outcome?: 'right' | 'partly_right' | 'wrong';

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class ComplexityDto {
  @ApiProperty({ enum: COMPLEXITIES, description: 'NĐ 31 art. 3: the written determination' })
  @IsIn(COMPLEXITIES)
  complexity: Complexity;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(1000)
  reason?: string | null;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class ListDenunciationCasesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['mine', 'unit'] })
  @IsOptional()
  @IsIn(['mine', 'unit'])
  scope?: 'mine' | 'unit';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  unitId?: string;

  @ApiPropertyOptional({ enum: DENUNCIATION_STATES })
  @IsOptional()
  @IsIn(DENUNCIATION_STATES)
  state?: DenunciationState;

  @ApiPropertyOptional({ enum: DENUNCIATION_TRACKS })
  @IsOptional()
  @IsIn(DENUNCIATION_TRACKS)
  track?: DenunciationTrack;

  @ApiPropertyOptional({ enum: ['this_week', 'overdue'] })
  @IsOptional()
  @IsIn(['this_week', 'overdue'])
  due?: 'this_week' | 'overdue';

  @ApiPropertyOptional({ description: 'Words of the (redacted) subject or case number; diacritics ignored' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 200)
  q?: string;

  @ApiPropertyOptional({ enum: ['due', 'received', 'updated'], default: 'due' })
  @IsOptional()
  @IsIn(['due', 'received', 'updated'])
  sort: 'due' | 'received' | 'updated' = 'due';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'asc';
}

export class DenunciationSummaryView {
  @ApiProperty() id: string;
  @ApiProperty() caseNumber: string;
  @ApiProperty() letterId: string;
  @ApiProperty() unitId: string;
  @ApiPropertyOptional({ type: String, nullable: true }) handlerUserId: string | null;
  @ApiProperty({ enum: DENUNCIATION_TRACKS }) track: DenunciationTrack;
  @ApiProperty({ enum: DENUNCIATION_STATES }) state: DenunciationState;
  @ApiProperty({ description: 'The redacted subject' }) subject: string;
  @ApiProperty() receivedOn: string;
  @ApiPropertyOptional({ type: String, nullable: true }) acceptedOn: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) concludedOn: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) nextDue: string | null;
  @ApiProperty({ enum: COMPLEXITIES }) complexity: Complexity;
  @ApiProperty() extensions: number;
  @ApiProperty() version: number;
}

export class DenunciationCaseView extends DenunciationSummaryView {
  @ApiPropertyOptional({ type: String, nullable: true }) suspendedFrom: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) originalCaseId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) acceptedByUserId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) conclusionRef: string | null;
  @ApiPropertyOptional({ nullable: true, enum: ['right', 'partly_right', 'wrong'] })
  conclusionOutcome: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) complexityReason: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) complexitySetByUserId: string | null;
  @ApiProperty() conclusionSent: boolean;
  @ApiProperty() conclusionHandled: boolean;
  @ApiProperty() withdrawn: boolean;
  @ApiProperty({ type: [CaseEventView] }) events: CaseEventView[];
  @ApiProperty({ type: [CaseDeadlineView] }) deadlines: CaseDeadlineView[];
  @ApiProperty({ enum: DENUNCIATION_EVENTS, isArray: true }) nextSteps: DenunciationEvent[];
}
