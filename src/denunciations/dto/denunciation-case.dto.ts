import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { CaseDeadlineView } from '../../case-deadlines/dto/case-deadline.dto.js';
import { CaseEventView, CaseStepFieldsDto, CaseWorkListQueryDto } from '../../cases/dto/case.dto.js';
import { NoControlCharacters } from '../../common/http/text.js';
import { trimToNull } from '../../common/http/validators.js';
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

export class DenunciationTransitionDto extends CaseStepFieldsDto {
  @ApiProperty({ enum: DENUNCIATION_EVENTS })
  @IsIn(DENUNCIATION_EVENTS)
  event: DenunciationEvent;

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

export class ListDenunciationCasesQueryDto extends CaseWorkListQueryDto {
  @ApiPropertyOptional({ enum: DENUNCIATION_STATES })
  @IsOptional()
  @IsIn(DENUNCIATION_STATES)
  state?: DenunciationState;

  @ApiPropertyOptional({ enum: DENUNCIATION_TRACKS })
  @IsOptional()
  @IsIn(DENUNCIATION_TRACKS)
  track?: DenunciationTrack;
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

export class DenunciationSummaryPage {
  @ApiProperty({ type: [DenunciationSummaryView] }) items: DenunciationSummaryView[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class DenunciationCaseView extends DenunciationSummaryView {
  @ApiPropertyOptional({ type: String, nullable: true }) suspendedFrom: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) originalCaseId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) acceptedByUserId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) conclusionRef: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, enum: ['right', 'partly_right', 'wrong'] })
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
