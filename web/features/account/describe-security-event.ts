/**
 * A security event in words: "Signed in with a password and an authenticator code". Types are
 * src/services/security-events.ts's SECURITY_EVENT_TYPES; details are what each one records.
 */
type Details = Record<string, unknown> | null;

const PROVIDERS: Record<string, string> = { google: "Google", microsoft: "Microsoft" };
const SECOND_FACTORS: Record<string, string> = {
  totp: "an authenticator code",
  backup_code: "a backup code",
};

function provider(details: Details): string {
  const name = details?.provider ?? details?.method;
  return typeof name === "string" ? (PROVIDERS[name] ?? name) : "single sign-on";
}

function describeSignIn(details: Details): string {
  const method = details?.method;
  const how = method === "password" || method === undefined ? "a password" : provider(details);
  const second = typeof details?.secondFactor === "string" ? SECOND_FACTORS[details.secondFactor] : undefined;
  return second ? `Signed in with ${how} and ${second}` : `Signed in with ${how}`;
}

export type EventTone = "neutral" | "positive" | "pending";

export function describeSecurityEvent(type: string, details: Details): { text: string; tone: EventTone } {
  switch (type) {
    case "account_created":
      return {
        text: details?.method ? `Account created with ${provider(details)}` : "Account created",
        tone: "positive",
      };
    case "email_verified":
      return { text: "Email address confirmed", tone: "positive" };
    case "sign_in":
      return { text: describeSignIn(details), tone: "neutral" };
    case "sso_sign_in":
      return { text: `Signed in with ${provider(details)}`, tone: "neutral" };
    case "sign_in_failed":
      return { text: "Sign-in refused: wrong password", tone: "pending" };
    case "sign_out":
      return { text: "Signed out", tone: "neutral" };
    case "mfa_failed":
      return { text: "Wrong two-factor code entered", tone: "pending" };
    case "mfa_locked":
      return { text: "Too many wrong two-factor codes: sign-in stopped", tone: "pending" };
    case "backup_code_used": {
      const left = typeof details?.remaining === "number" ? ` (${details.remaining} left)` : "";
      return { text: `Backup code used${left}`, tone: "pending" };
    }
    case "two_factor_enabled":
      return { text: "Two-factor authentication turned on", tone: "positive" };
    case "two_factor_disabled":
      return { text: "Two-factor authentication turned off", tone: "pending" };
    case "backup_codes_regenerated":
      return { text: "New backup codes made", tone: "neutral" };
    case "password_changed":
      return { text: "Password changed", tone: "neutral" };
    case "password_reset_requested":
      return { text: "Password reset link requested", tone: "neutral" };
    case "password_reset":
      return { text: "Password reset with an emailed link", tone: "neutral" };
    case "session_revoked":
      return { text: "A device was signed out", tone: "neutral" };
    case "terms_accepted":
      return { text: "Terms of Service and Privacy Policy accepted", tone: "neutral" };
    case "identity_connected":
      return { text: `${provider(details)} account connected`, tone: "positive" };
    case "identity_disconnected":
      return { text: `${provider(details)} account disconnected`, tone: "neutral" };
    default:
      return { text: type.replaceAll("_", " "), tone: "neutral" };
  }
}
