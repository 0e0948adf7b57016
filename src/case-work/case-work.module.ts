import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { CaseWorkController } from './case-work.controller.js';
import { DecisionPreviewService } from './decision-preview.service.js';

/** The console's case-work previews: POST /letters/{id}/decision-preview (docs/console-cases.md). */
@Module({
  imports: [AuthModule, DeadlinesModule],
  controllers: [CaseWorkController],
  providers: [DecisionPreviewService],
})
export class CaseWorkModule {}
