/**
 * The token of an invitation link is kept in sessionStorage while its recipient signs in or
 * creates an account, so the invitation page can pick it up again when they come back. It
 * stays in this tab only, and goes once the invitation is accepted or found invalid.
 */
const KEY = "therapyledger.invitation-token";

export const INVITATION_PAGE = "/invitations/accept";

export function keepInvitationToken(token: string): void {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // Storage can be switched off; the link itself still works when opened again.
  }
}

export function findInvitationToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function forgetInvitationToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}
