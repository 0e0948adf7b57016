import react from '@vitejs/plugin-react';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

type Chunk = {
  type: 'chunk';
  fileName: string;
  imports: string[];
  isEntry: boolean;
  name: string;
  facadeModuleId: string | null;
};

/**
 * The boot script (src/boot.ts, its own entry) goes into the shell's head before the entry chunk, with
 * the chunks it should preload per page (docs/console.md, "How a page starts"): the shell's and the case
 * page's own chunks and everything they import that the entry does not, as `<meta name="tiepdan-preload">`
 * (a meta, not an inline script: the API's CSP has script-src 'self').
 */
function bootScript(): Plugin {
  return {
    name: 'tiepdan-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter(
          (c): c is never => c.type === 'chunk',
        ) as Chunk[];
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (files: string[], seen = new Set<string>()) => {
          for (const file of files) {
            if (seen.has(file)) continue;
            seen.add(file);
            closure(byFile.get(file)?.imports ?? [], seen);
          }
          return seen;
        };
        const boot = chunks.find((c) => c.isEntry && c.name === 'boot');
        const entry = chunks.find((c) => c.isEntry && c.name !== 'boot');
        if (!boot || !entry) throw new Error('tiepdan-boot: the boot or the entry chunk is missing');
        if (boot.imports.length > 0)
          throw new Error(`tiepdan-boot: the boot imports ${boot.imports.join(', ')}`);
        const loaded = closure([entry.fileName]);
        const page = (suffix: string) => {
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(suffix));
          if (!chunk) throw new Error(`tiepdan-boot: no chunk for ${suffix}`);
          return [...closure([chunk.fileName])].filter((f) => !loaded.has(f)).map((f) => `/${f}`);
        };
        const shell = page('/src/app/Shell.tsx');
        const casePage = page('/src/pages/cases/CasePage.tsx').filter((f) => !shell.includes(f));
        const lists = JSON.stringify({ shell, casePage }).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
        // After the title, before the entry's script: module scripts run in the order they appear.
        const tags =
          `</title>\n    <meta name="tiepdan-preload" content="${lists}" />\n` +
          `    <script type="module" crossorigin src="/${boot.fileName}"></script>`;
        if (!html.includes('</title>')) throw new Error('tiepdan-boot: the shell has no title');
        return html.replace('</title>', tags);
      },
    },
  };
}

/**
 * Every script and style sheet also as `.br` and `.gz` beside it, compressed once at build: the API serves
 * the one the browser accepts (src/console/console-static.ts, @fastify/static's preCompressed).
 */
function precompressed(): Plugin {
  return {
    name: 'tiepdan-precompressed',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!/\.(js|css)$/.test(file.fileName)) continue;
        const content = file.type === 'chunk' ? file.code : file.source;
        const path = join(options.dir!, file.fileName);
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

// The officers' console (docs/console.md): built into web/dist, served by the API at `/`. The HTML shell
// loads the boot script and the entry (no inline script: the API's CSP has script-src 'self'); each area
// of the console is its own chunk, loaded when first opened.
export default defineConfig({
  plugins: [react(), bootScript(), precompressed()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    // .vite/manifest.json: which chunks each page needs (web/scripts/bundle-size.mjs).
    manifest: true,
    // No inline module-preload polyfill: modern browsers only.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        boot: fileURLToPath(new URL('src/boot.ts', import.meta.url)),
      },
    },
  },
  server: {
    // `npx vite` in web/ during development: the API on its own port answers /api.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
