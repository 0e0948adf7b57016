import { Module } from '@nestjs/common';
import { AuditSequencerService } from './audit-sequencer.service.js';

/** The audit sequencer for the worker (its processor and scheduler are listed in worker.module.ts). */
@Module({
  providers: [AuditSequencerService],
  exports: [AuditSequencerService],
})
export class AuditSequencerModule {}
