import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { AuditEntryPageDto } from './audit-entry.dto.js';
import { AuditQueryDto } from './audit-query.dto.js';
import { AuditService, type AuditEntryPage } from './audit.service.js';

@ApiTags('audit')
@Controller('audit-entries')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

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
}
