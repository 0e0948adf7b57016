import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsId } from '../../common/http/id.js';

/** A reassignment before it is made: the same target as `PATCH …/assignment`, without reason or version. */
export class AssignmentPreviewDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The resolving unit the case would move to' })
  @IsOptional()
  @IsId()
  unitId?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The handler; null: none',
  })
  @IsOptional()
  @IsId()
  handlerUserId?: string | null;
}

export class AssignmentPreviewProblemView {
  @ApiProperty() field: string;
  @ApiProperty() message: string;
}

export class AssignmentPreviewDeadlineView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'resolution' }) purpose: string;
  @ApiProperty({ example: 'KN-4' }) ruleId: string;
  @ApiProperty({ enum: ['open', 'paused'] }) status: string;
  @ApiProperty({ description: 'Counted from' }) triggerDate: string;
  @ApiProperty({ description: 'Due now, on the current unit’s calendar' }) currentDue: string;
  @ApiProperty({ description: 'Due after the reassignment, on the new unit’s calendar' }) due: string;
  @ApiProperty({ type: String, isArray: true, description: 'The engine’s explanation in Vietnamese' })
  explanation: string[];
}

export class AssignmentPreviewView {
  @ApiProperty({
    type: [AssignmentPreviewProblemView],
    description: 'What the reassignment would be refused for',
  })
  problems: AssignmentPreviewProblemView[];
  @ApiProperty({ format: 'uuid', description: 'The unit the case would be at' }) unitId: string;
  @ApiProperty({ description: 'Whether the case would move to another unit (its deadlines recomputed)' })
  moves: boolean;
  @ApiProperty({ type: [AssignmentPreviewDeadlineView], description: 'The running deadlines afterwards' })
  deadlines: AssignmentPreviewDeadlineView[];
}
