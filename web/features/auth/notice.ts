import { useLocation } from "react-router";
import type { AlertTone } from "../../ui/alert";

/**
 * A one-line message handed to the next page in the router's location state ("Your password
 * has been changed"). State, not the query string, so a reload or a shared link does not repeat it.
 */
export type Notice = { tone: AlertTone; text: string };

export function noticeState(tone: AlertTone, text: string): { notice: Notice } {
  return { notice: { tone, text } };
}

function isNotice(value: unknown): value is Notice {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.text === "string" && typeof candidate.tone === "string";
}

export function useNotice(): Notice | null {
  const state: unknown = useLocation().state;
  if (typeof state !== "object" || state === null) return null;
  const notice = (state as { notice?: unknown }).notice;
  return isNotice(notice) ? notice : null;
}
