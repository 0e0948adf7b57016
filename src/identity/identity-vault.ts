import { Global, Module } from '@nestjs/common';
import { IdentityAccess } from './identity-access.js';
import { ProtectedText } from './protected-text.js';
import { IdentityVault } from './vault.js';
import { VisitorVault } from './visitor-vault.js';

export { IdentityVault, type SealedColumns } from './vault.js';

/** The vault, the access rule, the free-text guard and the visitors' vault: global, for every feature and the worker. */
@Global()
@Module({
  providers: [IdentityVault, IdentityAccess, ProtectedText, VisitorVault],
  exports: [IdentityVault, IdentityAccess, ProtectedText, VisitorVault],
})
export class IdentityVaultModule {}
