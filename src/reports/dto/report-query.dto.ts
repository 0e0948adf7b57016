import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId } from '../../common/http/id.js';
import { CUTOFF_NAMES, PERIOD_KINDS } from '../domain/periods.js';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export { CUTOFF_NAMES, type CutoffName } from '../domain/periods.js';

/** The form in the path: the form code with "-" for "/" (01-TCD, 02-XLD, 03-GQKN, 04-GQTC, 05-KQTH). */
export class ReportFormParamDto {
  @ApiProperty({ enum: ['01-TCD', '02-XLD', '03-GQKN', '04-GQTC', '05-KQTH'] })
  @IsString()
  @MaxLength(20)
  form: string;
}

/** The fields a synchronous report query and a background run share: a from–to window, cut-off, unit. */
export abstract class ReportWindowFieldsDto {
  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'Custom window start (with to, without period)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Custom window end, inclusive' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;

  @ApiPropertyOptional({ enum: CUTOFF_NAMES, default: 'nd09', description: 'Data cut-off rule of a period' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  cutoff?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "A unit in scope (default: the viewer's scope roots)" })
  @IsOptional()
  @IsId()
  unitId?: string;
}

/**
 * Which window, which units, which format. The window fields are checked by the domain
 * (`REPORT_PERIOD_INVALID`, `REPORT_CUTOFF_INVALID`, `REPORT_WINDOW_INVALID`, `DATE_INVALID`, field by field),
 * so they arrive here as plain strings.
 */
export class ReportQueryDto extends ReportWindowFieldsDto {
  @ApiPropertyOptional({ enum: PERIOD_KINDS, description: 'A period; or give from and to instead' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  period?: string;

  @ApiPropertyOptional({ example: '2026', description: 'The report year (with period)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  year?: string;

  @ApiPropertyOptional({ example: '1', description: 'Month 1–12 or quarter 1–4 (with period month/quarter)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  index?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}
