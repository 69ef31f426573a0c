/**
 * Dates and times are shown in the practice's time zone (not the browser's), so every member
 * sees the same day for the same event; a bad zone name falls back to the browser's.
 */
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat("en-US", { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat("en-US", options);
  }
}

export function formatDay(iso: string, timeZone: string): string {
  return formatter(timeZone, { dateStyle: "medium" }).format(new Date(iso));
}

export function formatDayAndTime(iso: string, timeZone: string): string {
  return formatter(timeZone, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}
