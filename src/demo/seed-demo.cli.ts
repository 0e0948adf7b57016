import '../bootstrap/require-supported-node.js'; // first: refuses a Node older than engines, before any native module loads
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfigFromEnvironment } from '../config/load-config.js';
import { CONFIG_SECTIONS } from '../config-sections.js';
import { DEMO_USERS } from './demo-data.js';
import { demoCliModule } from './demo-cli.module.js';
import { DemoSeeder } from './demo-seeder.service.js';
import { DemoLetters } from './demo-letters.service.js';

/** `npm run demo:seed`: loads the demo data (idempotently) and prints the demo accounts. */
async function main(): Promise<void> {
  const config = loadConfigFromEnvironment(CONFIG_SECTIONS);
  if (config.env === 'production') {
    // The demo accounts have published passwords: they must never exist on a real system.
    console.error('demo data: refused with NODE_ENV=production (the demo accounts have published passwords)');
    process.exit(2);
  }
  const app = await NestFactory.createApplicationContext(demoCliModule(config), {
    logger: ['error', 'warn'],
  });
  try {
    const result = await app.get(DemoSeeder).seed();
    console.log(
      `demo data: ${result.unitsCreated} units and ${result.usersCreated} accounts created (existing ones kept)`,
    );
    const receipt = await app.get(DemoLetters).seed(result.departmentId);
    if (receipt) {
      console.log(`demo data: 4 letters, a complaint case and a denunciation case created`);
      console.log(
        `  Try the status page /tra-cuu-don with code ${receipt.code} and secret ${receipt.secret}`,
      );
    }
    console.log('\n  Demo accounts (demo passwords — never use them outside the demo):');
    for (const user of DEMO_USERS) {
      console.log(`    ${user.roles.join(', ').padEnd(20)} ${user.email.padEnd(32)} ${user.password}`);
    }
    console.log('');
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(
    `demo data: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
});
