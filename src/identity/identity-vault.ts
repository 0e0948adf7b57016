import { Global, Module } from '@nestjs/common';
import { IdentityAccess } from './identity-access.js';
import { ProtectedText } from './protected-text.js';
import { IdentityVault } from './vault.js';

export { IdentityVault, type SealedColumns } from './vault.js';

/** The vault, the access rule and the free-text guard: global, for every feature and the worker. */
@Global()
@Module({
  providers: [IdentityVault, IdentityAccess, ProtectedText],
  exports: [IdentityVault, IdentityAccess, ProtectedText],
})
export class IdentityVaultModule {}
