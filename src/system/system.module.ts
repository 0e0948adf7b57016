import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkerHeartbeatEntity } from './worker-heartbeat.entity.js';
import { WorkerHeartbeatService } from './worker-heartbeat.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([WorkerHeartbeatEntity])],
  providers: [WorkerHeartbeatService],
  exports: [WorkerHeartbeatService],
})
export class SystemModule {}
