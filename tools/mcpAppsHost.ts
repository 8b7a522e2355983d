import type { Frame, Page } from 'playwright-core';

/**
 * A local stand-in for the MCP Apps host side of Alexa+ (what its webview does with a tool's UI
 * resource): the resource's HTML in a sandboxed iframe (scripts only, an opaque origin), the host end of
 * the postMessage JSON-RPC — answering ui/initialize with a hostContext that describes the surface, then
 * sending the tool's result as ui/notifications/tool-result — and a record of what the view sent.
 */
export interface HostContext {
  readonly theme?: 'light' | 'dark';
  readonly displayMode?: 'inline' | 'fullscreen';
  readonly availableDisplayModes?: readonly string[];
  readonly containerDimensions?: { readonly width?: number; readonly height?: number; readonly maxHeight?: number };
  readonly locale?: string;
  readonly platform?: string;
}

/** Runs in the host page (plain JS: this project has no DOM types); `html`, the tool result and the context come in. */
const HOST_SCRIPT = `({ html, result, context }) => {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.style.cssText = 'border:0;width:100%;height:100%;display:block';
  const seen = (window.seen = []);
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow) return;
    const m = event.data;
    seen.push(m);
    const reply = (payload) => frame.contentWindow.postMessage(Object.assign({ jsonrpc: '2.0', id: m.id }, payload), '*');
    if (m.method === 'ui/initialize') {
      reply({ result: { protocolVersion: '2026-01-26', hostInfo: { name: 'local-alexa-plus-stand-in', version: '1.0.0' }, hostCapabilities: {}, hostContext: context } });
    } else if (m.method === 'ui/notifications/initialized') {
      frame.contentWindow.postMessage({ jsonrpc: '2.0', method: 'ui/notifications/tool-result', params: result }, '*');
    } else if (m.method === 'ui/request-display-mode') {
      reply({ result: { mode: 'inline' } });
    }
  });
  frame.srcdoc = html;
  document.body.style.cssText = 'margin:0;width:100vw;height:100vh';
  document.body.append(frame);
}`;

/** Shows `html` as the host would for a tool call that returned `result`; resolves with the view's frame once drawn. */
export async function showInHost(page: Page, html: string, result: unknown, context: HostContext): Promise<Frame> {
  await page.setContent('<!doctype html><html><head><title>host</title></head><body></body></html>');
  await page.evaluate(`(${HOST_SCRIPT})(${JSON.stringify({ html, result, context })})`);
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the view has no frame');
  await page.waitForFunction(`(window.seen || []).some((m) => m && m.method === 'ui/notifications/size-changed')`, undefined, {
    timeout: 5000,
  });
  return frame;
}

/** The messages the view sent the host so far. */
export const messagesFromView = (page: Page): Promise<{ method?: string; id?: number; params?: unknown }[]> => page.evaluate('window.seen');
