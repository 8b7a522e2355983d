// `npx tsx scripts/alexa-plus-screenshot.ts`: docs/alexa-plus-view.png, the Alexa+ view of day 6 at
// 768 x 480 as test/screens/alexaPlusView.test.ts draws it (the add-on's real tools on dynalite, the
// tests' headless Chromium, the local MCP Apps host stand-in).
import { join } from 'node:path';
import { DAY_VIEW_URI } from '../lambda/mcp/ui/dayViewResource';
import { launchBrowser } from '../tools/browser';
import { startInMemoryAddon } from '../tools/inMemoryAddon';
import { showInHost } from '../tools/mcpAppsHost';

async function main(): Promise<void> {
  const addon = await startInMemoryAddon({ clock: () => new Date('2026-11-25T15:00:00Z') });
  const browser = await launchBrowser();
  try {
    await addon.client.callTool({ name: 'set_treatment_date', arguments: { date: '2026-11-20' } });
    const result = await addon.client.callTool({ name: 'can_i', arguments: { activity: 'ibuprofen' } });
    const html = (await addon.client.readResource({ uri: DAY_VIEW_URI })).contents[0] as { text: string };
    const page = await browser.newPage({ viewport: { width: 768, height: 480 } });
    await showInHost(page, html.text, result, { theme: 'light', displayMode: 'inline', containerDimensions: { width: 768, height: 480 } });
    const out = join(__dirname, '..', 'docs', 'alexa-plus-view.png');
    await page.screenshot({ path: out });
    process.stdout.write(`wrote ${out}\n`);
  } finally {
    await browser.close();
    await addon.stop();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
