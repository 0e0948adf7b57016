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
