import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { IsId } from '../../common/http/id.js';
import { PageQueryDto } from '../../common/http/page.dto.js';
import { NoControlCharacters, trim } from '../../common/http/text.js';
import { IsLocalDate, trimToNull } from '../../common/http/validators.js';

/**
 * The request and response shapes every case track shares (complaints/dto, denunciations/dto extend
 * them with their own enums and fields): a step's fields, the work-list query, a step of the log.
 */

/** The fields of a step every track records; each track's transition DTO adds its `event` and own fields. */
export abstract class CaseStepFieldsDto {
  @ApiProperty({ example: '2026-11-24', description: 'The date of the act (a local date)' })
  @IsLocalDate()
  date: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '125/QĐ-UBND',
    description: 'The document number of the act',
  })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(100)
  documentRef?: string | null;

  @ApiProperty({
    example: 'LKN 2011 art. 27',
    description: 'The article the step rests on (LKN 2011 for complaints, LTC 2018 for denunciations)',
  })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(3, 500)
  legalBasis: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Why (required for suspension, termination, withdrawal, extension)',
  })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(2000)
  note?: string | null;

  @ApiProperty({ description: 'The version read (optimistic lock)' })
  @IsInt()
  @Min(1)
  version: number;
}

export const CASE_SORTS = ['due', 'received', 'updated'] as const;

/** A work list of cases; each track's query adds its `state` and `track` enums. */
export abstract class CaseWorkListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['mine', 'unit'],
    description: 'mine: assigned to me; unit: my units (default)',
  })
  @IsOptional()
  @IsIn(['mine', 'unit'])
  scope?: 'mine' | 'unit';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  unitId?: string;

  @ApiPropertyOptional({
    enum: ['this_week', 'overdue'],
    description: 'By the nearest open statutory deadline',
  })
  @IsOptional()
  @IsIn(['this_week', 'overdue'])
  due?: 'this_week' | 'overdue';

  @ApiPropertyOptional({
    description: 'Words of the (redacted) subject or case number; diacritics and case ignored',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 200)
  q?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'received_on on or after this date' })
  @IsOptional()
  @IsLocalDate()
  receivedFrom?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'received_on on or before this date' })
  @IsOptional()
  @IsLocalDate()
  receivedTo?: string;

  @ApiPropertyOptional({ enum: CASE_SORTS, default: 'due' })
  @IsOptional()
  @IsIn(CASE_SORTS)
  sort: (typeof CASE_SORTS)[number] = 'due';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'asc';
}

/** One step of a case's log, as the case views show it. */
export class CaseEventView {
  @ApiProperty() sequence: number;
  @ApiProperty() event: string;
  @ApiPropertyOptional({ type: String, nullable: true }) fromState: string | null;
  @ApiProperty() toState: string;
  @ApiProperty() date: string;
  @ApiPropertyOptional({ type: String, nullable: true }) documentRef: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) legalBasis: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) note: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) actorUserId: string | null;
}
