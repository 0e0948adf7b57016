import { Module } from '@nestjs/common';
import { EscalationsReadController } from './escalations-read.controller.js';
import { EscalationsReadService } from './escalations-read.service.js';

/** The API's reading of escalations (the ladder itself runs in the worker: EscalationsModule). */
@Module({
  controllers: [EscalationsReadController],
  providers: [EscalationsReadService],
})
export class EscalationsApiModule {}
