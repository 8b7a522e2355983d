import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerAppResource, registerAppTool, RESOURCE_MIME_TYPE } from '@modelcontextprotocol/ext-apps/server';

/**
 * The Alexa+ view of a day (MCP Apps): one HTML resource that the day-plan and can-I tools name in
 * `_meta.ui.resourceUri`. Only the URI and this registration run on every request; the page itself is
 * loaded (dayViewHtml.ts) when a host that shows UI reads the resource.
 */
export const DAY_VIEW_URI = 'ui://microneedling-aftercare/day-view.html';

/** What a tool that shows the day view declares (MCP Apps: `_meta.ui`). */
export const dayViewToolMeta = { ui: { resourceUri: DAY_VIEW_URI } } as const;

/** The resource's own `_meta.ui`: no network of any kind (empty CSP domain lists), and a border from the host. */
export const dayViewResourceMeta = () => ({
  ui: { csp: { connectDomains: [], resourceDomains: [], frameDomains: [] }, prefersBorder: true },
});

export function registerDayView(server: McpServer): void {
  registerAppResource(
    server as never,
    'Aftercare day view',
    DAY_VIEW_URI,
    // ResourceMetadata is typed against the v2 server package; the v1 SDK's McpServer takes the same fields.
    {
      description: 'The recovery day at a glance: the day, what is still off limits and until when, the sun care, days 1 to 35.',
      _meta: dayViewResourceMeta(),
    } as never,
    async () => {
      const { dayViewHtml } = await import('./dayViewHtml');
      return { contents: [{ uri: DAY_VIEW_URI, mimeType: RESOURCE_MIME_TYPE, text: dayViewHtml(), _meta: dayViewResourceMeta() }] };
    },
  );
}

/**
 * The SDK's registerTool for a tool that shows the day view, through MCP Apps' registerAppTool (which
 * also writes the older `_meta["ui/resourceUri"]` key for hosts that read that one).
 */
export function dayViewTool(server: McpServer): McpServer['registerTool'] {
  return ((name: string, config: { _meta?: Record<string, unknown> }, callback: unknown) =>
    registerAppTool(
      server as never,
      name,
      { ...config, _meta: { ...config._meta, ...dayViewToolMeta } } as never,
      callback as never,
    )) as McpServer['registerTool'];
}
