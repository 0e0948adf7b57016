import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsId } from '../../common/http/id.js';
import { IsYearMonth } from './validators.js';

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

export class HeadDutyUnitView {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
}

export class HeadDutyRuleDescriptionView {
  @ApiProperty() vi: string;
  @ApiProperty() en: string;
}

export class HeadDutyRuleView {
  @ApiProperty() id: string;
  @ApiProperty() unitKind: string;
  @ApiProperty({ enum: ['week', 'month'] }) per: 'week' | 'month';
  @ApiProperty() minDays: number;
  @ApiProperty({ nullable: true, type: String }) effectiveFrom: string | null;
  @ApiProperty({ nullable: true, type: String }) effectiveUntil: string | null;
  @ApiProperty() legalBasis: string;
  @ApiProperty({ type: HeadDutyRuleDescriptionView }) description: HeadDutyRuleDescriptionView;
  @ApiPropertyOptional({ description: 'What about the rule is not confirmed' }) unconfirmed?: string;
}

export class DutyPeriodView {
  @ApiProperty({ description: 'The month, or one ISO week (Monday to Sunday)' }) from: string;
  @ApiProperty() to: string;
  @ApiProperty() required: number;
  @ApiProperty() held: number;
  @ApiProperty({ description: 'A week without a working day: nothing required' }) exempt: boolean;
  @ApiProperty() met: boolean;
}

/** One unit's compliance with the head's duty in a month. */
export class HeadDutyView {
  @ApiProperty({ type: HeadDutyUnitView }) unit: HeadDutyUnitView;
  @ApiProperty({ example: '2026-12' }) month: string;
  @ApiProperty() unitKind: string;
  @ApiProperty({
    nullable: true,
    type: HeadDutyRuleView,
    description: 'null: this kind of unit has no head’s duty of its own',
  })
  rule: HeadDutyRuleView | null;
  @ApiProperty({ type: [String], description: 'The head’s distinct reception days counted' })
  receptionDays: string[];
  @ApiProperty({ type: [DutyPeriodView] }) periods: DutyPeriodView[];
  @ApiProperty({ nullable: true, type: Boolean, description: 'null when there is no rule' })
  compliant: boolean | null;
}
