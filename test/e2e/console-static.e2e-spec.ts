import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import request from 'supertest';
import { ASSET_CACHE_CONTROL } from '../../src/console/console-static.js';
import { startApi } from '../support/api.js';
import { testConfig } from '../support/env.js';

const SHELL =
  '<!doctype html><html lang="vi"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';

/**
 * The API serves the built console at / (docs/console.md): hashed assets cached for a year, the HTML
 * shell never cached, the shell for any console page (client-side routes), and every other path — the
 * API, the operations pages, the public Vietnamese pages, files — keeps its own answer and its 404.
 */
describe('the console served by the API', () => {
  let app: NestFastifyApplication;
  let dir: string;
  const get = (path: string) => request(app.getHttpServer()).get(path);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tiepdan-console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), SHELL);
    writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js'), 'console.log("console");\n');
    // As the build writes it beside each script (web/vite.config.ts).
    writeFileSync(
      join(dir, 'assets', 'index-Ab12Cd34.js.br'),
      brotliCompressSync('console.log("console");\n'),
    );
    app = await startApi(testConfig({ CONSOLE_DIR: dir }));
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/dang-nhap', '/don', '/don/01890000-0000-7000-8000-000000000000', '/thong-bao?chua-doc=1'])(
    'answers the console page %s with the HTML shell, never cached, under a CSP without inline scripts',
    async (path) => {
      const res = await get(path).expect(200);
      expect(res.text).toBe(SHELL);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      const csp = String(res.headers['content-security-policy']);
      const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'));
      expect(scriptSrc?.trim()).toBe("script-src 'self'");
    },
  );

  it('serves hashed assets with a year of immutable caching', async () => {
    const res = await get('/assets/index-Ab12Cd34.js').expect(200);
    expect(res.text).toContain('console');
    expect(res.headers['cache-control']).toBe(ASSET_CACHE_CONTROL);
  });

  it('sends the brotli file built beside an asset to a browser that accepts it, plain to one that does not', async () => {
    const inject = (headers: Record<string, string>) =>
      app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js', headers });
    const compressed = await inject({ 'accept-encoding': 'gzip, deflate, br' });
    expect(compressed.statusCode).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(compressed.headers['vary']).toMatch(/accept-encoding/i);
    expect(compressed.headers['cache-control']).toBe(ASSET_CACHE_CONTROL);
    expect(brotliDecompressSync(compressed.rawPayload).toString()).toBe('console.log("console");\n');
    const plain = await inject({ 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.payload).toBe('console.log("console");\n');
    expect(plain.headers['cache-control']).toBe(ASSET_CACHE_CONTROL);
  });

  it.each([
    '/assets/index-missing.js',
    '/assets/index-Ab12Cd34.js.br.br',
    '/api/v1/no-such-thing',
    '/api/nothing',
    '/health/nothing',
    '/admin/nothing',
    '/bang-dieu-khien/extra',
    '/lich-tiep-cong-dan/extra',
    '/tra-cuu-don/extra',
    '/favicon.ico',
    '/robots.txt',
  ])('keeps the house 404 for %s', async (path) => {
    const res = await get(path).expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: expect.any(String),
      details: [],
    });
  });

  it('leaves the public pages and the operations routes their own answers', async () => {
    const calendar = await get('/lich-tiep-cong-dan').expect(200);
    expect(calendar.text).not.toBe(SHELL);
    expect((await get('/health/live').expect(200)).body).toBeDefined();
    expect((await get('/metrics')).text).not.toBe(SHELL);
    expect((await get('/admin/queues')).text).not.toBe(SHELL);
    expect((await get('/api/docs-json').expect(200)).body.openapi).toBeDefined();
    expect((await get('/tra-cuu-don')).text).not.toBe(SHELL);
  });

  it('has no console without a build: / is the house 404', async () => {
    const bare = await startApi(testConfig({ CONSOLE_DIR: join(dir, 'not-built') }));
    try {
      const res = await request(bare.getHttpServer()).get('/').expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    } finally {
      await bare.close();
    }
  });
});
