import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { FirstAdminService } from './first-admin.service.js';
import { UserRoleEntity } from './user-role.entity.js';
import { UserEntity } from './user.entity.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, UserRoleEntity]), AuditModule, AuthModule],
  controllers: [UsersController],
  providers: [UsersService, FirstAdminService],
  exports: [UsersService, FirstAdminService],
})
export class UsersModule {}
