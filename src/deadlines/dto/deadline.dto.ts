import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId } from '../../common/http/id.js';

/** The options the engine accepts (documentation only: the engine checks them and names what is wrong). */
export class DeadlineSuspensionDoc {
  @ApiProperty({ example: '2026-08-03', description: 'Date of the suspension decision' }) suspended: string;
  @ApiProperty({ example: '2026-08-13', description: 'Date of the continuation decision' }) resumed: string;
}

export class DeadlineOptionsDoc {
  @ApiPropertyOptional({ description: 'vùng sâu, vùng xa, đi lại khó khăn (KN-3, KN-5, KN-6, KN-9)' })
  remote?: boolean;
  @ApiPropertyOptional({ description: 'vụ việc phức tạp (KN-3, KN-6, KL-4)' }) complicated?: boolean;
  @ApiPropertyOptional({ description: 'Number of extensions (TC-3: at most 2, LTC art. 30)' })
  extensions?: number;
  @ApiPropertyOptional({ description: 'Verification at several places or delegated (TC-1, XLD-2)' })
  multiSite?: boolean;
  @ApiPropertyOptional({ description: 'The disciplinary measure is dismissal (KL-2)' }) dismissal?: boolean;
  @ApiPropertyOptional({ description: 'Days of objective obstacles, not counted (KN-1, KL-1)' })
  obstacleDays?: number;
  @ApiPropertyOptional({
    type: DeadlineSuspensionDoc,
    isArray: true,
    description: 'Suspensions, not counted (TC-3; KN-3, KN-6, KL-4 from 2026-07-01)',
  })
  suspensions?: DeadlineSuspensionDoc[];
}

export class DeadlinePreviewDto {
  @ApiProperty({ example: 'KN-3', description: 'Rule id (GET /api/v1/deadline-rules)' })
  @IsString()
  @MaxLength(20)
  rule: string;

  @ApiProperty({
    example: '2026-01-16',
    description: 'The date the clock starts (for count-back rules: the date counted back from), YYYY-MM-DD',
  })
  @IsString()
  @MaxLength(40)
  trigger: string;

  @ApiPropertyOptional({
    type: DeadlineOptionsDoc,
    description: 'Case facts: variants, extensions, suspensions',
  })
  @IsOptional()
  @IsObject()
  options?: Record<string, unknown> | null;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Count on this unit’s calendar (in your scope); without it, the national calendar',
  })
  @IsOptional()
  @IsId()
  unitId?: string;
}

export class BilingualView {
  @ApiProperty() vi: string;
  @ApiProperty() en: string;
}

export class DeadlineExplanationView {
  @ApiProperty({ type: String, isArray: true }) vi: string[];
  @ApiProperty({ type: String, isArray: true }) en: string[];
}

export class DeadlineLawReadingView {
  @ApiProperty() due: string;
  @ApiProperty() rawEnd: string;
  @ApiProperty() days: number;
  @ApiProperty({ enum: ['calendar_days', 'working_days'] }) unit: 'calendar_days' | 'working_days';
  @ApiProperty() legalBasis: string;
}

export class DeadlinePreviewView {
  @ApiProperty({ nullable: true, type: String }) unitId: string | null;
  @ApiProperty({ example: 'vn-public-sector' }) calendarId: string;
  @ApiProperty({ example: 'KN-3' }) ruleId: string;
  @ApiProperty({ example: 'KN-3/v1' }) ruleVersion: string;
  @ApiProperty() trigger: string;
  @ApiProperty({ description: 'The statutory due date (due today is not overdue)' }) due: string;
  @ApiProperty({ description: 'End before the roll-forward of Civil Code art. 148(5)' }) rawEnd: string;
  @ApiProperty({ enum: ['calendar_days', 'working_days'] }) unit: string;
  @ApiProperty({ enum: ['forward', 'back'] }) direction: string;
  @ApiProperty() days: number;
  @ApiProperty() variant: string;
  @ApiProperty() extensions: number;
  @ApiProperty() extensionDays: number;
  @ApiProperty() suspendedDays: number;
  @ApiProperty() obstacleDays: number;
  @ApiProperty() rolledForward: boolean;
  @ApiProperty() legalBasis: string;
  @ApiProperty() calendarVersion: string;
  @ApiProperty() policyVersion: string;
  @ApiProperty({ description: 'A provisional (unconfirmed) calendar year lies between trigger and due date' })
  provisional: boolean;
  @ApiProperty({ type: Number, isArray: true }) provisionalYears: number[];
  @ApiProperty() unconfirmed: boolean;
  @ApiProperty({ type: String, isArray: true }) notes: string[];
  @ApiPropertyOptional({
    type: DeadlineLawReadingView,
    description: 'KN-2 / KL-3: the Law’s own "10 ngày" reading (information only)',
  })
  lawReading?: DeadlineLawReadingView;
  @ApiProperty({ type: DeadlineExplanationView }) explanation: DeadlineExplanationView;
}

export class DeadlinePeriodView {
  @ApiProperty() days: number;
  @ApiPropertyOptional() remote?: number;
  @ApiPropertyOptional() complicated?: number;
  @ApiPropertyOptional() remoteComplicated?: number;
  @ApiPropertyOptional() multiSite?: number;
  @ApiPropertyOptional() dismissal?: number;
  @ApiPropertyOptional({ example: { max: 2, days: 30, legalBasis: 'LTC 25/2018/QH14 art. 30(2)–(3)' } })
  extensions?: { max: number; days: number; legalBasis: string };
}

export class DeadlineRuleVersionView {
  @ApiProperty({ example: 'v1' }) version: string;
  @ApiProperty({ nullable: true, type: String, description: 'First trigger date it applies to' })
  effectiveFrom: string | null;
  @ApiProperty() computable: boolean;
  @ApiPropertyOptional({ enum: ['calendar_days', 'working_days'] }) unit?: string;
  @ApiPropertyOptional({ enum: ['forward', 'back'] }) direction?: string;
  @ApiPropertyOptional({ type: DeadlinePeriodView }) period?: DeadlinePeriodView;
  @ApiProperty({ type: String, isArray: true, description: 'Options this version accepts' })
  options: string[];
  @ApiProperty({ description: 'The citation' }) legalBasis: string;
  @ApiPropertyOptional() suspensions?: { from: string | null; legalBasis: string };
  @ApiPropertyOptional() obstacles?: { legalBasis: string };
  @ApiPropertyOptional() lawReading?: { days: number; unit: string; legalBasis: string };
  @ApiPropertyOptional({ type: BilingualView }) note?: BilingualView;
  @ApiPropertyOptional({ type: BilingualView }) notComputableReason?: BilingualView;
  @ApiPropertyOptional({ description: 'What legal-reference marks UNCONFIRMED' }) unconfirmed?: string;
}

export class DeadlineRuleView {
  @ApiProperty({ example: 'KN-3' }) id: string;
  @ApiProperty({ enum: ['TCD', 'XLD', 'KN', 'KL', 'TC'] }) group: string;
  @ApiPropertyOptional({ description: 'Another id for the same step' }) sameAs?: string;
  @ApiProperty({ type: BilingualView }) step: BilingualView;
  @ApiProperty({ type: BilingualView }) trigger: BilingualView;
  @ApiProperty({ type: DeadlineRuleVersionView, isArray: true }) versions: DeadlineRuleVersionView[];
}
