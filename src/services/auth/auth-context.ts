import type { AppDeps } from "../../http/app-env.js";
import type { RequestOrigin } from "../security-events.js";

/** What an account use case needs: the app's dependencies and who is asking from where. */
export type AuthContext = { deps: AppDeps; origin: RequestOrigin };

export const LOGIN_LIMITS = {
  /** Failed sign-ins per account before it is locked for the window (documented in SECURITY.md). */
  perAccount: { limit: 10, windowSeconds: 15 * 60 },
  /** Sign-in attempts per IP address in the window, across all accounts. */
  perIp: { limit: 100, windowSeconds: 15 * 60 },
} as const;

export const REGISTER_LIMIT_PER_IP = { limit: 10, windowSeconds: 3600 } as const;
export const FORGOT_LIMITS = {
  perEmail: { limit: 3, windowSeconds: 3600 },
  perIp: { limit: 20, windowSeconds: 3600 },
} as const;
export const VERIFY_RESEND_LIMIT = { limit: 5, windowSeconds: 3600 } as const;
/** Wrong codes per challenge (sign-in); the challenge ends after these. */
export const MFA_MAX_ATTEMPTS = 5;
/** Wrong codes per account across challenges and settings pages, in the window. */
export const MFA_ACCOUNT_LIMIT = { limit: 10, windowSeconds: 15 * 60 } as const;

/** The names of the rate-limit counters, in one place (account deletion removes a user's). */
export const limitKeys = {
  loginAccount: (email: string) => `login:account:${email}`,
  loginIp: (ip: string) => `login:ip:${ip}`,
  registerIp: (ip: string) => `register:ip:${ip}`,
  forgotEmail: (email: string) => `forgot:email:${email}`,
  forgotIp: (ip: string) => `forgot:ip:${ip}`,
  verifyResend: (userId: string) => `verify-resend:${userId}`,
  mfaAccount: (userId: string) => `mfa:account:${userId}`,
  practiceInvitations: (practiceId: string) => `invitations:practice:${practiceId}`,
};
