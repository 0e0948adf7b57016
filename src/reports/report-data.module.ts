import { Module } from '@nestjs/common';
import { ReportDataService } from './report-data.service.js';

/**
 * The query layer of the periodic reports: own counters per unit from the raw tables (docs/reports.md).
 * Needs only the application's DataSource (DatabaseModule is global to the app).
 */
@Module({
  providers: [ReportDataService],
  exports: [ReportDataService],
})
export class ReportDataModule {}
