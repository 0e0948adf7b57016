import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The officers' console (docs/console.md): built into web/dist, served by the API at `/`. The HTML shell
// loads one module script (no inline script: the API's CSP has script-src 'self'); each area of the
// console is its own chunk, loaded when first opened.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    // .vite/manifest.json: which chunks each page needs (web/scripts/bundle-size.mjs).
    manifest: true,
    // No inline module-preload polyfill: modern browsers only.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npx vite` in web/ during development: the API on its own port answers /api.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
