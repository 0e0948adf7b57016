import { Global, Module } from '@nestjs/common';
import { IdentityAccess } from './identity-access.js';
import { IdentityVault } from './identity-vault.js';

/** The vault of sealed identities and who may see them: global, every feature that seals or reads one. */
@Global()
@Module({ providers: [IdentityVault, IdentityAccess], exports: [IdentityVault, IdentityAccess] })
export class IdentityVaultModule {}
