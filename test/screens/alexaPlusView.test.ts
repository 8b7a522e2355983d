import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Browser, Page } from 'playwright-core';
import { DAY_VIEW_URI } from '../../lambda/mcp/ui/dayViewResource';
import { VIEW_KEY } from '../../lambda/mcp/ui/view';
import { launchBrowser } from '../../tools/browser';
import { startInMemoryAddon } from '../../tools/inMemoryAddon';
import { messagesFromView, showInHost } from '../../tools/mcpAppsHost';
import { testProtocol } from '../support/testProtocol';

/**
 * The Alexa+ view (MCP Apps) as a host with UI meets it: the tools' `_meta.ui`, the resource as read
 * over MCP (the SDK's Client, in memory, against the add-on's real tools on dynalite), and the page drawn
 * in headless Chromium at Alexa+'s 768 × 480 from a real tool result. Today is Wednesday, November 25th,
 * 2026; the treatment was Friday, November 20th (day 6).
 */
const TODAY = new Date('2026-11-25T15:00:00Z');
const VIEW_TOOLS = ['get_today_plan', 'get_day_plan', 'can_i'];

let addon: Awaited<ReturnType<typeof startInMemoryAddon>>;
let client: Client;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  [addon, browser] = await Promise.all([startInMemoryAddon({ clock: () => TODAY, protocol: testProtocol() }), launchBrowser()]);
  client = addon.client;
  await client.callTool({ name: 'set_treatment_date', arguments: { date: '2026-11-20' } });
}, 30_000);

afterAll(async () => {
  await addon?.stop();
  await browser?.close();
});

beforeEach(async () => {
  problems.length = 0;
  requests.length = 0;
  page = await browser.newPage({ viewport: { width: 768, height: 480 } });
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
});
afterEach(() => page.close());

const viewHtml = async (): Promise<string> => {
  const read = await client.readResource({ uri: DAY_VIEW_URI });
  const [content] = read.contents;
  return (content as { text: string }).text;
};

test('the day-plan and can-I tools name the view in _meta.ui; the others do not', async () => {
  const { tools } = await client.listTools();
  for (const tool of tools) {
    const meta = tool._meta as { ui?: { resourceUri?: string }; 'ui/resourceUri'?: string } | undefined;
    expect({ tool: tool.name, uri: meta?.ui?.resourceUri }).toEqual({
      tool: tool.name,
      uri: VIEW_TOOLS.includes(tool.name) ? DAY_VIEW_URI : undefined,
    });
    // The older key, for hosts that read that one (ext-apps' registerAppTool writes both).
    if (VIEW_TOOLS.includes(tool.name)) expect(meta?.['ui/resourceUri']).toBe(DAY_VIEW_URI);
  }
});

test('the view is an MCP Apps HTML resource that reaches no network', async () => {
  const { resources } = await client.listResources();
  expect(resources).toEqual([expect.objectContaining({ uri: DAY_VIEW_URI, mimeType: 'text/html;profile=mcp-app' })]);
  const read = await client.readResource({ uri: DAY_VIEW_URI });
  const [content] = read.contents as unknown as { mimeType: string; text: string; _meta: { ui: { csp: Record<string, string[]> } } }[];
  expect(content!.mimeType).toBe('text/html;profile=mcp-app');
  expect(content!._meta.ui.csp).toEqual({ connectDomains: [], resourceDomains: [], frameDomains: [] });
  expect(content!.text).toMatch(/Content-Security-Policy" content="default-src 'none'/);
  expect(content!.text).not.toMatch(/https?:\/\/|\bsrc=|\bhref=|@import|url\(/);
});

test('the text result stays complete for a host without UI', async () => {
  const result = (await client.callTool({ name: 'get_today_plan', arguments: {} })) as {
    content: { text: string }[];
    structuredContent: Record<string, unknown>;
    _meta: Record<string, unknown>;
  };
  expect(result.content[0]!.text).toMatch(/^Day 6 of your recovery\./);
  expect(result.structuredContent).toMatchObject({ day: 6, date: '2026-11-25' });
  expect(result.structuredContent).not.toHaveProperty(VIEW_KEY);
  expect(result._meta[VIEW_KEY]).toMatchObject({ day: { title: 'Day 6 of your recovery' } });
});

test('at 768 x 480, "what should I do today" shows day 6, each restriction with its date, the sun care and day 6 marked, with no console error', async () => {
  const result = await client.callTool({ name: 'get_today_plan', arguments: {} });
  const frame = await showInHost(page, await viewHtml(), result, {
    theme: 'light',
    displayMode: 'inline',
    availableDisplayModes: ['inline'],
    containerDimensions: { width: 768, height: 480 },
    locale: 'en-US',
    platform: 'web',
  });
  expect(await frame.textContent('#title')).toBe('Day 6 of your recovery');
  expect(await frame.textContent('#date')).toBe('Wednesday, November 25th');
  const groups = await frame.$$eval('#offLimits li', (items) =>
    items.map((li) => [li.querySelector('.until')?.textContent, [...li.querySelectorAll('.name')].map((n) => n.textContent)]),
  );
  expect(groups).toEqual([
    ['until Thursday, November 26th (day 7)', ['Exfoliating *', 'Retinoids *', 'Toners *', 'Fragrance *']],
    ['until Friday, November 27th (day 8)', ['Anti-inflammatories', 'Ice *']],
  ]);
  expect(await frame.textContent('#offNote')).toBe("* the clinic's reading, not yet confirmed");
  expect(await frame.textContent('#sunUntil')).toBe('until Friday, December 4th (day 15)');
  expect(await frame.$$eval('#strip span', (s) => s.length)).toBe(35);
  expect(await frame.textContent('#strip .shown')).toBe('6');
  // Everything fits the 768 x 480 canvas without sideways scrolling.
  expect(await frame.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(768);
  const sent = await messagesFromView(page);
  expect(sent.map((m) => m.method)).toEqual(
    expect.arrayContaining(['ui/initialize', 'ui/notifications/initialized', 'ui/notifications/size-changed']),
  );
  expect(problems).toEqual([]);
  expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
});

test('"can I take ibuprofen" shows the answer above the day, ibuprofen\'s row marked, in the dark theme', async () => {
  const result = await client.callTool({ name: 'can_i', arguments: { activity: 'ibuprofen' } });
  const frame = await showInHost(page, await viewHtml(), result, {
    theme: 'dark',
    displayMode: 'inline',
    containerDimensions: { width: 768, height: 480 },
  });
  expect(await frame.textContent('#answer')).toMatch(/^Not yet: no ibuprofen or other anti-inflammatories until Friday, day 8/);
  expect(await frame.$eval('.name.asked', (n) => [n.textContent, n.parentElement?.querySelector('.until')?.textContent])).toEqual([
    'Anti-inflammatories',
    'until Friday, November 27th (day 8)',
  ]);
  expect(await frame.evaluate('document.documentElement.dataset.theme')).toBe('dark');
  expect(problems).toEqual([]);
});

test('a day before the treatment draws the sentence alone', async () => {
  const result = await client.callTool({ name: 'get_day_plan', arguments: { date: '2026-11-18' } });
  const frame = await showInHost(page, await viewHtml(), result, { theme: 'light' });
  expect(await frame.isVisible('#content')).toBe(false);
  expect(await frame.textContent('#answer')).toMatch(/before your treatment/i);
  expect(problems).toEqual([]);
});
