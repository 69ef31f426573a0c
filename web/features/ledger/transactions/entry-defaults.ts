/**
 * Defaults of the entry form. "Today" is the practice's today (its time zone), not the
 * browser's: a late-evening entry on the west coast belongs to the practice's date.
 */
export function todayIn(timeZone: string, now = new Date()): string {
  const parts = (zone?: string) =>
    new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(now)
      .map((part) => [part.type, part.value]);
  let p: Record<string, string>;
  try {
    p = Object.fromEntries(parts(timeZone));
  } catch {
    p = Object.fromEntries(parts());
  }
  return `${p.year}-${p.month}-${p.day}`;
}

const storageKey = (practiceId: string) => `therapyledger.ledger.lastAccount.${practiceId}`;

/**
 * The account of the last entry, kept in this browser only, so a run of entries from one bank
 * statement needs the account chosen once. Storage can be unavailable; then it is not kept.
 */
export function findLastAccountId(practiceId: string): string | undefined {
  try {
    return window.localStorage.getItem(storageKey(practiceId)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberLastAccount(practiceId: string, accountId: string): void {
  try {
    window.localStorage.setItem(storageKey(practiceId), accountId);
  } catch {
    // Not kept: the first active account is offered next time.
  }
}
