import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { UUID_PATTERN } from '../../common/ids/uuid7.js';
import { CALENDAR_FILE_FORMATS, type CalendarFileFormat } from '../calendar-files.js';
import type { CalendarEntryKind, CalendarDayStatus } from '../domain/working-calendar.js';

const ENTRY_KINDS: CalendarEntryKind[] = ['day_off', 'make_up_working_day'];
const SCOPE_PATTERN = new RegExp(`^(?:national|${UUID_PATTERN.source.replace(/^\^|\$$/g, '')})$`);

// ── inputs ───────────────────────────────────────────────────────────────────────────────────────

export class CalendarScopeParamDto {
  @ApiProperty({
    description: '`national`, or a unit id (the unit’s effective calendar)',
    example: 'national',
  })
  @Matches(SCOPE_PATTERN, { message: 'scope must be national or a unit id (a lower-case UUID)' })
  scope: string;
}

export class CalendarYearParamDto extends CalendarScopeParamDto {
  @ApiProperty({ example: '2027', description: '2020 … 2060' })
  @Matches(/^\d{4}$/, { message: 'year must be a four-digit year' })
  year: string;
}

export class CalendarEntryParamDto extends CalendarScopeParamDto {
  @ApiProperty({ example: '2026-11-24', description: 'YYYY-MM-DD' })
  @IsString()
  @MaxLength(40)
  date: string;
}

export class SetCalendarEntryDto {
  @ApiProperty({
    enum: ENTRY_KINDS,
    description:
      '`day_off`: the day is not worked (a holiday on a weekend only names it). `make_up_working_day`: the day is worked — a make-up Saturday, or a weekday that an inherited day off no longer applies to.',
  })
  @IsIn(ENTRY_KINDS, { message: 'kind must be day_off or make_up_working_day' })
  kind: CalendarEntryKind;

  @ApiProperty({ example: 'Ngày Văn hóa Việt Nam', description: '1–255 characters' })
  @IsString()
  @Length(1, 255)
  name: string;
}

export class SetCalendarYearDto {
  @ApiProperty({
    description:
      'true: the year’s layout is the published one (confirmed); false: this calendar holds the year provisional whatever the scopes above say',
  })
  @IsBoolean()
  confirmed: boolean;
}

export class CalendarExportQueryDto {
  @ApiPropertyOptional({ enum: CALENDAR_FILE_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(CALENDAR_FILE_FORMATS, { message: 'format must be csv or ics' })
  format?: CalendarFileFormat;
}

export class CalendarImportDto {
  @ApiProperty({ enum: CALENDAR_FILE_FORMATS })
  @IsIn(CALENDAR_FILE_FORMATS, { message: 'format must be csv or ics' })
  format: CalendarFileFormat;

  @ApiProperty({
    description:
      'The file’s text. CSV: header `date,kind,name`, one row per day. iCalendar: one all-day VEVENT per day (or span), kind in CATEGORIES (default day_off), name in SUMMARY. The file is the whole layout of the year: days it omits become ordinary days.',
    example: 'date,kind,name\n2027-01-01,day_off,Tết Dương lịch\n',
  })
  @IsString()
  @Length(1, 512 * 1024)
  content: string;
}

// ── views ────────────────────────────────────────────────────────────────────────────────────────

export class ReadinessWarningView {
  @ApiProperty({ enum: ['CALENDAR_CURRENT_YEAR_PROVISIONAL', 'CALENDAR_NEXT_YEAR_PROVISIONAL'] })
  code: string;
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Days from today to 1 January of the year (≤ 0 once started)' })
  daysUntilStart: number;
  @ApiProperty({ example: { vi: '…', en: '…' } }) message: { vi: string; en: string };
}

export class ScopedReadinessWarningView extends ReadinessWarningView {
  @ApiProperty() scope: string;
  @ApiProperty({ nullable: true, type: String }) unitName: string | null;
}

export class CalendarReadinessView {
  @ApiProperty() currentYear: number;
  @ApiProperty() currentYearConfirmed: boolean;
  @ApiProperty() nextYear: number;
  @ApiProperty() nextYearConfirmed: boolean;
  @ApiProperty() daysUntilNextYear: number;
  @ApiProperty({ type: ReadinessWarningView, isArray: true }) warnings: ReadinessWarningView[];
}

export class CalendarYearStatementView {
  @ApiProperty() year: number;
  @ApiProperty() confirmed: boolean;
  @ApiProperty({ nullable: true, type: String }) decidedByUserId: string | null;
  @ApiProperty() decidedAt: string;
}

export class CalendarEntryView {
  @ApiProperty() id: string;
  @ApiProperty() date: string;
  @ApiProperty({ description: 'ISO weekday, 1 = Monday … 7 = Sunday' }) weekday: number;
  @ApiProperty({ enum: ENTRY_KINDS }) kind: CalendarEntryKind;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) changedByUserId: string | null;
  @ApiProperty() changedAt: string;
}

export class CalendarSummaryView {
  @ApiProperty({ description: '`national` or the unit id' }) scope: string;
  @ApiProperty({ nullable: true, type: String }) unitId: string | null;
  @ApiProperty({ nullable: true, type: String }) unitCode: string | null;
  @ApiProperty({ nullable: true, type: String }) unitName: string | null;
  @ApiProperty({ example: 'vn-public-sector' }) calendarId: string;
  @ApiProperty({ example: 'vn-public-sector@0123456789abcdef' }) calendarVersion: string;
  @ApiProperty({ example: '2020-01-01' }) firstDate: string;
  @ApiProperty({ example: '2060-12-31' }) lastDate: string;
  @ApiProperty({ description: 'Changes made in this scope so far' }) revision: number;
  @ApiProperty({ description: 'Entries this scope sets itself' }) ownEntries: number;
  @ApiProperty({ type: CalendarYearStatementView, isArray: true }) ownYears: CalendarYearStatementView[];
  @ApiProperty({ type: Number, isArray: true }) confirmedYears: number[];
  @ApiProperty({ type: CalendarReadinessView }) readiness: CalendarReadinessView;
}

export class CalendarListView {
  @ApiProperty({ description: 'Today in Asia/Ho_Chi_Minh' }) today: string;
  @ApiProperty() windowDays: number;
  @ApiProperty({
    type: CalendarSummaryView,
    isArray: true,
    description:
      'The national calendar, then every unit calendar in your scope with entries or years of its own',
  })
  calendars: CalendarSummaryView[];
  @ApiProperty({ type: ScopedReadinessWarningView, isArray: true }) warnings: ScopedReadinessWarningView[];
}

export class CalendarReadinessItemView {
  @ApiProperty() scope: string;
  @ApiProperty({ nullable: true, type: String }) unitName: string | null;
  @ApiProperty() calendarVersion: string;
  @ApiProperty() currentYearConfirmed: boolean;
  @ApiProperty() nextYearConfirmed: boolean;
  @ApiProperty({ type: ReadinessWarningView, isArray: true }) warnings: ReadinessWarningView[];
}

export class CalendarReadinessReportView {
  @ApiProperty({ description: 'No calendar in your scope has a warning' }) ready: boolean;
  @ApiProperty() today: string;
  @ApiProperty() windowDays: number;
  @ApiProperty() nextYear: number;
  @ApiProperty() daysUntilNextYear: number;
  @ApiProperty({ type: CalendarReadinessItemView, isArray: true }) calendars: CalendarReadinessItemView[];
  @ApiProperty({ type: ScopedReadinessWarningView, isArray: true }) warnings: ScopedReadinessWarningView[];
}

export class CalendarDetailView extends CalendarSummaryView {
  @ApiProperty({
    type: String,
    isArray: true,
    description: 'The scopes this calendar is made of that have data, farthest first (`national`, unit ids)',
  })
  layers: string[];
  @ApiProperty({ type: CalendarEntryView, isArray: true }) entries: CalendarEntryView[];
}

export class CalendarDayView {
  @ApiProperty() date: string;
  @ApiProperty() weekday: number;
  @ApiProperty({ enum: ENTRY_KINDS }) kind: CalendarEntryKind;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['working', 'rest', 'day_off', 'holiday_on_rest_day', 'make_up_working_day'] })
  status: CalendarDayStatus;
  @ApiProperty() working: boolean;
  @ApiProperty({ description: '`built-in`, `computed` (Labor Code, provisional), `national`, or a unit id' })
  source: string;
}

