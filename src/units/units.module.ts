import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UnitClosureEntity } from './unit-closure.entity.js';
import { UnitEntity } from './unit.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([UnitEntity, UnitClosureEntity])],
})
export class UnitsModule {}
