import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { DeadlinePreviewService } from './deadline-preview.service.js';
import { DeadlinesController } from './deadlines.controller.js';

/** The deadline routes: the preview calculator and the rule table (docs/deadlines.md, "API"). */
@Module({
  imports: [CalendarModule],
  controllers: [DeadlinesController],
  providers: [DeadlinePreviewService],
  // The console's decision previews compute with it (src/case-work).
  exports: [DeadlinePreviewService],
})
export class DeadlinesModule {}
