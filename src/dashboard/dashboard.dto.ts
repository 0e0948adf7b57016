import { ApiProperty } from '@nestjs/swagger';

const STATE_COUNTS = {
  type: 'object',
  additionalProperties: { type: 'integer' },
  example: { received: 1, accepted: 2 },
} as const;

export class KindCountsView {
  @ApiProperty({ example: 3 })
  total: number;

  @ApiProperty({ ...STATE_COUNTS, description: 'Every lifecycle state of the kind, zero included.' })
  byState: Record<string, number>;
}

export class MonthCasesView {
  @ApiProperty({ example: '2026-11', description: 'By received_on.' })
  month: string;

  @ApiProperty({ type: KindCountsView })
  complaint: KindCountsView;

  @ApiProperty({ type: KindCountsView })
  denunciation: KindCountsView;
}

export class CasesByStateView {
  @ApiProperty({ type: KindCountsView })
  complaint: KindCountsView;

  @ApiProperty({ type: KindCountsView })
  denunciation: KindCountsView;
}

export class UnitOverdueView {
  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ example: 'Thanh tra Sở Giáo dục và Đào tạo' })
  unitName: string;

  @ApiProperty({ example: 2 })
  overdue: number;
}

export class OverdueView {
  @ApiProperty({ example: 5, description: 'Open deadlines past their due date, every unit in scope.' })
  total: number;

  @ApiProperty({ type: [UnitOverdueView], description: 'The 10 units with the most, most first.' })
  units: UnitOverdueView[];
}

export class MonthOnTimeView {
  @ApiProperty({ example: '2026-11', description: 'By settled_on.' })
  month: string;

  @ApiProperty({ example: 3 })
  met: number;

  @ApiProperty({ example: 1 })
  missed: number;

  @ApiProperty({ type: Number, nullable: true, example: 0.75, description: 'met / (met + missed)' })
  rate: number | null;
}

const BACKLOG_COUNTS = {
  type: 'object',
  properties: {
    not_started: { type: 'integer' },
    in_progress: { type: 'integer' },
    overdue: { type: 'integer' },
    blocked: { type: 'integer' },
  },
} as const;

export class DashboardUnitBacklogView {
  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ example: 'Phòng Tổ chức cán bộ' })
  unitName: string;

  @ApiProperty({ example: 4 })
  total: number;

  @ApiProperty(BACKLOG_COUNTS)
  byStatus: Record<string, number>;
}

export class DashboardBacklogView {
  @ApiProperty({ example: 4 })
  total: number;

  @ApiProperty(BACKLOG_COUNTS)
  byStatus: Record<string, number>;

  @ApiProperty({ type: [DashboardUnitBacklogView] })
  units: DashboardUnitBacklogView[];
}

export class DashboardView {
  @ApiProperty({ example: '2026-11-25' })
  today: string;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    example: '2026-11-25T02:59:00.000Z',
    description:
      'When the kept counts were last refreshed (every minute by the worker, ADR 0023): changes committed before it are counted. Null before the first refresh.',
  })
  asOf: string | null;

  @ApiProperty({ example: '2025-12' })
  fromMonth: string;

  @ApiProperty({ example: '2026-11' })
  toMonth: string;

  @ApiProperty({ type: [MonthCasesView], description: '12 months, oldest first.' })
  casesByMonth: MonthCasesView[];

  @ApiProperty({ type: CasesByStateView, description: 'Sums over the 12 months.' })
  casesByState: CasesByStateView;

  @ApiProperty({ type: OverdueView })
  overdue: OverdueView;

  @ApiProperty({ type: [MonthOnTimeView], description: 'Resolution deadlines settled, 12 months.' })
  onTimeTrend: MonthOnTimeView[];

  @ApiProperty({ type: DashboardBacklogView, description: "Enforcement records not 'done'." })
  enforcementBacklog: DashboardBacklogView;
}

export class DashboardSessionView {
  @ApiProperty({ example: '/bang-dieu-khien', description: 'Open this page in the same browser.' })
  url: string;

  @ApiProperty({ example: '2026-11-25T09:15:00.000Z' })
  expiresAt: string;
}
