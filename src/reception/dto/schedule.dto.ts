import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NoControlCharacters } from '../../common/http/text.js';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
import { PageQueryDto } from '../../common/http/page.dto.js';
import { NON_WORKING_DAY_POLICIES, type NonWorkingDayPolicy, type Recurrence } from '../domain/recurrence.js';
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
import { IsTimeOfDay, IsYearMonth } from './validators.js';

const URL_OPTIONS = { protocols: ['https', 'http'], require_protocol: true };

// ── places ────────────────────────────────────────────────────────────────────────────────────────

export class CreatePlaceDto {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  unitId: string;

  @ApiProperty({ example: 'Trụ sở tiếp công dân Sở Giáo dục và Đào tạo' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 255)
  name: string;

  @ApiProperty({ example: '12 Trần Hưng Đạo, phường Tân Phú' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 500)
  address: string;

  @ApiPropertyOptional({ example: 'Phòng 101, tầng 1' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(255)
  room?: string | null;

  @ApiPropertyOptional({ example: 'Sáng 7:30–11:30, chiều 13:30–17:00 các ngày làm việc' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(500)
  hours?: string | null;
}

export class UpdatePlaceDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 255)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 500)
  address?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(255)
  room?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(500)
  hours?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UnitFilterQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this unit (default: every unit in your scope)' })
  @IsOptional()
  @IsId()
  unitId?: string;
}

export class PlaceView {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty({ nullable: true, type: String }) room: string | null;
  @ApiProperty({ nullable: true, type: String }) hours: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
}

// ── people and time slots ─────────────────────────────────────────────────────────────────────────

export class PersonDto {
  @ApiProperty({ example: 'Nguyễn Văn Hùng' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 255)
  name: string;

  @ApiPropertyOptional({ example: 'Giám đốc Sở' })
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

  @ApiPropertyOptional({ description: 'Who receives: the head (required for periodic)' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @Length(2, 255)
  receiverName?: string | null;

  @ApiPropertyOptional()
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

  @ApiPropertyOptional({ description: 'Expected topics (nội dung dự kiến), shown publicly' })
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

  @ApiPropertyOptional({ example: 'Giám đốc Sở' })
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

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(1000)
  topics?: string | null;

  @ApiPropertyOptional({ description: 'A note for the public (what else to bring, access)' })
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

  @ApiPropertyOptional({ nullable: true })
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

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(1000)
  topics?: string | null;

  @ApiPropertyOptional({ nullable: true })
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

export class ScheduleCommandResult {
  @ApiProperty({ type: ScheduleView }) schedule: ScheduleView;
  @ApiProperty({ description: 'Sessions created (periodic) or cancelled (end)' }) sessionCount: number;
  @ApiProperty({ description: 'Sessions created inside the posting window (flagged)' })
  postedLateCount: number;
  @ApiProperty({ type: [Object], description: 'Nominal days skipped (not working days, duplicates)' })
  skipped: { nominalDate: string; reason: string }[];
  @ApiProperty({ type: [ReceptionWarning] }) warnings: ReceptionWarning[];
}

// ── the head's duty ───────────────────────────────────────────────────────────────────────────────

export class ComplianceQueryDto {
  @ApiProperty({ example: '2026-12' })
  @IsYearMonth()
  month: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'One unit (default: every unit in scope with a duty)' })
  @IsOptional()
  @IsId()
  unitId?: string;
}
