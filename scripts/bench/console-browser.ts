import '../../src/bootstrap/require-supported-node.js'; // first, as in every entry point: refuses an old Node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * The console benchmarks' browser (bench:case-page, bench:intake, bench:dashboard): the officer signs
 * in through the console's cookie route, then a fresh headless Debian Chromium profile (cold cache) gets
 * the refresh cookie, so the page under measurement starts signed in. `close` removes the profile.
 */
export async function signedInChromium(
  url: string,
  email: string,
  password: string,
  viewport?: { width: number; height: number },
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const res = await fetch(`${url}/api/v1/auth/browser/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tiepdan-console': '1' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`browser sign-in failed: ${res.status}`);
  const [pair] = (res.headers.get('set-cookie') ?? '').split(';');
  const profile = mkdtempSync(path.join(tmpdir(), 'tiepdan-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    locale: 'vi-VN',
    ...(viewport && { viewport }),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    await context.addCookies([
      {
        name: 'tiepdan_refresh',
        value: pair.slice(pair.indexOf('=') + 1),
        domain: '127.0.0.1',
        path: '/api/v1/auth/browser',
        httpOnly: true,
        secure: true,
        sameSite: 'Strict',
      },
    ]);
  } catch (error) {
    await close();
    throw error;
  }
  return { context, close };
}
