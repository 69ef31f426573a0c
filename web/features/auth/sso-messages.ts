import type { AlertTone } from "../../ui/alert";

/**
 * What each `?sso=<reason>` of an SSO attempt that did not sign anyone in means to a person
 * (the reasons are src/services/auth/sso-sign-in.ts's SSO_REFUSALS). Unknown reasons get the
 * general message rather than nothing.
 */
const MESSAGES: Record<string, { tone: AlertTone; text: string }> = {
  expired: {
    tone: "warning",
    text: "That sign-in took too long or was started in another browser. Please try again.",
  },
  failed: {
    tone: "error",
    text: "We could not confirm that sign-in with the provider. Try again, or sign in with your email and password.",
  },
  denied: { tone: "info", text: "The sign-in was cancelled. You can try again whenever you are ready." },
  unavailable: {
    tone: "warning",
    text: "Google or Microsoft could not be reached just now. Try again in a few minutes, or sign in with your password.",
  },
  "link-required": {
    tone: "info",
    text: "An account with this email already exists. Sign in with your password, then connect Google/Microsoft in Account settings.",
  },
  "email-missing": {
    tone: "warning",
    text: "Your Google or Microsoft account did not share a verified email address, which a new account needs. Create an account with your email and a password instead.",
  },
  "identity-in-use": {
    tone: "error",
    text: "That Google or Microsoft account is already connected to another TherapyLedger account.",
  },
  "session-changed": {
    tone: "warning",
    text: "You were signed out or signed in as someone else while connecting. Sign in and try again.",
  },
  connected: { tone: "success", text: "Connected. You can now sign in with it." },
};

const FALLBACK = { tone: "error" as const, text: "That sign-in did not work. Please try again." };

export function describeSsoOutcome(reason: string | null): { tone: AlertTone; text: string } | null {
  if (!reason) return null;
  return MESSAGES[reason] ?? FALLBACK;
}
