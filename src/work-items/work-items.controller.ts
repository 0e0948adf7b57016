import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { ListWorkItemsQueryDto, WorkItemsPage } from './dto/work-items.dto.js';
import { WorkItemsService } from './work-items.service.js';

@ApiTags('work lists')
@Controller('work-items')
export class WorkItemsController {
  constructor(private readonly workItems: WorkItemsService) {}

  @Get()
  @RequirePermission('cases:read')
  @ApiOperation({
    summary:
      'Việc của tôi / Việc của đơn vị: letters awaiting a decision, open cases, unfinished obligations, nearest due first',
  })
  @ApiOkResponse({ type: WorkItemsPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListWorkItemsQueryDto) {
    return this.workItems.list(actor, query);
  }
}
