import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PERIOD_KINDS } from '../domain/periods.js';

/**
 * The OpenAPI shape of `GET /api/v1/reports/{form}` as JSON (`ReportView` in reports.service.ts): the
 * console lays the preview out like the form from it. Aggregates only.
 */
export class BilingualView {
  @ApiProperty({ example: 'Quý I năm 2026' }) vi: string;
  @ApiProperty({ example: 'Q1 2026' }) en: string;
}

export class ReportFormView {
  @ApiProperty({ example: '01/TCD' }) code: string;
  @ApiProperty({ type: BilingualView }) name: BilingualView;
  @ApiProperty({ type: BilingualView }) title: BilingualView;
  @ApiProperty() legalBasis: string;
  @ApiProperty() note: string;
}

export class ReportWindowView {
  @ApiProperty({ enum: [...PERIOD_KINDS, 'custom'] }) kind: string;
  @ApiProperty({ type: Number, nullable: true }) year: number | null;
  @ApiProperty({ type: Number, nullable: true }) index: number | null;
  @ApiProperty({ type: String, nullable: true }) cutoffId: string | null;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: BilingualView }) name: BilingualView;
  @ApiProperty({ type: BilingualView }) label: BilingualView;
}

export class ReportUnconfirmedView {
  @ApiProperty() form: boolean;
  @ApiProperty({ type: [String] }) columns: string[];
  @ApiProperty() cutoff: boolean;
}

export class ReportScopeView {
  @ApiProperty({ type: [String] }) rootUnitIds: string[];
}

export class ReportHeaderCellView {
  @ApiProperty() vi: string;
  @ApiProperty() en: string;
  @ApiProperty({ description: '0-based header row of the top-left corner' }) row: number;
  @ApiProperty({ description: '0-based column (0 is the unit column)' }) col: number;
  @ApiProperty() colSpan: number;
  @ApiProperty() rowSpan: number;
  @ApiPropertyOptional({ description: 'The counter key of a leaf column' }) key?: string;
}

export class ReportRowView {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty() depth: number;
  @ApiProperty({ description: 'The unit name indented by depth' }) label: string;
  @ApiProperty({ type: [Number], description: 'Values in column order (keys)' }) cells: number[];
}

export class ReportTotalView {
  @ApiProperty({ type: BilingualView }) label: BilingualView;
  @ApiProperty({ type: [Number] }) cells: number[];
}

export class ReportJsonView {
  @ApiProperty({ type: ReportFormView }) form: ReportFormView;
  @ApiProperty({ type: ReportWindowView }) window: ReportWindowView;
  @ApiProperty({ type: ReportUnconfirmedView }) unconfirmed: ReportUnconfirmedView;
  @ApiProperty({ type: ReportScopeView }) scope: ReportScopeView;
  @ApiProperty({ type: [String] }) keys: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { $ref: '#/components/schemas/ReportHeaderCellView' } },
    description: 'Header rows, each with the cells that start on it',
  })
  header: ReportHeaderCellView[][];
  @ApiProperty({ type: [String], description: '"A" for the unit column, then "1", "2", …' })
  numbers: string[];
  @ApiProperty({ type: [ReportRowView] }) rows: ReportRowView[];
  @ApiProperty({ type: ReportTotalView }) total: ReportTotalView;
}
