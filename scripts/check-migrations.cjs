#!/usr/bin/env node
// The migration gate of `npm test` (docs/testing.md): on an empty database run every migration, revert
// the last one, run it again, then fail if the entities would generate a new migration (schema drift).
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const mysql = require('mysql2/promise');

const root = path.resolve(__dirname, '..');
const database = `${process.env.DB_NAME || 'tiepdan'}_migcheck`;

function cli(...args) {
  const run = spawnSync(process.execPath, [path.join(root, 'scripts/run-built.cjs'), 'typeorm', ...args], {
    cwd: root,
    env: { ...process.env, DB_NAME: database },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function step(title, args, expectOk = true) {
  const { status, output } = cli(...args);
  if ((status === 0) !== expectOk) {
    console.error(`migrations: ${title} failed\n${output}`);
    process.exit(1);
  }
  console.log(`migrations: ${title} ok`);
}

async function main() {
  const connection = await mysql.createConnection({
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT),
    user: process.env.DB_USER,
    password: process.env.DB_PASSWORD,
  });
  await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await connection.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();

  step('run all on an empty database', ['migration:run']);
  step('revert the last', ['migration:revert']);
  step('run it again', ['migration:run']);
  const drift = cli('migration:generate', path.join(root, 'migrations', 'Drift'), '--check');
  if (drift.status !== 0) {
    console.error(`migrations: the entities differ from the migrations; write a migration:\n${drift.output}`);
    process.exit(1);
  }
  console.log('migrations: entities match the migrations ok');
}

main().catch((error) => {
  console.error(`migrations: ${error.message}`);
  process.exit(1);
});
