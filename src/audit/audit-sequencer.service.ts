import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { runAuditSequencer, type ChainPendingResult } from './audit-sequencer.js';

/**
 * Entries per transaction of the scheduled run, and batches per run: a run chains at most 100,000 entries
 * and the next one, seconds later, continues.
 */
export const AUDIT_CHAIN_BATCH_SIZE = 1000;
export const AUDIT_CHAIN_MAX_BATCHES = 100;

/** The worker's audit sequencer (audit-sequencer.ts): one run per `audit-chain` job. */
@Injectable()
export class AuditSequencerService {
  private readonly logger = new Logger(AuditSequencerService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Null when another run holds the sweep lock. */
  async run(): Promise<ChainPendingResult | null> {
    const result = await runAuditSequencer(this.dataSource, {
      batchSize: AUDIT_CHAIN_BATCH_SIZE,
      maxBatches: AUDIT_CHAIN_MAX_BATCHES,
    });
    if (result && result.chained > 0) {
      this.logger.debug({ chained: result.chained, lastSeq: result.lastSeq }, 'audit entries chained');
    }
    return result;
  }
}
