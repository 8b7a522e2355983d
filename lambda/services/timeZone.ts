import { isKnownTimeZone } from './zoneClock';
import { callAlexaApi } from './alexaApi';

export interface TimeZoneRequest {
  readonly apiEndpoint?: string;
  readonly apiAccessToken?: string;
  readonly deviceId?: string;
}

/**
 * The device's IANA time zone from the Alexa settings API, or undefined when it cannot say
 * (no device, 204, 4xx/5xx, garbage, timeout). Never throws: the caller falls back to the saved zone.
 */
export async function fetchDeviceTimeZone(req: TimeZoneRequest, timeoutMs: number): Promise<string | undefined> {
  if (!req.apiEndpoint || !req.apiAccessToken || !req.deviceId) return undefined;
  try {
    const res = await callAlexaApi({
      endpoint: req.apiEndpoint,
      token: req.apiAccessToken,
      method: 'GET',
      path: `/v2/devices/${encodeURIComponent(req.deviceId)}/settings/System.timeZone`,
      timeoutMs,
    });
    if (res.status !== 200 || typeof res.body !== 'string') return undefined;
    return isKnownTimeZone(res.body) ? res.body : undefined;
  } catch {
    return undefined;
  }
}
