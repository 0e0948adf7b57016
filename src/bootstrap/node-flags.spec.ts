import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_FLAGS } from './node-flags';

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const flags = NODE_FLAGS.join(' ');
const quoted = NODE_FLAGS.map((f) => `'${f}'`).join(', ');

describe('the V8 flags of the API and the worker', () => {
  it('are passed by scripts/start.sh to both processes', () => {
    const script = read('scripts/start.sh');
    expect(script).toContain(`node ${flags} dist/src/main.js`);
    expect(script).toContain(`node ${flags} dist/src/worker.js`);
    expect(script).not.toMatch(/node dist\/src\/(main|worker)\.js/);
  });

  it('are passed by the image and by both compose files to both processes', () => {
    expect(read('docker/Dockerfile')).toContain(
      `CMD [${['node', ...NODE_FLAGS, 'dist/src/main.js'].map((p) => `"${p}"`).join(', ')}]`,
    );
    for (const file of ['docker/compose.yml', 'docker/compose.cluster.yml']) {
      const compose = read(file);
      expect(compose).toContain(`command: ['node', ${quoted}, 'dist/src/main.js']`);
      expect(compose).toContain(`command: ['node', ${quoted}, 'dist/src/worker.js']`);
    }
  });
});