export class CalendarYearView {
  @ApiProperty() scope: string;
  @ApiProperty({ nullable: true, type: String }) unitId: string | null;
  @ApiProperty({ nullable: true, type: String }) unitName: string | null;
  @ApiProperty() year: number;
  @ApiProperty() calendarVersion: string;
  @ApiProperty() confirmed: boolean;
  @ApiProperty({
    description: 'Who decided: `built-in`, `computed` (nobody: provisional), `national` or a unit id',
  })
  confirmationSource: string;
  @ApiProperty({ description: 'Working days in the year' }) workingDays: number;
  @ApiProperty({
    type: CalendarDayView,
    isArray: true,
    description: 'Every day that differs from Monday–Friday or is named',
  })
  days: CalendarDayView[];
  @ApiProperty({ type: CalendarEntryView, isArray: true }) ownEntries: CalendarEntryView[];
  @ApiPropertyOptional({ type: CalendarYearStatementView, nullable: true })
  ownStatement: CalendarYearStatementView | null;
}

export class CalendarEntryResultView {
  @ApiProperty() scope: string;
  @ApiProperty({ type: CalendarEntryView }) entry: CalendarEntryView;
  @ApiProperty({ description: 'false: the entry was already exactly so (nothing changed)' }) changed: boolean;
  @ApiProperty() calendarVersion: string;
}

export class CalendarYearResultView {
  @ApiProperty() scope: string;
  @ApiProperty({ type: CalendarYearStatementView }) statement: CalendarYearStatementView;
  @ApiProperty() changed: boolean;
  @ApiProperty() calendarVersion: string;
}

export class CalendarImportCountsView {
  @ApiProperty() added: number;
  @ApiProperty() updated: number;
  @ApiProperty() removed: number;
  @ApiProperty() unchanged: number;
}

export class CalendarImportResultView {
  @ApiProperty() scope: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: CALENDAR_FILE_FORMATS }) format: CalendarFileFormat;
  @ApiProperty({ description: 'Data rows (CSV) or events (iCalendar) read' }) rows: number;
  @ApiProperty({ description: 'Days the file lists' }) days: number;
  @ApiProperty({ type: CalendarImportCountsView, description: 'What happened to this scope’s own entries' })
  entries: CalendarImportCountsView;
  @ApiProperty() changed: boolean;
  @ApiProperty() calendarVersion: string;
}
