import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isOlderThanSupported, SUPPORTED_NODE, unsupportedNodeMessage } from './supported-node';

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('the Node the processes need', () => {
  it.each([
    ['20.20.2', true],
    ['v20.20.2', true],
    ['22.12.0', true],
    ['24.8.9', true],
    ['24.9.0', false],
    ['24.21.0', false],
    ['25.1.0', false],
    ['not-a-version', true],
  ])('Node %s is older than supported: %s', (version, older) => {
    expect(isOlderThanSupported(version)).toBe(older);
  });

  it('says in one line which Node was found and how to start properly', () => {
    const message = unsupportedNodeMessage('20.20.2', '/usr/bin/node');
    expect(message).toMatch(
      /^tiepdan: this is Node 20\.20\.2 \(\/usr\/bin\/node\), but tiepdan needs Node >=24\.9 <25/,
    );
    expect(message).toContain('`npm start`');
    expect(message).not.toContain('\n');
    expect(unsupportedNodeMessage('24.21.0', '/x/node')).toBeUndefined();
  });

  it('is the one of package.json engines, scripts/lib.sh and scripts/run-built.cjs', () => {
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    expect(SUPPORTED_NODE.engines).toBe(engines);
    expect(engines.startsWith(`>=${SUPPORTED_NODE.major}.${SUPPORTED_NODE.minor} `)).toBe(true);
    const lib = read('scripts/lib.sh');
    expect(lib).toMatch(new RegExp(`^NODE_MIN_MAJOR=${SUPPORTED_NODE.major}$`, 'm'));
    expect(lib).toMatch(new RegExp(`^NODE_MIN_MINOR=${SUPPORTED_NODE.minor}\\b`, 'm'));
    const runBuilt = read('scripts/run-built.cjs');
    expect(runBuilt).toContain(`const NODE_ENGINES = '${engines}';`);
    expect(runBuilt).toContain(`const NODE_MINIMUM = [${SUPPORTED_NODE.major}, ${SUPPORTED_NODE.minor}];`);
  });

  // Compiled to CommonJS, imports run in order: the check first means before any native module loads.
  it('is checked by the first import of every entry point (API, worker, CLIs, migrations, benches)', () => {
    const cliFiles = (dir: string): string[] =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.cli.ts') && !f.endsWith('.spec.ts'))
        .map((f) => join(dir, f));
    const entryPoints = [
      'src/main.ts',
      'src/worker.ts',
      'src/database/data-source.ts',
      ...cliFiles('src'),
      ...readdirSync(join(root, 'scripts/bench'))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => `scripts/bench/${f}`),
    ];
    expect(entryPoints.length).toBeGreaterThanOrEqual(12);
    const late = entryPoints.filter((file) => {
      const firstImport = read(file)
        .split('\n')
        .find((line) => line.startsWith('import '));
      return !/^import '(\.\.?\/)+(src\/)?bootstrap\/require-supported-node\.js';/.test(firstImport ?? '');
    });
    expect(late).toEqual([]);
  });
});
