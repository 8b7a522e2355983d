import { stat } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser } from '../tools/browser';
import { defaultPaths, repoRoot } from './dataFiles';
import { startStudio } from './server';

/**
 * `npx tsx studio/screenshot.ts`: docs/studio.png and docs/studio-phone.png for the README — the timeline
 * and day 3 of a treatment on November 20th, on a desktop and on a phone (390 × 844), taken with the
 * tests' headless Chromium over the data files (nothing is saved).
 */
const OUT = path.join(repoRoot, 'docs', 'studio.png');
const PHONE = path.join(repoRoot, 'docs', 'studio-phone.png');

async function main(): Promise<void> {
  // The real files, so the page names them; nothing here presses Save.
  const studio = await startStudio({ paths: defaultPaths() });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
    await page.goto(`${studio.url}?treatment=2026-11-20&day=3`);
    await page.locator('#briefing').filter({ hasText: 'Day 3' }).waitFor();
    const glance = await page.locator('#glance').boundingBox();
    const day = await page.locator('#dayview').boundingBox();
    if (!glance || !day) throw new Error('the page did not render');
    await page.screenshot({ path: OUT, clip: { x: 0, y: 0, width: 1200, height: Math.min(day.y + day.height, day.y + 560) + 8 } });
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await phone.goto(`${studio.url}?treatment=2026-11-20&day=3`);
    await phone.locator('#briefing').filter({ hasText: 'Day 3' }).waitFor();
    await phone.screenshot({ path: PHONE });
    for (const file of [OUT, PHONE]) console.log(`${path.relative(repoRoot, file)}: ${Math.round((await stat(file)).size / 1024)} KB`);
  } finally {
    await browser.close();
    await studio.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
