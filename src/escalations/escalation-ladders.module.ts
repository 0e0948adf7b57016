import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { EscalationLadderEntity } from './entities/escalation-ladder.entity.js';
import { EscalationLaddersController } from './escalation-ladders.controller.js';
import { EscalationLaddersService } from './escalation-ladders.service.js';

/** The API of the escalation ladders kept as data (ADR 0017). */
@Module({
  imports: [TypeOrmModule.forFeature([EscalationLadderEntity]), AuditModule],
  controllers: [EscalationLaddersController],
  providers: [EscalationLaddersService],
})
export class EscalationLaddersModule {}
