import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { TEST_PASSWORD } from './fixtures.js';

/** Starts the application on a free port of 127.0.0.1 and returns its base URL. */
export async function listenLocally(app: NestFastifyApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('the application is not listening on a port');
  return `http://127.0.0.1:${address.port}`;
}

/**
 * Debian's Chromium, headless, in a fresh profile (playwright passes it as --user-data-dir) with a
 * Vietnamese locale; `close` also removes the profile.
 */
export async function launchChromium(): Promise<{ browser: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'tiepdan-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    locale: 'vi-VN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens `url` with no session, which leads to the console's sign-in page, signs `email` in there with the
 * test password, and waits until the console has taken the person on.
 */
export async function signInToConsole(page: Page, url: string, email: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(url);
  await page.waitForURL(/\/dang-nhap/);
  await page.getByLabel('Thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
}
