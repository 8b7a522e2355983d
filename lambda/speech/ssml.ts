/** The one place SSML is built: every piece of text passes through escapeXml, so "&" or "<" in a clinic's phrase can never break a response. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Plain sentences → an SSML document. */
export const toSsml = (text: string): string => `<speak>${escapeXml(text)}</speak>`;
