import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsId } from '../../common/http/id.js';
import { PageQueryDto } from '../../common/http/page.dto.js';
import { NoControlCharacters, trim } from '../../common/http/text.js';
import { CaseDeadlineView } from '../../case-deadlines/dto/case-deadline.dto.js';
import { IsLocalDate } from '../../common/http/validators.js';
import { REPORTED_STATUSES, type ReportedStatus } from '../domain/enforcement-status.js';
import { ENFORCEMENT_STATUSES, type EnforcementStatus } from '../entities/enforcement-record.entity.js';
import { OBLIGATION_KINDS, type ObligationKind } from '../entities/enforcement-obligation.entity.js';

export const DUE_RULES = ['KN-11', 'TC-6'] as const;

/** Exactly one of the two: a statutory rule counted from the record's opening, or a date in the decision. */
export class ObligationDueDto {
  @ApiPropertyOptional({
    enum: DUE_RULES,
    description: 'KN-11 for a complaint decision, TC-6 for a denunciation conclusion',
  })
  @IsOptional()
  @IsIn(DUE_RULES)
  rule?: (typeof DUE_RULES)[number];

  @ApiPropertyOptional({ example: '2026-12-31', description: 'A due date set by the decision' })
  @IsOptional()
  @IsLocalDate()
  date?: string;
}

export class CreateObligationDto {
  @ApiProperty({ enum: OBLIGATION_KINDS })
  @IsIn(OBLIGATION_KINDS)
  kind: ObligationKind;

  @ApiProperty({ example: 'Hoàn trả 200 m2 đất nông nghiệp cho hộ bà Trần Thị Mai' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(3, 2000)
  description: string;

  @ApiProperty({ format: 'uuid', description: 'The unit that must carry it out (one you may see)' })
  @IsId()
  owningUnitId: string;

  @ApiProperty({ type: ObligationDueDto, example: { rule: 'KN-11' } })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ObligationDueDto)
  due: ObligationDueDto;

  @ApiProperty({ description: 'The version of the record read (optimistic lock)' })
  @IsInt()
  @Min(1)
  version: number;
}

export class CreateUpdateDto {
  @ApiProperty({ example: '2026-10-05', description: 'The day the progress is reported (not in the future)' })
  @IsLocalDate()
  reportedOn: string;

  @ApiProperty({ example: 'Đã ban hành quyết định thu hồi quyết định số 12/QĐ-UBND' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(3, 4000)
  note: string;

  @ApiProperty({ enum: REPORTED_STATUSES })
  @IsIn(REPORTED_STATUSES)
  status: ReportedStatus;

  @ApiProperty({ description: 'The version of the obligation read (optimistic lock)' })
  @IsInt()
  @Min(1)
  version: number;
}

export class ListEnforcementQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ENFORCEMENT_STATUSES, description: 'As of today (overdue included)' })
  @IsOptional()
  @IsIn(ENFORCEMENT_STATUSES)
  status?: EnforcementStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  unitId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The case whose decision or conclusion the record enforces (a case page links its record)',
  })
  @IsOptional()
  @IsId()
  subjectId?: string;
}

export class EvidenceView {
  @ApiProperty() id: string;
  @ApiProperty() fileName: string;
  @ApiProperty() mediaType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty() createdAt: string;
}

export class UpdateView {
  @ApiProperty() id: string;
  @ApiProperty() obligationId: string;
  @ApiProperty() reportedOn: string;
  @ApiProperty() note: string;
  @ApiProperty() status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) reportedByUserId: string | null;
  @ApiProperty({ type: [EvidenceView] }) evidence: EvidenceView[];
}

export class ObligationView {
  @ApiProperty() id: string;
  @ApiProperty() position: number;
  @ApiProperty({ enum: OBLIGATION_KINDS }) kind: string;
  @ApiProperty() description: string;
  @ApiProperty() owningUnitId: string;
  @ApiProperty() dueDate: string;
  @ApiProperty({ enum: ['engine', 'resolver'] }) dueSource: string;
  @ApiProperty({ enum: ENFORCEMENT_STATUSES, description: 'As of today: overdue when past due' })
  status: string;
  @ApiProperty({ description: 'Its deadline is open and past its due date' }) overdue: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) doneOn: string | null;
  @ApiPropertyOptional({ type: CaseDeadlineView, nullable: true }) deadline: CaseDeadlineView | null;
  @ApiProperty({ type: [UpdateView] }) updates: UpdateView[];
  @ApiProperty() version: number;
}

export class RecordSummaryView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['complaint_case', 'denunciation_case'] }) subjectType: string;
  @ApiProperty() subjectId: string;
  @ApiProperty() unitId: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionRef: string | null;
  @ApiProperty() openedOn: string;
  @ApiProperty({ enum: ENFORCEMENT_STATUSES, description: 'As of today' }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) closedOn: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) nextReviewOn: string | null;
  @ApiProperty() obligationCount: number;
  @ApiProperty() overdueObligations: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The nearest open obligation deadline' })
  nextDue: string | null;
  @ApiProperty() version: number;
}

export class RecordSummaryPage {
  @ApiProperty({ type: [RecordSummaryView] }) items: RecordSummaryView[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class RecordView extends RecordSummaryView {
  @ApiProperty({ type: [ObligationView] }) obligations: ObligationView[];
}

export class BacklogCounts {
  @ApiProperty() not_started: number;
  @ApiProperty() in_progress: number;
  @ApiProperty() overdue: number;
  @ApiProperty() blocked: number;
  @ApiProperty() done: number;
  @ApiProperty({ description: 'Obligations the unit must carry out whose deadline is past due' })
  overdueObligations: number;
}

export class BacklogUnitView {
  @ApiProperty() unitId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) parentId: string | null;
  @ApiProperty({ type: BacklogCounts, description: 'The unit’s own records and obligations' })
  own: BacklogCounts;
  @ApiProperty({ type: BacklogCounts, description: 'Own plus every unit below it' })
  total: BacklogCounts;
}

export class BacklogView {
  @ApiProperty() asOf: string;
  @ApiProperty({ type: [BacklogUnitView] }) units: BacklogUnitView[];
}
