#!/usr/bin/env node
// Figures of the officers' console (issue 16), against a running API with the demo data (`npm start`):
//   1. JavaScript each page downloads before it runs, gzipped (web/scripts/bundle-size.mjs);
//   2. the home page interactive with a cold cache on loopback: from navigation to the letters panel
//      filled in, in a fresh Chromium profile each run (the refresh cookie set, as after a sign-in).
//   node web/scripts/bench-console.mjs          (CONSOLE_URL, CONSOLE_EMAIL, CONSOLE_PASSWORD, RUNS)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(join(web, '..', 'package.json'))('playwright-core');
const base = (process.env.CONSOLE_URL ?? `http://127.0.0.1:${process.env.HTTP_PORT ?? 3000}`).replace(
  /\/$/,
  '',
);
const email = process.env.CONSOLE_EMAIL ?? 'tiepdan@tiepdan.demo';
const password = process.env.CONSOLE_PASSWORD ?? 'demo-tiepdan-2026';
const runs = Number(process.env.RUNS ?? 5);
const TARGET_MS = 1500;

spawnSync(process.execPath, [join(web, 'scripts', 'bundle-size.mjs')], { stdio: 'inherit' });

async function refreshCookie() {
  const res = await fetch(`${base}/api/v1/auth/browser/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tiepdan-console': '1' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const [pair] = res.headers.get('set-cookie').split(';');
  return pair.slice(pair.indexOf('=') + 1);
}

const times = [];
for (let i = 0; i < runs; i++) {
  const profile = mkdtempSync(join(tmpdir(), 'tiepdan-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    locale: 'vi-VN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const { hostname } = new URL(base);
    await context.addCookies([
      {
        name: 'tiepdan_refresh',
        value: await refreshCookie(),
        domain: hostname,
        path: '/api/v1/auth/browser',
        httpOnly: true,
        secure: true,
        sameSite: 'Strict',
      },
    ]);
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${base}/`);
    await page
      .locator('section[aria-label^="Đơn chờ xử lý"] li, section[aria-label^="Đơn chờ xử lý"] .empty')
      .first()
      .waitFor();
    times.push(Date.now() - started);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(
  `home interactive, cold cache, ${runs} runs: median ${median} ms (min ${times[0]}, max ${times.at(-1)}; target ${TARGET_MS} ms)`,
);
process.exit(median <= TARGET_MS ? 0 : 1);
