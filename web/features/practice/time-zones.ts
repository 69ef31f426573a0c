/** The US zones a practice is most likely in, first in every time zone picker. */
export const US_TIME_ZONES = [
  { id: "America/New_York", label: "Eastern Time (New York)" },
  { id: "America/Chicago", label: "Central Time (Chicago)" },
  { id: "America/Denver", label: "Mountain Time (Denver)" },
  { id: "America/Phoenix", label: "Mountain Time, no daylight saving (Phoenix)" },
  { id: "America/Los_Angeles", label: "Pacific Time (Los Angeles)" },
  { id: "America/Anchorage", label: "Alaska Time (Anchorage)" },
  { id: "Pacific/Honolulu", label: "Hawaii Time (Honolulu)" },
  { id: "America/Puerto_Rico", label: "Atlantic Time (Puerto Rico)" },
  { id: "Pacific/Guam", label: "Chamorro Time (Guam)" },
] as const;

const FALLBACK_TIME_ZONE = "America/New_York";

let cachedZones: readonly string[] | undefined;

/** Every zone this browser knows, as IANA names; the server checks against the same kind of list. */
export function listTimeZones(): readonly string[] {
  cachedZones ??= Intl.supportedValuesOf("timeZone");
  return cachedZones;
}

/**
 * The browser's own zone when it is one we can offer (a browser set to UTC reports a name the
 * list does not hold); otherwise US Eastern, which the person can change before saving.
 */
export function detectTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && listTimeZones().includes(zone)) return zone;
  } catch {
    // Fall through to the default.
  }
  return FALLBACK_TIME_ZONE;
}

/** "America/Los_Angeles" → "Pacific Time (Los Angeles)"; other zones read as their IANA name. */
export function describeTimeZone(zone: string): string {
  return US_TIME_ZONES.find((z) => z.id === zone)?.label ?? zone.replaceAll("_", " ");
}

/** The zone's name as a heading and its place as a note: "Pacific Time" · "Los Angeles". */
export function splitTimeZone(zone: string): { name: string; note: string } {
  const label = describeTimeZone(zone);
  const match = label.match(/^(.*) \((.*)\)$/);
  return match?.[1] && match[2] ? { name: match[1], note: match[2] } : { name: label, note: zone };
}
