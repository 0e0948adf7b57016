import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsId } from '../../common/http/id.js';
import { PageQueryDto } from '../../common/http/page.dto.js';
import { IsLocalDate } from '../../common/http/validators.js';

/** `GET /api/v1/escalations`: what fired, newest first, in the viewer's units. */
export class ListEscalationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this unit (in your scope)' })
  @IsOptional()
  @IsId()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the deadlines of this case (or other subject)' })
  @IsOptional()
  @IsId()
  subjectId?: string;

  @ApiPropertyOptional({
    example: '2026-11-01',
    description: 'Fired on or after this day (Asia/Ho_Chi_Minh)',
  })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-11-30',
    description: 'Fired on or before this day (Asia/Ho_Chi_Minh)',
  })
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({ enum: ['fired', 'skipped'], description: 'Default: both' })
  @IsOptional()
  @IsIn(['fired', 'skipped'])
  status?: 'fired' | 'skipped';
}

export class EscalationRecipientView {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ description: "The officer's name" }) fullName: string;
}

export class EscalationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The ladder level (1 = first reminder)' }) level: number;
  @ApiProperty({ enum: ['fired', 'skipped'], description: 'skipped: a higher level went out instead' })
  status: string;
  @ApiProperty({ format: 'date-time' }) firedAt: string;
  @ApiProperty({ format: 'date', description: 'The due date the level was computed from' }) dueDate: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ format: 'uuid' }) deadlineId: string;
  @ApiProperty({ example: 'resolution' }) purpose: string;
  @ApiProperty({ example: 'KN-3' }) ruleId: string;
  @ApiProperty({ example: 'complaint_case' }) subjectType: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ type: String, nullable: true, description: "The case's number, if the subject is a case" })
  caseNumber: string | null;
  @ApiProperty({ type: [EscalationRecipientView], description: 'Who was notified' })
  recipients: EscalationRecipientView[];
}

export class EscalationPage {
  @ApiProperty({ type: [EscalationView] }) items: EscalationView[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
