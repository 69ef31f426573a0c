import type { Permission } from "../domain/permissions.js";

/**
 * Who may call a route. Every API route declares one of these next to its schemas
 * (see define-route.ts); the route-table test fails for a route without one.
 *
 * - public: anyone, signed in or not.
 * - session: a signed-in person whose sign-in is complete.
 * - practice: a member of the practice named by the `{practiceId}` path parameter whose role
 *   has `permission` (domain/permissions.ts). Anyone else gets 404, as if it did not exist.
 *
 * `allowPending` lets a session that still owes its second factor through (the MFA step, CSRF,
 * sign-out); `allowEnrolment` lets a session limited to two-factor enrolment through (because
 * a practice requires 2FA and the person has none yet).
 */
export type AccessPolicy =
  | { access: "public"; allowPending?: boolean; allowEnrolment?: boolean }
  | { access: "session"; allowPending?: boolean; allowEnrolment?: boolean }
  | { access: "practice"; permission: Permission };
