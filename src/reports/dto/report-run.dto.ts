import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../common/http/page.dto.js';
import { PERIOD_KINDS } from '../domain/periods.js';
import { REPORT_RUN_STATUSES } from '../entities/report-run.entity.js';
import {
  CUTOFF_NAMES,
  REPORT_FORMATS,
  ReportWindowFieldsDto,
  type ReportFormat,
} from './report-query.dto.js';

/**
 * A background report: the same choices as `GET /api/v1/reports/{form}`, in a JSON body. The window
 * fields are checked by the domain field by field (`REPORT_PERIOD_INVALID`, `REPORT_CUTOFF_INVALID`,
 * `REPORT_WINDOW_INVALID`, `DATE_INVALID`), exactly as for the synchronous report.
 */
export class CreateReportRunDto extends ReportWindowFieldsDto {
  @ApiProperty({ enum: ['01-TCD', '02-XLD', '03-GQKN', '04-GQTC', '05-KQTH'] })
  @IsString()
  @MaxLength(20)
  form: string;

  @ApiPropertyOptional({ enum: PERIOD_KINDS, description: 'A period; or give from and to instead' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  period?: string;

  @ApiPropertyOptional({ example: 2026, description: 'The report year (with period)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9999)
  year?: number;

  @ApiPropertyOptional({ example: 1, description: 'Month 1–12 or quarter 1–4 (with period month/quarter)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(99)
  index?: number;

  @ApiProperty({ enum: REPORT_FORMATS })
  @IsIn(REPORT_FORMATS)
  format: ReportFormat;
}

export class ListReportRunsQueryDto extends PageQueryDto {}

export class ReportRunLinks {
  @ApiProperty({ example: '/api/v1/report-runs/0190…' })
  self: string;

  @ApiProperty({ nullable: true, type: String, description: 'Set once the run is done' })
  download: string | null;
}

export class ReportRunWindowView {
  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;
}

export class ReportRunFileView {
  @ApiProperty()
  filename: string;

  @ApiProperty()
  size: number;

  @ApiProperty()
  sha256: string;
}

export class ReportRunView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '01-TCD' })
  form: string;

  @ApiProperty({ type: ReportRunWindowView })
  window: ReportRunWindowView;

  @ApiProperty({ nullable: true, type: String, enum: PERIOD_KINDS })
  period: string | null;

  @ApiProperty({ nullable: true, type: Number })
  year: number | null;

  @ApiProperty({ nullable: true, type: Number })
  index: number | null;

  @ApiProperty({ nullable: true, type: String, enum: CUTOFF_NAMES })
  cutoff: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  unitId: string | null;

  @ApiProperty({ enum: REPORT_FORMATS })
  format: string;

  @ApiProperty({ enum: REPORT_RUN_STATUSES })
  status: string;

  @ApiProperty({ minimum: 0, maximum: 100 })
  progress: number;

  @ApiProperty()
  unitsTotal: number;

  @ApiProperty()
  unitsDone: number;

  @ApiProperty({ nullable: true, type: String, description: 'Why a failed run failed (a code)' })
  errorCode: string | null;

  @ApiProperty({ nullable: true, type: ReportRunFileView })
  file: ReportRunFileView | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  startedAt: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  finishedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ type: ReportRunLinks })
  links: ReportRunLinks;
}

export class ReportRunPage {
  @ApiProperty({ type: [ReportRunView] })
  items: ReportRunView[];

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;

  @ApiProperty()
  total: number;
}
