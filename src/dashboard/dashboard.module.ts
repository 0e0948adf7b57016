import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { DashboardCountsModule } from './dashboard-counts.module.js';
import { DashboardAccess } from './dashboard-access.service.js';
import { DashboardPageController } from './dashboard-page.controller.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardService } from './dashboard.service.js';

/** The inspectorate dashboard: GET /api/v1/dashboard and the server-rendered /bang-dieu-khien (docs/dashboard.md). */
@Module({
  imports: [AuthModule, AuditModule, DashboardCountsModule],
  controllers: [DashboardController, DashboardPageController],
  providers: [DashboardService, DashboardAccess],
})
export class DashboardModule {}
