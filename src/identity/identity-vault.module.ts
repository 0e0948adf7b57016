import { Global, Module } from '@nestjs/common';
import { IdentityAccess } from './identity-access.js';
import { IdentityVault } from './identity-vault.js';
import { ProtectedText } from './protected-text.js';
import { VisitorVault } from './visitor-vault.js';

/**
 * The vault of sealed identities, who may see them, the free-text guard and the visitors' vault: global,
 * for every feature that seals, reads or checks one, and for the worker.
 */
@Global()
@Module({
  providers: [IdentityVault, IdentityAccess, ProtectedText, VisitorVault],
  exports: [IdentityVault, IdentityAccess, ProtectedText, VisitorVault],
})
export class IdentityVaultModule {}
