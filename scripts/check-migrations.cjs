#!/usr/bin/env node
// The migration gate of `npm test` (docs/testing.md): on an empty database run every migration, revert
// them all one by one (every `down()` must work, and leave nothing behind), run them all again, then
// fail if the entities would generate a new migration (schema drift).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('dotenv');
const mysql = require('mysql2/promise');

const root = path.resolve(__dirname, '..');
// The settings as the scripts read them (scripts/lib.sh), so `npm run migration:check` works alone:
// the environment, then .env, then .env.example.
for (const file of ['.env', '.env.example']) {
  const full = path.join(root, file);
  if (!fs.existsSync(full)) continue;
  for (const [key, value] of Object.entries(parse(fs.readFileSync(full)))) process.env[key] ??= value;
}
const database = `${process.env.DB_NAME || 'tiepdan'}_migcheck`;

function cli(...args) {
  const run = spawnSync(process.execPath, [path.join(root, 'scripts/run-built.cjs'), 'typeorm', ...args], {
    cwd: root,
    env: { ...process.env, DB_NAME: database },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function fail(message) {
  console.error(`migrations: ${message}`);
  process.exit(1);
}

function step(title, args) {
  const { status, output } = cli(...args);
  if (status !== 0) fail(`${title} failed\n${output}`);
}

async function main() {
  const connection = await mysql.createConnection({
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT),
    user: process.env.DB_USER,
    password: process.env.DB_PASSWORD,
  });
  const applied = async () => {
    const [rows] = await connection.query(`SELECT COUNT(*) AS n FROM \`${database}\`.migrations`);
    return Number(rows[0].n);
  };
  const tables = async () => {
    const [rows] = await connection.query(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1',
      [database],
    );
    return rows.map((row) => row.name);
  };
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await connection.query(
      `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );

    step('run all on an empty database', ['migration:run']);
    const count = await applied();
    console.log(`migrations: run all (${count}) ok`);

    // One `migration:revert` per migration, as an operator would undo a release.
    for (let i = count; i > 0; i--) step(`revert (${i} left)`, ['migration:revert']);
    if ((await applied()) !== 0) fail('migrations still recorded after reverting them all');
    const left = (await tables()).filter((name) => name !== 'migrations');
    if (left.length > 0) fail(`tables left after reverting all: ${left.join(', ')}`);
    console.log(`migrations: revert all (${count}) ok`);

    step('run all again', ['migration:run']);
    if ((await applied()) !== count) fail('run all again applied a different number of migrations');
    console.log('migrations: run all again ok');
  } finally {
    await connection.end();
  }

  const drift = cli('migration:generate', path.join(root, 'migrations', 'Drift'), '--check');
  if (drift.status !== 0)
    fail(`the entities differ from the migrations; write a migration:\n${drift.output}`);
  console.log('migrations: entities match the migrations ok');
}

main().catch((error) => fail(error.message));
