// The API's OpenAPI document, built from the Nest application without a database, Redis or a port:
// the modules are scanned in Nest's preview mode (no provider is instantiated), as `GET /api/docs-json`
// would answer. The console's typed client is generated from it (web/src/api/schema.d.ts).
//   node dist/scripts/openapi.js > openapi.json
import 'reflect-metadata';
import { parse } from 'dotenv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../src/app.module.js';
import { API_PREFIX, buildApiDocument, ROUTES_OUTSIDE_PREFIX } from '../src/bootstrap/create-api-app.js';
import { loadConfig } from '../src/config/load-config.js';
import { CONFIG_SECTIONS } from '../src/config-sections.js';

/**
 * The settings of .env.example, never the machine's: the document must not change with a developer's
 * .env. They only have to pass validation; nothing is connected to in preview mode.
 */
function previewEnvironment(): Record<string, string> {
  const example = parse(readFileSync(join(__dirname, '..', '..', '.env.example')));
  return { ...example, LOG_LEVEL: 'silent' };
}

export async function openApiDocument(): Promise<object> {
  const config = loadConfig(previewEnvironment(), CONFIG_SECTIONS);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter(),
    {
      preview: true,
      logger: false,
      abortOnError: false,
    },
  );
  app.setGlobalPrefix(API_PREFIX, { exclude: [...ROUTES_OUTSIDE_PREFIX] });
  const document = buildApiDocument(app);
  await app.close();
  return document;
}

if (require.main === module) {
  openApiDocument().then(
    (document) => process.stdout.write(JSON.stringify(document, null, 2) + '\n'),
    (error: unknown) => {
      console.error('openapi:', error instanceof Error ? error.stack : error);
      process.exit(1);
    },
  );
}
