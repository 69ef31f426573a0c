import {
  ASSIGNABLE_ROLES,
  type AssignableRole,
  PERMISSIONS,
  type Permission,
  type RoleName,
  roleCan,
} from "@domain/permissions";

export type { AssignableRole, Permission, RoleName };
export { ASSIGNABLE_ROLES };

/**
 * What a role may do, from the server's own policy table (src/domain/permissions.ts). The web
 * app uses it only to hide what a person cannot do; the server enforces it on every request.
 */
export function can(role: RoleName, permission: Permission): boolean {
  return roleCan(role, permission);
}

export const ROLE_LABELS: Record<RoleName, string> = { owner: "Owner", admin: "Admin", user: "User" };

/** One line per role, for role pickers and the overview. */
export const ROLE_SUMMARIES: Record<RoleName, string> = {
  owner: "Runs the practice: billing, security, ownership and everything an Admin can do.",
  admin: "Manages members, invitations, settings, accounts, payers and categories.",
  user: "Enters, imports and categorizes transactions, writes rules and reads reports.",
};

/** The sentences of the policy table this role is allowed, in the table's order. */
export function describeAllowedActions(role: RoleName): string[] {
  return (Object.keys(PERMISSIONS) as Permission[])
    .filter((permission) => roleCan(role, permission))
    .map((permission) => PERMISSIONS[permission].what);
}

/** "You are the Owner", "You are an Admin", "You are a User". */
export const ROLE_WITH_ARTICLE: Record<RoleName, string> = {
  owner: "the Owner",
  admin: "an Admin",
  user: "a User",
};
