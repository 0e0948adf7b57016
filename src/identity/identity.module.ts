import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { IdentityRevealRequestEntity } from './entities/identity-reveal-request.entity.js';
import { ProtectedLetterTextEntity } from './entities/protected-letter-text.entity.js';
import { RevealRequestsController } from './reveal-requests.controller.js';
import { RevealRequestsService } from './reveal-requests.service.js';
import { IdentityKeyRotation } from './key-rotation.service.js';

/** Reveal requests and key rotation (the vault and the access rule are global: IdentityVaultModule). */
@Module({
  imports: [TypeOrmModule.forFeature([IdentityRevealRequestEntity, ProtectedLetterTextEntity]), AuditModule],
  controllers: [RevealRequestsController],
  providers: [RevealRequestsService, IdentityKeyRotation],
  exports: [IdentityKeyRotation],
})
export class IdentityModule {}
