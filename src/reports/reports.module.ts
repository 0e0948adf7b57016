import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { ReportRunEntity } from './entities/report-run.entity.js';
import { ReportDataModule } from './report-data.module.js';
import { ReportRunsController } from './report-runs.controller.js';
import { REPORT_FILE_STORE_PROVIDER } from './report-runs-worker.module.js';
import { ReportRunsService } from './report-runs.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/**
 * Periodic reports over the unit tree (docs/reports.md): the API and its XLSX / CSV / JSON exports, and
 * the background runs (requested here, built by the worker's ReportRunsWorkerModule).
 */
@Module({
  imports: [ReportDataModule, AuditModule, TypeOrmModule.forFeature([ReportRunEntity])],
  controllers: [ReportsController, ReportRunsController],
  providers: [ReportsService, ReportRunsService, REPORT_FILE_STORE_PROVIDER],
})
export class ReportsModule {}
