const STORAGE_KEY = "therapyledger.lastPracticeId";

/**
 * The practice a person last opened, kept in this browser only so /app can send them back to
 * it. Storage can be unavailable (private windows, blocked cookies); then we simply forget.
 */
export function findLastPracticeId(): string | undefined {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberPractice(practiceId: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, practiceId);
  } catch {
    // Nothing to do: the choice simply is not remembered.
  }
}

export function forgetPractice(practiceId: string): void {
  try {
    if (window.localStorage.getItem(STORAGE_KEY) === practiceId) window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to do.
  }
}
