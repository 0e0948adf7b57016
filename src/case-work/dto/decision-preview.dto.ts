import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsId } from '../../common/http/id.js';
import { IsLocalDate } from '../../common/http/validators.js';
import { PROCESSING_DECISIONS, type ProcessingDecision } from '../../letters/domain/letter-rules.js';

export class DecisionPreviewDto {
  @ApiProperty({ enum: PROCESSING_DECISIONS })
  @IsIn(PROCESSING_DECISIONS)
  decision: ProcessingDecision;

  @ApiProperty({ example: '2026-11-24' })
  @IsLocalDate()
  decidedOn: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For a transfer within the system: the loop check' })
  @IsOptional()
  @IsId()
  transferToUnitId?: string;
}

export class PreviewProblemView {
  @ApiProperty() field: string;
  @ApiProperty() message: string;
}

export class ChainUnitView {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitName: string;
}

export class TransferRefusalView {
  @ApiProperty({ enum: ['LETTER_TRANSFER_LOOP', 'LETTER_ALREADY_TRANSFERRED'] }) code: string;
  @ApiProperty() message: string;
}

export class SettledDeadlineView {
  @ApiProperty({ example: 'processing' }) purpose: string;
  @ApiProperty() due: string;
  @ApiProperty({ enum: ['met', 'missed'] }) outcome: 'met' | 'missed';
}

export class OpenedDeadlineView {
  @ApiProperty({ example: 'acceptance' }) purpose: string;
  @ApiProperty({ example: 'KN-2' }) ruleId: string;
  @ApiProperty() trigger: string;
  @ApiProperty() due: string;
  @ApiProperty() legalBasis: string;
  @ApiProperty({ type: String, isArray: true, description: 'The engine’s explanation in Vietnamese' })
  explanation: string[];
}

export class DecisionPreviewView {
  @ApiProperty({ type: [PreviewProblemView], description: 'What the decision would be refused for now' })
  problems: PreviewProblemView[];
  @ApiProperty({ type: [ChainUnitView], description: 'The units the letter has been at, first last' })
  chain: ChainUnitView[];
  @ApiPropertyOptional({ type: TransferRefusalView, nullable: true })
  transferRefusal: TransferRefusalView | null;
  @ApiPropertyOptional({ type: SettledDeadlineView, nullable: true })
  settles: SettledDeadlineView | null;
  @ApiProperty({ type: [OpenedDeadlineView] }) opens: OpenedDeadlineView[];
}
