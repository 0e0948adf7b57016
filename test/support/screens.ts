import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** The widths every console and public screen is checked and photographed at. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 375, height: 812 },
} as const;

export interface ScreenCheckOptions {
  /** Only this region is checked and photographed (a dialog, a panel), not the whole page. */
  region?: string;
  /** Also assert that nothing is wider than the screen (the page never scrolls sideways). */
  noSideways?: boolean;
  /** Milliseconds to let a layout settle after the width changes (charts, virtual lists). */
  settleMs?: number;
}

/**
 * Until no select's list is on the screen and no popover or confirmation (antd's Popconfirm) is still
 * fading out: either takes clicks and is read by axe (a fading confirmation's grey text failed contrast).
 */
export async function selectListsClosed(page: Page, timeout = 5_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const all = (selector: string) =>
        Array.from(
          (
            globalThis as unknown as {
              document: { querySelectorAll(s: string): ArrayLike<{ offsetParent: unknown }> };
            }
          ).document.querySelectorAll(selector),
        );
      return (
        all('.ant-select-dropdown').every((el) => el.offsetParent === null) &&
        all('.ant-popover[class*="-leave"]').every((el) => el.offsetParent === null)
      );
    },
    undefined,
    { timeout },
  );
}

/**
 * The check every browser journey makes of a screen: at desktop and phone widths, axe-core finds no
 * serious or critical WCAG 2.1 A/AA violation (the pointer moved off the page, so a hovered colour is not
 * judged; no select list left open), and a photograph goes to `output` as `<name>-<width>.png` to be
 * looked at. Returns `checkScreen(page, name, region?)` for a spec file.
 */
export function screenChecker(output: string, options: ScreenCheckOptions = {}) {
  return async (page: Page, name: string, region = options.region): Promise<void> => {
    await selectListsClosed(page);
    for (const [width, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      await page.mouse.move(0, 0);
      if (options.settleMs) await page.waitForTimeout(options.settleMs);
      const axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
      const result = await (region ? axe.include(region) : axe).analyze();
      const bad = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`.trim()).join(', ')}`,
        );
      expect({ screen: `${name} (${width})`, violations: bad }).toEqual({
        screen: `${name} (${width})`,
        violations: [],
      });
      if (options.noSideways) {
        const wide = await page.evaluate<number>('document.documentElement.scrollWidth');
        expect({ screen: `${name} (${width})`, wide }).toEqual({
          screen: `${name} (${width})`,
          wide: viewport.width,
        });
      }
      if (region) await page.locator(region).first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(output, `${name}-${width}.png`), fullPage: !region });
    }
    await page.setViewportSize(VIEWPORTS.desktop);
  };
}
