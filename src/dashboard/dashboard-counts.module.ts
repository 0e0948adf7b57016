import { Module } from '@nestjs/common';
import { DashboardCountsRefresher } from './dashboard-counts.refresher.js';

/** The dashboard's kept counts (ADR 0023): the refresher, used by the worker's job and by tests. */
@Module({
  providers: [DashboardCountsRefresher],
  exports: [DashboardCountsRefresher],
})
export class DashboardCountsModule {}
