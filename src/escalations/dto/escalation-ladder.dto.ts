import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { IsId } from '../../common/http/id.js';
import { NoControlCharacters, trim } from '../../common/http/text.js';
import { RECIPIENT_RULES, type RecipientRule } from '../domain/ladder.js';

export class LadderKeyParamDto {
  @ApiProperty({ example: 'KN-3', description: 'A rule id of the deadline catalogue or a kind of subject' })
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'key must be a rule id or a kind of subject' })
  key: string;
}

export class LadderAgencyQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The agency; absent: the ladder for every agency' })
  @IsOptional()
  @IsId()
  agencyUnitId?: string;
}

/** One level as sent: checked in full by ladderProblems (order, range, recipients) with field names. */
export class LadderLevelDto {
  @ApiProperty({ example: 1 })
  level: number;

  @ApiProperty({ example: -3, description: 'Working days from the due date (negative: before it)' })
  workingDaysFromDue: number;

  @ApiProperty({ enum: RECIPIENT_RULES, isArray: true })
  recipients: RecipientRule[];
}

export class PutEscalationLadderDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The agency whose units it governs; absent or null: every agency',
  })
  @IsOptional()
  @IsId()
  agencyUnitId?: string | null;

  @ApiProperty({
    type: [LadderLevelDto],
    nullable: true,
    description: 'null: remove this ladder (what applied before applies again)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  levels: LadderLevelDto[] | null;

  @ApiProperty({ example: 'Quyết định số 12/QĐ-TTr về nhắc hạn giải quyết' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(3, 500)
  reason: string;

  @ApiProperty({ description: 'The current version read (0: none yet)' })
  @IsInt()
  @Min(0)
  version: number;
}

export class EscalationLadderView {
  @ApiProperty() key: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) agencyUnitId: string | null;
  @ApiProperty() version: number;
  @ApiPropertyOptional({ type: [LadderLevelDto], nullable: true }) levels: LadderLevelDto[] | null;
  @ApiProperty() reason: string;
  @ApiProperty() changedByUserId: string;
  @ApiProperty() createdAt: string;
}

export class SavedEscalationLadderView extends EscalationLadderView {
  @ApiProperty({
    description:
      'Open deadlines this ladder may govern whose next level is re-examined by the next sweep (ADR 0017)',
  })
  deadlinesReexamined: number;
}

export class EscalationLadderDefaultsView {
  @ApiProperty({ type: [LadderLevelDto] }) defaultLadder: LadderLevelDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/LadderLevelDto' } },
    description: 'ESCALATION_LADDERS: the default before the built-in ladder',
  })
  environment: Record<string, LadderLevelDto[]>;
  @ApiProperty({ type: [String], description: 'Keys a ladder may be kept for' })
  keys: string[];
  @ApiProperty({ type: [EscalationLadderView], description: 'The current ladders kept as data' })
  ladders: EscalationLadderView[];
}
