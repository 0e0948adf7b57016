import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { Clock } from '../common/clock.js';
import { AuditChainVerificationDto, AuditEntryPageDto } from './audit-entry.dto.js';
import { AuditQueryDto } from './audit-query.dto.js';
import { AuditService, type AuditEntryPage } from './audit.service.js';

@ApiTags('audit')
@Controller('audit-entries')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @RequirePermission('audit:read')
  @ApiOperation({ summary: 'Audit entries in the caller’s unit scope, newest first' })
  @ApiOkResponse({ type: AuditEntryPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto): Promise<AuditEntryPage> {
    return this.audit.query(actor, {
      entityType: query.entityType,
      entityId: query.entityId,
      action: query.action,
      actorUserId: query.actorUserId,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
      page: query.page,
      pageSize: query.pageSize,
    });
  }

  @Get('verification')
  @RequirePermission('audit:read')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Verify the whole hash chain now: intact, or the first broken entry (positions and ids only)',
    description:
      'Walks the trail in batches (as npm run audit:verify does); the answer names chain positions and entry ids, never content.',
  })
  @ApiOkResponse({ type: AuditChainVerificationDto })
  async verification(): Promise<AuditChainVerificationDto> {
    const result = await this.audit.verifyChain();
    return {
      ok: result.ok,
      entries: result.entries,
      unchained: result.unchained,
      firstBrokenSeq: 'firstBrokenSeq' in result ? result.firstBrokenSeq : null,
      firstBrokenId: 'firstBrokenId' in result ? (result.firstBrokenId ?? null) : null,
      unchainedId: 'unchainedId' in result ? result.unchainedId : null,
      reason: 'reason' in result ? result.reason : null,
      checkedAt: this.clock.now().toISOString(),
    };
  }
}
