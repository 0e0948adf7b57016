#!/usr/bin/env node
// The console's API types (web/src/api/schema.d.ts) from the API's OpenAPI document, built from the
// compiled Nest application without a server (dist/scripts/openapi.js). `--check`: fail when the
// committed file differs from what the API declares now (part of `npm test`, like the migration gate).
//   node scripts/run-built.cjs node web/scripts/api-types.mjs [--check]
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(web, '..');
const target = join(web, 'src', 'api', 'schema.d.ts');

const run = spawnSync(process.execPath, [join(root, 'dist', 'scripts', 'openapi.js')], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  console.error('api-types: could not build the OpenAPI document');
  process.exit(1);
}
const ast = await openapiTS(JSON.parse(run.stdout), { alphabetize: true });
const header =
  "// Generated from the API's OpenAPI document by web/scripts/api-types.mjs: do not edit.\n" +
  '// `npm run api:types` writes it; `npm test` fails when it is stale.\n\n';
const text = header + astToString(ast);

if (process.argv.includes('--check')) {
  const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (committed !== text) {
    console.error(
      'api-types: web/src/api/schema.d.ts is stale (the API changed): run `npm run api:types` and commit it',
    );
    process.exit(1);
  }
  console.log('api-types: web/src/api/schema.d.ts matches the API');
} else {
  writeFileSync(target, text);
  console.log(`api-types: wrote ${target}`);
}
