import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NoControlCharacters } from '../../common/http/text.js';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsId } from '../../common/http/id.js';
import { NON_WORKING_DAY_POLICIES, type NonWorkingDayPolicy, type Recurrence } from '../domain/recurrence.js';
import { SESSION_MODES, type SessionMode } from '../domain/session.js';
import { trim } from '../../common/http/text.js';
import { IsLocalDate, trimToNull } from '../../common/http/validators.js';
import { PersonDto, ReceptionWarning, TimeSlotDto } from './session.dto.js';

const URL_OPTIONS = { protocols: ['https', 'http'], require_protocol: true };

// ── schedules ─────────────────────────────────────────────────────────────────────────────────────

export class CreateScheduleDto {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  unitId: string;

  @ApiProperty({
    enum: ['regular', 'periodic'],
    description: 'regular (thường xuyên): officers, every working day; periodic (định kỳ): the head',
  })
  @IsIn(['regular', 'periodic'])
  kind: 'regular' | 'periodic';

  @ApiPropertyOptional({ enum: SESSION_MODES, default: 'direct' })
  @IsOptional()
  @IsIn(SESSION_MODES)
  mode?: SessionMode;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for direct reception' })
  @IsOptional()
  @IsId()
  placeId?: string;

  @ApiPropertyOptional({ description: 'Online sessions (from 2026-07-01): the meeting link' })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(500)
  onlineUrl?: string;

  @ApiPropertyOptional({
    description:
      'weekly {weekdays: [2]} | monthly_day {day: 15} | monthly_weekday {week: 2, weekday: 4} (week -1: last) | every_working_day (regular)',
    example: { type: 'weekly', weekdays: [2] },
  })
  @IsOptional()
  @IsObject()
  recurrence?: Recurrence;

  @ApiPropertyOptional({ enum: NON_WORKING_DAY_POLICIES, default: 'next_working_day' })
  @IsOptional()
  @IsIn(NON_WORKING_DAY_POLICIES)
  nonWorkingDayPolicy?: NonWorkingDayPolicy;

  @ApiProperty({
    type: [TimeSlotDto],
    description: 'periodic: exactly one; regular: 1 to 3 (morning, afternoon…)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => TimeSlotDto)
  slots: TimeSlotDto[];

  @ApiProperty({ example: '2027-01-01' })
  @IsLocalDate()
  validFrom: string;

  @ApiProperty({ example: '2027-12-31', description: 'At most 366 days after validFrom' })
  @IsLocalDate()
  validUntil: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Who receives: the head (required for periodic)',
  })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @Length(2, 255)
  receiverName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(255)
  receiverTitle?: string | null;

  @ApiPropertyOptional({ type: [PersonDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PersonDto)
  officers?: PersonDto[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Expected topics (nội dung dự kiến), shown publicly',
  })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(1000)
  topics?: string | null;
}

export class EndScheduleDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ description: 'Sessions on and after this day are cancelled (today or later)' })
  @IsLocalDate()
  from: string;

  @ApiProperty({ description: 'Shown to the public on each cancelled session' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(3, 500)
  reason: string;
}

export class ScheduleView {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty({ enum: ['regular', 'periodic'] }) kind: 'regular' | 'periodic';
  @ApiProperty({ enum: SESSION_MODES }) mode: SessionMode;
  @ApiProperty({ nullable: true, type: String }) placeId: string | null;
  @ApiProperty({ nullable: true, type: String }) onlineUrl: string | null;
  @ApiProperty({ type: Object }) recurrence: Recurrence;
  @ApiProperty({ description: 'The recurrence in Vietnamese words' }) recurrenceText: string;
  @ApiProperty({ enum: NON_WORKING_DAY_POLICIES }) nonWorkingDayPolicy: NonWorkingDayPolicy;
  @ApiProperty({ type: [TimeSlotDto] }) slots: TimeSlotDto[];
  @ApiProperty() validFrom: string;
  @ApiProperty() validUntil: string;
  @ApiProperty({ nullable: true, type: String }) receiverName: string | null;
  @ApiProperty({ nullable: true, type: String }) receiverTitle: string | null;
  @ApiProperty({ type: [PersonDto] }) officers: PersonDto[];
  @ApiProperty({ nullable: true, type: String }) topics: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ nullable: true, type: String }) endedFrom: string | null;
  @ApiProperty({ nullable: true, type: String }) endReason: string | null;
  @ApiProperty() version: number;
}

export class ScheduleCommandResult {
  @ApiProperty({ type: ScheduleView }) schedule: ScheduleView;
  @ApiProperty({ description: 'Sessions created (periodic) or cancelled (end)' }) sessionCount: number;
  @ApiProperty({ description: 'Sessions created inside the posting window (flagged)' })
  postedLateCount: number;
  @ApiProperty({
    type: () => [SkippedOccurrence],
    description: 'Nominal days skipped (not working days, duplicates)',
  })
  skipped: SkippedOccurrence[];
  @ApiProperty({ type: [ReceptionWarning] }) warnings: ReceptionWarning[];
}

// ── preview ───────────────────────────────────────────────────────────────────────────────────────

export class PreviewScheduleDto {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  unitId: string;

  @ApiPropertyOptional({ enum: SESSION_MODES, default: 'direct' })
  @IsOptional()
  @IsIn(SESSION_MODES)
  mode?: SessionMode;

  @ApiProperty({
    description:
      'weekly {weekdays: [2]} | monthly_day {day: 15} | monthly_weekday {week: 2, weekday: 4} (week -1: last)',
    example: { type: 'monthly_weekday', week: 2, weekday: 4 },
  })
  @IsObject()
  recurrence: Recurrence;

  @ApiPropertyOptional({ enum: NON_WORKING_DAY_POLICIES, default: 'next_working_day' })
  @IsOptional()
  @IsIn(NON_WORKING_DAY_POLICIES)
  nonWorkingDayPolicy?: NonWorkingDayPolicy;

  @ApiProperty({ example: '2027-01-01' })
  @IsLocalDate()
  validFrom: string;

  @ApiProperty({ example: '2027-12-31', description: 'At most 366 days after validFrom' })
  @IsLocalDate()
  validUntil: string;
}

export class PreviewOccurrence {
  @ApiProperty({ description: 'The day the session would take place' }) date: string;
  @ApiProperty({ description: 'The day the recurrence names' }) nominalDate: string;
  @ApiProperty() moved: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why it moved: the day off’s name, or weekend',
  })
  reason: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The last day to publish (TCD-1 / TCD-6)' })
  postingDue: string | null;
  @ApiProperty({ description: 'Saving it today would publish it inside the posting window' })
  postedLate: boolean;
}

export class SkippedOccurrence {
  @ApiProperty() nominalDate: string;
  @ApiProperty({ description: 'The day off’s name, weekend, or duplicate' }) reason: string;
}

export class SchedulePreviewView {
  @ApiProperty({ description: 'The recurrence in Vietnamese words' }) recurrenceText: string;
  @ApiProperty({ description: 'The first day expanded: validFrom or today, whichever is later' })
  from: string;
  @ApiProperty({ type: [PreviewOccurrence] }) occurrences: PreviewOccurrence[];
  @ApiProperty({ type: [SkippedOccurrence] }) skipped: SkippedOccurrence[];
}
