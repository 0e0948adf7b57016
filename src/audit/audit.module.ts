import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule } from '../common/clock.js';
import { AuditChainHeadEntity } from './audit-chain-head.entity.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

/** The audit trail: import it wherever a service records changes (docs/audit.md). */
@Module({
  imports: [ClockModule, TypeOrmModule.forFeature([AuditEntryEntity, AuditChainHeadEntity])],
  controllers: [AuditController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
