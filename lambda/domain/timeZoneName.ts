let zones: Set<string> | undefined;

/**
 * True when the runtime knows this IANA zone name (canonical names and aliases such as "US/Pacific").
 * A name is all it checks; the clock reading in a zone is services/zoneClock's.
 */
export function isKnownTimeZone(zone: string): boolean {
  if (zone === '') return false;
  zones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (zones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
