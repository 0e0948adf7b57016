import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsId } from '../../common/http/id.js';
import { NoControlCharacters, trim } from '../../common/http/text.js';
import { PERIOD_KINDS, type PeriodKind } from '../../reports/domain/periods.js';
import { CUTOFF_NAMES, type CutoffName } from '../../reports/dto/report-query.dto.js';
import {
  MAX_REMIND_DAYS_BEFORE,
  MAX_REMINDER_OFFSETS,
  REMINDER_RECIPIENTS,
  type ReminderRecipient,
} from '../domain/reminder-days.js';

export class UnitIdParamDto {
  @ApiProperty({ format: 'uuid', description: 'An agency: a unit of kind province, commune or agency' })
  @IsId()
  unitId: string;
}

export const DEADLINE_RULE_TYPES = ['before', 'days_after_window'] as const;

/** periods.ts `DeadlineRule`: "trước ngày day/month" of the report's year (+ yearOffset), or days after the window. */
export class DeadlineRuleDto {
  @ApiProperty({ enum: DEADLINE_RULE_TYPES })
  @IsIn(DEADLINE_RULE_TYPES)
  type: (typeof DEADLINE_RULE_TYPES)[number];

  @ApiPropertyOptional({ minimum: 1, maximum: 12, description: "With 'before'" })
  @ValidateIf((o: DeadlineRuleDto) => o.type === 'before' || o.month !== undefined)
  @IsInt()
  @Min(1)
  @Max(12)
  month?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 31, description: "With 'before'" })
  @ValidateIf((o: DeadlineRuleDto) => o.type === 'before' || o.day !== undefined)
  @IsInt()
  @Min(1)
  @Max(31)
  day?: number;

  @ApiPropertyOptional({ enum: [0, 1], description: "With 'before': 1 = the year after the report's" })
  @IsOptional()
  @IsIn([0, 1])
  yearOffset?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 366, description: "With 'days_after_window'" })
  @ValidateIf((o: DeadlineRuleDto) => o.type === 'days_after_window' || o.days !== undefined)
  @IsInt()
  @Min(0)
  @Max(366)
  days?: number;

  @ApiProperty({ example: 'Công văn số 123/TTT-VP ngày 05/01/2026 của Thanh tra tỉnh' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(1, 300)
  source: string;

  @ApiPropertyOptional({ description: 'The date is not yet verified in an official text' })
  @IsOptional()
  @IsBoolean()
  unconfirmed?: boolean;
}

export class ScheduledReportDto {
  @ApiProperty({ enum: PERIOD_KINDS })
  @IsIn(PERIOD_KINDS)
  kind: PeriodKind;

  @ApiPropertyOptional({ type: DeadlineRuleDto, description: 'One rule for every period of the kind' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DeadlineRuleDto)
  rule?: DeadlineRuleDto;

  @ApiPropertyOptional({
    type: [DeadlineRuleDto],
    description: 'One rule per period: 12 for month, 4 for quarter',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => DeadlineRuleDto)
  rules?: DeadlineRuleDto[];
}

export class PutReportingScheduleDto {
  @ApiProperty({ description: 'The version read (optimistic lock); 0 when the agency has no schedule yet' })
  @IsInt()
  @Min(0)
  version: number;

  @ApiProperty({ description: 'false: no reminder is sent for this agency' })
  @IsBoolean()
  enabled: boolean;

  @ApiPropertyOptional({ enum: CUTOFF_NAMES, default: 'nd09' })
  @IsOptional()
  @IsIn(CUTOFF_NAMES)
  cutoff?: CutoffName;

  @ApiProperty({ type: [ScheduledReportDto], description: 'The reports the agency owes (each kind once)' })
  @IsArray()
  @ArrayMaxSize(PERIOD_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => ScheduledReportDto)
  reports: ScheduledReportDto[];

  @ApiProperty({
    type: [Number],
    example: [10, 3, 1, 0],
    description: 'Calendar days before the last day; 0 = on the day',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REMINDER_OFFSETS)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(MAX_REMIND_DAYS_BEFORE, { each: true })
  remindDaysBefore: number[];

  @ApiProperty({ enum: REMINDER_RECIPIENTS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(REMINDER_RECIPIENTS, { each: true })
  recipients: ReminderRecipient[];
}

export class UpcomingDeadlineView {
  @ApiProperty({ enum: PERIOD_KINDS }) kind: string;
  @ApiProperty() year: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) index: number | null;
  @ApiProperty({ example: '6 tháng đầu năm 2026' }) name: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: '"Trước ngày …": the first late day' }) dueBefore: string;
  @ApiProperty() lastDay: string;
  @ApiProperty({ type: [String], description: 'The reminder days' }) reminderDays: string[];
  @ApiProperty() source: string;
  @ApiProperty() unconfirmed: boolean;
  @ApiProperty() dueBeforeWindowEnds: boolean;
}

export class ReportingScheduleView {
  @ApiProperty() unitId: string;
  @ApiProperty({ description: 'false: no schedule is stored, the defaults apply' }) configured: boolean;
  @ApiProperty({ description: '0 while not configured' }) version: number;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ enum: CUTOFF_NAMES }) cutoff: string;
  @ApiProperty({ type: [ScheduledReportDto] }) reports: ScheduledReportDto[];
  @ApiProperty({ type: [Number] }) remindDaysBefore: number[];
  @ApiProperty({ enum: REMINDER_RECIPIENTS, isArray: true }) recipients: string[];
  @ApiProperty({ type: [UpcomingDeadlineView], description: 'Deadlines of the next 12 months' })
  upcoming: UpcomingDeadlineView[];
}
