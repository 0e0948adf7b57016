import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { toQueryInt } from '../common/http/page.dto.js';
import { UUID_PATTERN } from '../common/ids/uuid7.js';
import { AUDIT_PAGE_SIZE_MAX } from './audit.service.js';
import { AUDIT_ENTITY_ID_PATTERN, AUDIT_ENTITY_TYPE_PATTERN, AUDIT_NAME_MAX_LENGTH } from './domain/entry.js';

/** A full timestamp with an explicit zone, so no server time zone can shift the range. */
const TIMESTAMP_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `GET /api/v1/audit-entries` query string. */
export class AuditQueryDto {
  @ApiPropertyOptional({ example: 'unit', maxLength: AUDIT_NAME_MAX_LENGTH })
  @IsOptional()
  @MaxLength(AUDIT_NAME_MAX_LENGTH)
  @Matches(AUDIT_ENTITY_TYPE_PATTERN)
  entityType?: string;

  @ApiPropertyOptional({ example: '0193a7c2-5f1e-7c3a-9b1d-2f4e6a8c0d12', maxLength: AUDIT_NAME_MAX_LENGTH })
  @IsOptional()
  @MaxLength(AUDIT_NAME_MAX_LENGTH)
  @Matches(AUDIT_ENTITY_ID_PATTERN)
  entityId?: string;

  @ApiPropertyOptional({
    example: 'read',
    maxLength: AUDIT_NAME_MAX_LENGTH,
    description: 'Only entries of this action; `read`: the personal-data read log (docs/personal-data.md)',
  })
  @IsOptional()
  @MaxLength(AUDIT_NAME_MAX_LENGTH)
  @Matches(AUDIT_ENTITY_TYPE_PATTERN, { message: 'action must be an action name (lower case)' })
  action?: string;

  @ApiPropertyOptional({ description: 'The acting user (a UUID).', format: 'uuid' })
  @IsOptional()
  @Matches(UUID_PATTERN, { message: 'actorUserId must be a lower-case UUID' })
  actorUserId?: string;

  @ApiPropertyOptional({
    description: 'Entries at or after this instant (ISO 8601 with a zone).',
    example: '2026-01-01T00:00:00Z',
    format: 'date-time',
  })
  @IsOptional()
  @Matches(TIMESTAMP_WITH_ZONE, { message: 'from must be an ISO 8601 timestamp with a time zone' })
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    description: 'Entries before this instant (exclusive; ISO 8601 with a zone).',
    example: '2026-02-01T00:00:00+07:00',
    format: 'date-time',
  })
  @IsOptional()
  @Matches(TIMESTAMP_WITH_ZONE, { message: 'to must be an ISO 8601 timestamp with a time zone' })
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @Transform(toQueryInt)
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: AUDIT_PAGE_SIZE_MAX, default: 50 })
  @Transform(toQueryInt)
  @IsInt()
  @Min(1)
  @Max(AUDIT_PAGE_SIZE_MAX)
  pageSize: number = 50;
}
