import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.js';
import { ReportRunEntity } from './entities/report-run.entity.js';
import { ReportDataModule } from './report-data.module.js';
import { ReportFileStore } from './report-file-store.js';
import { ReportRunBuilder } from './report-run-builder.service.js';
import { ReportsService } from './reports.service.js';

/** The file store of background report runs on REPORTS_DIR (API and worker alike). */
export const REPORT_FILE_STORE_PROVIDER = {
  provide: ReportFileStore,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => new ReportFileStore(config.reports.dir),
};

/** What the worker needs to build background report runs (docs/reports.md, "Background runs"). */
@Module({
  imports: [ReportDataModule, TypeOrmModule.forFeature([ReportRunEntity])],
  providers: [ReportsService, REPORT_FILE_STORE_PROVIDER, ReportRunBuilder],
  exports: [ReportRunBuilder],
})
export class ReportRunsWorkerModule {}
