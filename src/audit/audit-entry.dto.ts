import { ApiProperty } from '@nestjs/swagger';
import type { JsonValue } from './domain/json.js';
import type { AuditEntryPage, AuditEntryView } from './audit.service.js';

/** OpenAPI description of one entry as `GET /api/v1/audit-entries` returns it. */
export class AuditEntryDto implements AuditEntryView {
  @ApiProperty({
    description: 'The entry id (a decimal string: BIGINT); the chain order is chainSeq.',
    example: '1024',
  })
  id: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-02T08:15:30.123Z' })
  occurredAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'null: the system itself.' })
  actorUserId: string | null;

  @ApiProperty({ type: String, nullable: true })
  actorUnitId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The unit the record belongs to.' })
  unitId: string | null;

  @ApiProperty({ example: 'update' })
  action: string;

  @ApiProperty({ example: 'unit' })
  entityType: string;

  @ApiProperty()
  entityId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      '`{ field: { before, after } }` for changes, secrets shown as "[redacted]"; `{ fields: [...] }` for reads.',
  })
  changes: JsonValue | null;

  @ApiProperty({ type: String, nullable: true })
  requestId: string | null;

  @ApiProperty({ type: String, nullable: true })
  clientIp: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Position in the hash chain (a decimal string); null until the sequencer chains the entry.',
    example: '1024',
  })
  chainSeq: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'SHA-256 (hex) of the previous entry in the chain; null until chained.',
  })
  prevHash: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'SHA-256 (hex) over prevHash and this entry (docs/audit.md); null until chained.',
  })
  hash: string | null;
}

export class AuditEntryPageDto implements AuditEntryPage {
  @ApiProperty({ type: [AuditEntryDto] })
  items: AuditEntryDto[];

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 50 })
  pageSize: number;

  @ApiProperty({ description: 'Entries matching the filter in the caller’s scope.', example: 1234 })
  total: number;
}

/** `GET /api/v1/audit-entries/verification`: the whole chain's state (verify-chain.ts), no entry content. */
export class AuditChainVerificationDto {
  @ApiProperty({ description: 'true: every chained entry verifies and none waits too long unchained' })
  ok: boolean;

  @ApiProperty({ description: 'Chained entries checked good (before the break, if any)', example: 1234 })
  entries: number;

  @ApiProperty({ description: 'Entries committed but not chained yet', example: 0 })
  unchained: number;

  @ApiProperty({ type: String, nullable: true, description: 'The first broken chain position' })
  firstBrokenSeq: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The id of the entry at that position, if any' })
  firstBrokenId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The oldest entry left unchained too long' })
  unchainedId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'What is wrong (English, technical)' })
  reason: string | null;

  @ApiProperty({ format: 'date-time' })
  checkedAt: string;
}
