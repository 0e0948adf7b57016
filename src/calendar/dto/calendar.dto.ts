import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
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

const CHANGE_ACTIONS = ['set_entry', 'remove_entry', 'set_year', 'import'] as const;

/**
 * A change to preview: the body of the command it stands for, with `action` naming it. `set_entry`:
 * `date`, `kind`, `name`; `remove_entry`: `date`; `set_year`: `year`, `confirmed`; `import`: `year`,
 * `format`, `content`.
 */
export class CalendarChangePreviewDto {
  @ApiProperty({ enum: CHANGE_ACTIONS })
  @IsIn(CHANGE_ACTIONS, { message: 'action must be set_entry, remove_entry, set_year or import' })
  action: (typeof CHANGE_ACTIONS)[number];

  @ApiPropertyOptional({ example: '2027-11-24', description: 'set_entry, remove_entry: YYYY-MM-DD' })
  @ValidateIf((o: CalendarChangePreviewDto) => o.action === 'set_entry' || o.action === 'remove_entry')
  @IsString()
  @MaxLength(40)
  date?: string;

  @ApiPropertyOptional({ enum: ENTRY_KINDS, description: 'set_entry' })
  @ValidateIf((o: CalendarChangePreviewDto) => o.action === 'set_entry')
  @IsIn(ENTRY_KINDS, { message: 'kind must be day_off or make_up_working_day' })
  kind?: CalendarEntryKind;

  @ApiPropertyOptional({ description: 'set_entry: 1–255 characters' })
  @ValidateIf((o: CalendarChangePreviewDto) => o.action === 'set_entry')
  @IsString()
  @Length(1, 255)
  name?: string;

  @ApiPropertyOptional({ example: 2027, description: 'set_year, import: 2020 … 2060' })
  @ValidateIf((o: CalendarChangePreviewDto) => o.action === 'set_year' || o.action === 'import')
  @IsInt({ message: 'year must be a whole number' })
  @Min(2020)
  @Max(2060)
  year?: number;

  @ApiPropertyOptional({ description: 'set_year' })
  @ValidateIf((o: CalendarChangePreviewDto) => o.action === 'set_year')
  @IsBoolean()
  confirmed?: boolean;

  @ApiPropertyOptional({ enum: CALENDAR_FILE_FORMATS, description: 'import' })
  @ValidateIf((o: CalendarChangePreviewDto) => o.action === 'import')
  @IsIn(CALENDAR_FILE_FORMATS, { message: 'format must be csv or ics' })
  format?: CalendarFileFormat;

  @ApiPropertyOptional({ description: 'import: the file’s text (as for the import route)' })
  @ValidateIf((o: CalendarChangePreviewDto) => o.action === 'import')
  @IsString()
  @Length(1, 512 * 1024)
  content?: string;
}

export class CalendarChangesQueryDto {
  @ApiPropertyOptional({ default: 10, minimum: 1, maximum: 50 })
  @IsOptional()
  @Matches(/^(?:[1-9]|[1-4]\d|50)$/, { message: 'limit must be a whole number from 1 to 50' })
  limit?: string;
}

// ── views ────────────────────────────────────────────────────────────────────────────────────────

export class CalendarMessageView {
  @ApiProperty() vi: string;
  @ApiProperty() en: string;
}

export class ReadinessWarningView {
  @ApiProperty({ enum: ['CALENDAR_CURRENT_YEAR_PROVISIONAL', 'CALENDAR_NEXT_YEAR_PROVISIONAL'] })
  code: string;
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Days from today to 1 January of the year (≤ 0 once started)' })
  daysUntilStart: number;
  @ApiProperty({ type: CalendarMessageView }) message: CalendarMessageView;
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
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The calendar change written (null: nothing changed); GET …/changes tells what it moved',
  })
  changeId: string | null;
  @ApiProperty() calendarVersion: string;
}

export class CalendarYearResultView {
  @ApiProperty() scope: string;
  @ApiProperty({ type: CalendarYearStatementView }) statement: CalendarYearStatementView;
  @ApiProperty() changed: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The calendar change written (null: nothing changed); GET …/changes tells what it moved',
  })
  changeId: string | null;
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
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The calendar change written (null: nothing changed); GET …/changes tells what it moved',
  })
  changeId: string | null;
  @ApiProperty() calendarVersion: string;
}

export class MovedDeadlineView {
  @ApiProperty() deadlineId: string;
  @ApiProperty({ example: 'complaint_case' }) subjectType: string;
  @ApiProperty() subjectId: string;
  @ApiProperty({ description: 'How the subject is named (a case number; never a person)' }) what: string;
  @ApiProperty({ nullable: true, type: String, description: 'The API path of the subject' })
  link: string | null;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ example: 'KN-3' }) ruleId: string;
  @ApiProperty() purpose: string;
  @ApiProperty({ example: '2027-02-03' }) previousDue: string;
  @ApiProperty({ example: '2027-02-04' }) newDue: string;
}

export class CalendarChangePreviewView {
  @ApiProperty() scope: string;
  @ApiProperty({ description: 'false: the calendar already says exactly this (nothing would change)' })
  changed: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Deadlines due before it cannot move' })
  firstAffectedDate: string | null;
  @ApiProperty({ description: 'Open deadlines in your units the change would move' }) movedCount: number;
  @ApiProperty({ type: MovedDeadlineView, isArray: true, description: 'The first 100 of them' })
  moved: MovedDeadlineView[];
}

export class CalendarChangeView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['entry.set', 'entry.remove', 'year.set', 'year.remove', 'import'] }) reason: string;
  @ApiProperty() revision: number;
  @ApiProperty() firstAffectedDate: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'false: the worker has not acted on it yet (the moved list may grow)' })
  processed: boolean;
  @ApiProperty({ description: 'Deadlines in your units it moved' }) movedCount: number;
  @ApiProperty({ type: MovedDeadlineView, isArray: true, description: 'The first 100 of them' })
  moved: MovedDeadlineView[];
}

export class CalendarChangeListView {
  @ApiProperty() scope: string;
  @ApiProperty({ type: CalendarChangeView, isArray: true, description: 'Newest first' })
  changes: CalendarChangeView[];
}
