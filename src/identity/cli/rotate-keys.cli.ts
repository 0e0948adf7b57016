/**
 * Re-wraps every personal-data key under the current master key (docs/identity-protection.md).
 *
 *   1. put a new key FIRST in IDENTITY_MASTER_KEYS, keep the old ones after it;
 *   2. npm run -s identity:rotate
 *   3. when it reports, remove the old keys from the configuration.
 *
 * Prints one JSON line `{"currentKeyId":"…","rewrapped":{"letter_petitioners":N,…}}`; exits 0, or 1 on failure.
 */
import '../../bootstrap/require-supported-node.js'; // first: refuses a Node older than engines, before any native module loads
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '../../audit/audit.module.js';
import { CliModule } from '../../cli.module.js';
import { ClockModule } from '../../common/clock.js';
import { ConfigError, loadConfigFromEnvironment } from '../../config/load-config.js';
import { CONFIG_SECTIONS } from '../../config-sections.js';
import { IdentityVaultModule } from '../identity-vault.module.js';
import { IdentityKeyRotation } from '../key-rotation.service.js';

async function main(): Promise<void> {
  const config = loadConfigFromEnvironment(CONFIG_SECTIONS);
  const app = await NestFactory.createApplicationContext(
    {
      module: class RotateKeysCli {},
      imports: [CliModule.forRoot(config), ClockModule, IdentityVaultModule, AuditModule],
      providers: [IdentityKeyRotation],
    },
    { logger: ['error', 'warn'] },
  );
  try {
    console.log(JSON.stringify(await app.get(IdentityKeyRotation).rotate()));
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  // Never the keys or the data: the error's kind is enough to act on.
  const e = error as { name?: string; code?: unknown; message?: string };
  console.error(
    `identity:rotate: ${error instanceof ConfigError ? error.message : `${e.name ?? 'Error'} ${String(e.code ?? '')}`}`,
  );
  process.exit(1);
});
