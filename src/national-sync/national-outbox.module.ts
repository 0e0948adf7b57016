import { Module } from '@nestjs/common';
import { NationalOutbox } from './national-outbox.js';

/** The writers' side of the national outbox: imported by letters, reception and enforcement. */
@Module({ providers: [NationalOutbox], exports: [NationalOutbox] })
export class NationalOutboxModule {}
