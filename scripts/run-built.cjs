#!/usr/bin/env node
// Runs a command against the compiled `dist/`, compiling first (`nest build`) when any source is newer
// than the last build. Keeps `npm run deadline`, the benches and the migration CLI one command each,
// without ts-node.
//   node scripts/run-built.cjs node dist/src/x.js [args…]
//   node scripts/run-built.cjs typeorm migration:run
//   node scripts/run-built.cjs build           (compile only)
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

// An older Node than package.json `engines` builds, then fails in ways that say nothing (a native module
// built for Node 24 ends Node 20 in a segmentation fault): say so in one line instead, as the entry
// points do (src/bootstrap/supported-node.ts; a unit test keeps the numbers equal). The version
// override counts in tests only, as there.
const NODE_ENGINES = '>=24.9 <25';
const NODE_MINIMUM = [24, 9];
const nodeVersion =
  (process.env.NODE_ENV === 'test' && process.env.TIEPDAN_TEST_NODE_VERSION) || process.versions.node;
const [nodeMajor, nodeMinor] = nodeVersion.split('.').map(Number);
if (!(nodeMajor > NODE_MINIMUM[0] || (nodeMajor === NODE_MINIMUM[0] && nodeMinor >= NODE_MINIMUM[1]))) {
  console.error(
    `tiepdan: this is Node ${nodeVersion} (${process.execPath}), but tiepdan needs Node ${NODE_ENGINES} ` +
      '(package.json engines). Start it with `npm start`, which installs Node 24 into .tools/node when the ' +
      "machine's is older (or put .tools/node/node_modules/.bin first on PATH).",
  );
  process.exit(1);
}
const stamp = path.join(root, 'dist', '.build-stamp');

function newestSource(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * tsc never deletes output: a renamed or deleted migration would keep running from dist/. Remove every
 * compiled file whose source is gone.
 */
function pruneOrphans() {
  for (const top of ['src', 'migrations', 'scripts']) {
    const walk = (dir) => {
      if (!fs.existsSync(dir)) return;
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.js(\.map)?$/.test(entry.name)) {
          const source = path
            .join(root, path.relative(path.join(root, 'dist'), full))
            .replace(/\.js(\.map)?$/, '.ts');
          if (!fs.existsSync(source)) fs.rmSync(full);
        }
      }
    };
    walk(path.join(root, 'dist', top));
  }
}

function ensureBuilt() {
  // A deleted source leaves nothing newer behind: prune on every run, not only after a build.
  if (fs.existsSync(path.join(root, 'dist'))) pruneOrphans();
  const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
  const sources = Math.max(
    ...['src', 'migrations', 'scripts'].map((d) => newestSource(path.join(root, d))),
    ...['tsconfig.build.json', 'tsconfig.json', 'nest-cli.json'].map(
      (f) => fs.statSync(path.join(root, f)).mtimeMs,
    ),
  );
  if (built >= sources) return;
  // `nest build`: the Nest CLI with the TypeScript compiler and tsconfig.build.json (nest-cli.json).
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/@nestjs/cli/bin/nest.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  fs.writeFileSync(stamp, new Date().toISOString());
}

const [tool, ...args] = process.argv.slice(2);
ensureBuilt();
let command;
if (tool === 'typeorm') {
  command = [
    path.join(root, 'node_modules/typeorm/cli.js'),
    ...args,
    '-d',
    path.join(root, 'dist/src/database/data-source.js'),
  ];
} else if (tool === 'build') {
  process.exit(0);
} else if (tool === 'node') {
  command = args;
} else {
  console.error(`run-built: unknown tool ${tool}`);
  process.exit(2);
}
const run = spawnSync(process.execPath, command, { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
