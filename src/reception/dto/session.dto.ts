import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NoControlCharacters } from '../../common/http/text.js';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsId } from '../../common/http/id.js';
import { PageQueryDto } from '../../common/http/page.dto.js';
import {
  SESSION_KINDS,
  SESSION_MODES,
  SESSION_STATUSES,
  type SessionKind,
  type SessionMode,
  type SessionStatus,
} from '../domain/session.js';
import { trim } from '../../common/http/text.js';
import { IsLocalDate, trimToNull } from '../../common/http/validators.js';
import { IsTimeOfDay } from './validators.js';
import { toQueryBoolean } from '../../common/http/query-boolean.js';

const URL_OPTIONS = { protocols: ['https', 'http'], require_protocol: true };

// ── people and time slots ─────────────────────────────────────────────────────────────────────────

export class PersonDto {
  @ApiProperty({ example: 'Nguyễn Văn Hùng' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 255)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Giám đốc Sở' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(255)
  title?: string | null;
}

export class TimeSlotDto {
  @ApiProperty({ example: '07:30' })
  @IsTimeOfDay()
  startTime: string;

  @ApiProperty({ example: '11:30' })
  @IsTimeOfDay()
  endTime: string;
}

// ── sessions ──────────────────────────────────────────────────────────────────────────────────────

export class CreateSessionDto {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  unitId: string;

  @ApiProperty({ enum: SESSION_KINDS, description: 'periodic (định kỳ, the head) or ad_hoc (đột xuất)' })
  @IsIn(SESSION_KINDS)
  kind: SessionKind;

  @ApiPropertyOptional({ enum: SESSION_MODES, default: 'direct' })
  @IsOptional()
  @IsIn(SESSION_MODES)
  mode?: SessionMode;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for direct sessions' })
  @IsOptional()
  @IsId()
  placeId?: string;

  @ApiPropertyOptional({ description: 'Required for online sessions (from 2026-07-01)' })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(500)
  onlineUrl?: string;

  @ApiProperty({ example: '2026-12-15' })
  @IsLocalDate()
  date: string;

  @ApiProperty({ example: '07:30' })
  @IsTimeOfDay()
  startTime: string;

  @ApiProperty({ example: '11:30' })
  @IsTimeOfDay()
  endTime: string;

  @ApiProperty({ example: 'Nguyễn Văn Hùng' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 255)
  receiverName: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Giám đốc Sở' })
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

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(1000)
  topics?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'A note for the public (what else to bring, access)',
  })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(1000)
  publicNote?: string | null;
}

export class UpdateSessionDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  placeId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(500)
  onlineUrl?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsTimeOfDay()
  startTime?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsTimeOfDay()
  endTime?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 255)
  receiverName?: string;

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

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(1000)
  topics?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(1000)
  publicNote?: string | null;
}

export class CancelSessionDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ description: 'Shown to the public' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(3, 500)
  reason: string;
}

export class PostponeSessionDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ description: 'The new day (not before the current one, not in the past)' })
  @IsLocalDate()
  newDate: string;

  @ApiPropertyOptional({ description: 'Default: the current start time' })
  @IsOptional()
  @IsTimeOfDay()
  startTime?: string;

  @ApiPropertyOptional({ description: 'Default: the current end time' })
  @IsOptional()
  @IsTimeOfDay()
  endTime?: string;

  @ApiProperty({ description: 'Shown to the public (LTCD art. 24(4): postponed for a good reason)' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(3, 500)
  reason: string;
}

export class ListSessionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  unitId?: string;

  @ApiPropertyOptional({ description: 'From this day (inclusive)' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ description: 'To this day (inclusive)' })
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({ enum: SESSION_STATUSES })
  @IsOptional()
  @IsIn(SESSION_STATUSES)
  status?: SessionStatus;

  @ApiPropertyOptional({ enum: SESSION_KINDS })
  @IsOptional()
  @IsIn(SESSION_KINDS)
  kind?: SessionKind;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: only sessions flagged by a calendar change (to move or cancel)',
  })
  @IsOptional()
  @Transform(toQueryBoolean)
  @IsBoolean()
  calendarConflict?: boolean;
}

export class SessionPlaceView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty({ nullable: true, type: String }) room: string | null;
}

export class SessionView {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty({ nullable: true, type: String }) scheduleId: string | null;
  @ApiProperty({ enum: SESSION_KINDS }) kind: SessionKind;
  @ApiProperty({ enum: SESSION_MODES }) mode: SessionMode;
  @ApiProperty({ nullable: true, type: SessionPlaceView }) place: SessionPlaceView | null;
  @ApiProperty({ nullable: true, type: String }) onlineUrl: string | null;
  @ApiProperty() date: string;
  @ApiProperty() startTime: string;
  @ApiProperty() endTime: string;
  @ApiProperty({ nullable: true, type: String }) nominalDate: string | null;
  @ApiProperty({ nullable: true, type: String }) movedReason: string | null;
  @ApiProperty({ nullable: true, type: String }) originalDate: string | null;
  @ApiProperty({ nullable: true, type: String }) originalStartTime: string | null;
  @ApiProperty() receiverName: string;
  @ApiProperty({ nullable: true, type: String }) receiverTitle: string | null;
  @ApiProperty({ type: [PersonDto] }) officers: PersonDto[];
  @ApiProperty({ nullable: true, type: String }) topics: string | null;
  @ApiProperty({ nullable: true, type: String }) publicNote: string | null;
  @ApiProperty({ enum: SESSION_STATUSES }) status: SessionStatus;
  @ApiProperty({ nullable: true, type: String }) statusReason: string | null;
  @ApiProperty() sequence: number;
  @ApiProperty() publishedOn: string;
  @ApiProperty({ nullable: true, type: String }) postingDue: string | null;
  @ApiProperty({ description: 'Published or moved inside the posting window (TCD-1 / TCD-6)' })
  postedLate: boolean;
  @ApiProperty({
    description:
      'The day is no longer a working day of the unit since a calendar change: move or cancel the session',
  })
  calendarConflict: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'With calendarConflict: why the day is no longer a working day (the day off’s name)',
  })
  conflictReason: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'With calendarConflict: the next working day after it, to postpone the session to',
  })
  suggestedDate: string | null;
  @ApiProperty() version: number;
}

/** Something the caller should know; the change was made. */
export class ReceptionWarning {
  @ApiProperty({
    example: 'RECEPTION_POSTED_LATE',
    description: 'RECEPTION_POSTED_LATE | RECEPTION_HEAD_DUTY_NOT_MET | RECEPTION_NOT_A_WORKING_DAY',
  })
  code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ description: 'TCD-1 / TCD-6 (posting) or the duty rule id' }) ruleId?: string;
  @ApiPropertyOptional() sessionDate?: string;
  @ApiPropertyOptional({ description: 'The last day to publish' }) due?: string;
  @ApiPropertyOptional({ description: 'The month short of the head’s duty' }) month?: string;
  @ApiPropertyOptional() legalBasis?: string;
  @ApiPropertyOptional() required?: number;
  @ApiPropertyOptional() held?: number;
  @ApiPropertyOptional() date?: string;
}

export class SessionCommandResult {
  @ApiProperty({ type: SessionView }) session: SessionView;
  @ApiProperty({ type: [ReceptionWarning] }) warnings: ReceptionWarning[];
}
