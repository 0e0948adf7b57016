import { Module } from '@nestjs/common';
import { ReportDataModule } from './report-data.module.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/** Periodic reports over the unit tree (docs/reports.md): the API and its XLSX / CSV / JSON exports. */
@Module({
  imports: [ReportDataModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
