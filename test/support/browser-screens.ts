import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Page } from 'playwright-core';
import { DESKTOP, PHONE } from './browser-portal';

/**
 * A test run never writes into tracked files: screens go to a temporary folder,
 * unless `npm run screenshots` asks for the documented ones (docs/screenshots, shown in docs/portal.md).
 */
const SCREENSHOTS = process.env.SCREENSHOTS_DIR ? resolve(process.env.SCREENSHOTS_DIR) : join(tmpdir(), 'portal-screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING = new Set(['serious', 'critical']);

/**
 * The serious and critical axe-core violations on the page, as readable lines
 * (empty when none). axe-core goes into the page once per document and runs
 * there: @axe-core/playwright injected its half-megabyte source at each check
 * and finished each run in a new blank page, which made the browser specs'
 * accessibility checks two thirds of their time. The portal has no frames.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document));
  return results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

/**
 * One screen as docs/portal.md shows it: checked by axe-core at a phone's and a
 * desktop's width, and photographed at both into docs/screenshots/<name>-phone.png
 * and <name>-desktop.png. The page is left at the desktop width.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const problems: string[] = [];
  for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    await page.setViewportSize(viewport);
    problems.push(...(await accessibilityProblems(page)).map((problem) => `${label}: ${problem}`));
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${label}.png`), animations: 'disabled', caret: 'hide' });
  }
  expect({ screen: name, problems }).toEqual({ screen: name, problems: [] });
}
