import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/**
 * The built entry points on a Node older than package.json `engines`: one line saying which Node was
 * found and how to start properly, exit code 1 — not Node 20's segmentation fault in a native module.
 * Run with the machine's own old Node when it has one (Debian 12's /usr/bin/node is Node 20), and
 * always with this Node told, in a test only, that it is Node 20 (TIEPDAN_TEST_NODE_VERSION,
 * src/bootstrap/require-supported-node.ts).
 */
const machineNode = '/usr/bin/node';
const machineVersion = existsSync(machineNode)
  ? spawnSync(machineNode, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim()
  : '';
const [major, minor] = machineVersion.split('.').map(Number);
const machineNodeIsOld = machineVersion !== '' && (major < 24 || (major === 24 && minor < 9));

const nodes: { name: string; execPath: string; env: NodeJS.ProcessEnv; version: RegExp }[] = [
  ...(machineNodeIsOld
    ? [
        {
          name: `the machine's Node ${machineVersion}`,
          execPath: machineNode,
          env: {},
          version: new RegExp(machineVersion.replace(/\./g, '\\.')),
        },
      ]
    : []),
  {
    name: 'a Node that says it is 20.20.2',
    execPath: process.execPath,
    env: { NODE_ENV: 'test', TIEPDAN_TEST_NODE_VERSION: '20.20.2' },
    version: /20\.20\.2/,
  },
];

const entryPoints: [string, string[]][] = [
  ['the API', ['dist/src/main.js']],
  ['the worker', ['dist/src/worker.js']],
  ['the deadline CLI', ['dist/src/deadlines/cli/deadline.cli.js', 'KN-3', '2026-01-16']],
  ['the demo loader', ['dist/src/demo/seed-demo.cli.js']],
  ['admin:create', ['dist/src/users/cli/create-admin.cli.js']],
  ['audit:verify', ['dist/src/audit/cli/verify-audit.cli.js']],
  ['audit:chain', ['dist/src/audit/cli/chain-audit.cli.js']],
  ['identity:rotate', ['dist/src/identity/cli/rotate-keys.cli.js']],
  ['deadlines:refresh-explanations', ['dist/src/case-deadlines/cli/refresh-explanations.cli.js']],
  [
    'the migration CLI',
    ['node_modules/typeorm/cli.js', 'migration:show', '-d', 'dist/src/database/data-source.js'],
  ],
  ['scripts/run-built.cjs', ['scripts/run-built.cjs', 'node', 'dist/src/main.js']],
];

describe.each(nodes)('on $name', ({ execPath, env, version }) => {
  it.each(entryPoints)('%s refuses to start, in one line that says how to start properly', (_name, args) => {
    const run = spawnSync(execPath, args, {
      cwd: root,
      encoding: 'utf8',
      timeout: 20000,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^tiepdan: this is Node \S+ \(.+\), but tiepdan needs Node >=24\.9 <25 \(package\.json engines\)\./,
    );
    expect(lines[0]).toMatch(version);
    expect(lines[0]).toContain('Start it with `npm start`');
  });
});

it('takes the stand-in version in tests only', () => {
  const run = spawnSync(process.execPath, ['dist/src/deadlines/cli/deadline.cli.js', 'KN-3', '2026-01-16'], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NODE_ENV: 'production', TIEPDAN_TEST_NODE_VERSION: '20.20.2' },
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(JSON.parse(run.stdout)).toMatchObject({ ruleId: 'KN-3', due: '2026-02-23' });
});
