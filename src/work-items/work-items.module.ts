import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { WorkItemsController } from './work-items.controller.js';
import { WorkItemsService } from './work-items.service.js';

/** The officers' work lists: GET /api/v1/work-items (docs/console-cases.md). */
@Module({
  imports: [AuthModule],
  controllers: [WorkItemsController],
  providers: [WorkItemsService],
})
export class WorkItemsModule {}
