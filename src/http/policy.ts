/**
 * Who may call a route. Every API route declares one of these next to its schemas
 * (see define-route.ts); the route-table test fails for a route without one.
 *
 * - public: anyone, signed in or not.
 * - session: a signed-in person whose sign-in is complete (second factor done).
 *   `allowPending` lets a session that still owes its second factor through (the MFA step,
 *   CSRF, sign-out).
 */
export type AccessPolicy =
  | { access: "public"; allowPending?: boolean }
  | { access: "session"; allowPending?: boolean };

export function describePolicy(policy: AccessPolicy): string {
  switch (policy.access) {
    case "public":
      return "public";
    case "session":
      return policy.allowPending ? "signed in (second factor may be pending)" : "signed in";
  }
}
