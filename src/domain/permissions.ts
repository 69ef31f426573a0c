/**
 * Who may do what in a practice: the one policy table. Routes name a permission; the route
 * table test checks every route against this table; docs/SECURITY.md renders it
 * (`npm run docs:policy`).
 */
export const ROLE_NAMES = ["owner", "admin", "user"] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

const EVERYONE: readonly RoleName[] = ["owner", "admin", "user"];
const MANAGERS: readonly RoleName[] = ["owner", "admin"];
const OWNER: readonly RoleName[] = ["owner"];

export const PERMISSIONS = {
  "practice.read": { roles: EVERYONE, what: "See the practice and switch to it" },
  "ledger.read": { roles: EVERYONE, what: "Read transactions, accounts, payers and categories" },
  "ledger.write": {
    roles: EVERYONE,
    what: "Enter, edit, split and classify transactions; log mileage; reconcile accounts",
  },
  "imports.manage": { roles: EVERYONE, what: "Import statements and undo imports" },
  "rules.manage": { roles: EVERYONE, what: "Write and apply categorization rules" },
  "reports.read": { roles: EVERYONE, what: "Read reports and the dashboard; export them" },
  "members.read": { roles: MANAGERS, what: "See members, their roles and the practice's events" },
  "audit.read": {
    roles: MANAGERS,
    what: "Read the ledger's audit trail: who changed which transaction, before and after",
  },
  "members.manage": { roles: MANAGERS, what: "Change roles below Owner, remove members" },
  "invitations.manage": { roles: MANAGERS, what: "Invite, re-send and revoke invitations" },
  "settings.manage": {
    roles: MANAGERS,
    what: "Change the practice's name and time zone; close and reopen tax years; choose the vehicle method",
  },
  "accounts.manage": { roles: MANAGERS, what: "Add, change and remove bank and cash accounts" },
  "payers.manage": { roles: MANAGERS, what: "Manage payers and their contracted rates" },
  "categories.manage": { roles: MANAGERS, what: "Manage categories and their Schedule C lines" },
  "bank.manage": { roles: MANAGERS, what: "Link, re-authenticate and remove bank connections" },
  "security.manage": { roles: OWNER, what: "Require two-factor authentication for every member" },
  "billing.manage": { roles: OWNER, what: "Choose a plan, pay, open the billing portal" },
  "practice.delete": { roles: OWNER, what: "Delete the practice and all its data" },
  "ownership.transfer": { roles: OWNER, what: "Make another member the Owner" },
  "tax.profile": {
    roles: OWNER,
    what: "See and edit the personal tax profile, recorded tax payments and the quarterly plan",
  },
} as const satisfies Record<string, { roles: readonly RoleName[]; what: string }>;

export type Permission = keyof typeof PERMISSIONS;

export function roleCan(role: RoleName, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly RoleName[]).includes(role);
}

/** Roles an Owner or Admin may give; Owner passes only by transfer. */
export const ASSIGNABLE_ROLES = ["admin", "user"] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

/** The policy table as Markdown, for docs/SECURITY.md. */
export function renderPolicyTable(): string {
  const header = "| permission | what it allows | User | Admin | Owner |\n| --- | --- | --- | --- | --- |";
  const rows = Object.entries(PERMISSIONS).map(([name, p]) => {
    const mark = (r: RoleName) => ((p.roles as readonly RoleName[]).includes(r) ? "yes" : "—");
    return `| \`${name}\` | ${p.what} | ${mark("user")} | ${mark("admin")} | ${mark("owner")} |`;
  });
  return [header, ...rows].join("\n");
}
