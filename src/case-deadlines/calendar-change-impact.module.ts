import { Module } from '@nestjs/common';
import { CalendarAdminModule } from '../calendar/calendar-admin.module.js';
import { CalendarChangeImpactController } from './calendar-change-impact.controller.js';
import { CalendarChangeImpactService } from './calendar-change-impact.service.js';
import { CaseDeadlinesModule } from './case-deadlines.module.js';

/** The routes telling what a calendar change does to open deadlines (API process only). */
@Module({
  imports: [CalendarAdminModule, CaseDeadlinesModule],
  providers: [CalendarChangeImpactService],
  controllers: [CalendarChangeImpactController],
})
export class CalendarChangeImpactModule {}
