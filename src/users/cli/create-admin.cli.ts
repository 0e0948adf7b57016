import '../../bootstrap/require-supported-node.js'; // first: refuses a Node older than engines, before any native module loads
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CliModule } from '../../cli.module.js';
import { ConfigError, loadConfigFromEnvironment } from '../../config/load-config.js';
import { CONFIG_SECTIONS } from '../../config-sections.js';
import { FirstAdminService } from '../first-admin.service.js';

const USAGE =
  'usage: echo "<password>" | npm run -s admin:create -- --email <e-mail> --name "<full name>" --unit-code <CODE> [--unit-name "<name>"]';

async function readPassword(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) return line;
  return '';
}

/** Creates an administrator (and its root unit when the code is new). The password comes on stdin. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      'unit-code': { type: 'string' },
      'unit-name': { type: 'string' },
    },
  });
  if (!values.email || !values.name || !values['unit-code']) {
    console.error(USAGE);
    process.exit(2);
  }
  const password = await readPassword();
  const config = loadConfigFromEnvironment(CONFIG_SECTIONS);
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    const result = await app.get(FirstAdminService).createAdmin({
      email: values.email,
      password,
      fullName: values.name,
      unitCode: values['unit-code'].toUpperCase(),
      unitName: values['unit-name'],
    });
    console.log(
      result.created
        ? `administrator created (${result.userId})`
        : 'an account with this e-mail already exists; nothing changed',
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(
    `admin:create: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
});
