import { ROLE_LABELS, type RoleName } from "./permissions";
import type { PracticeEvent } from "./practice-queries";

function roleName(value: unknown): string {
  return typeof value === "string" && value in ROLE_LABELS ? ROLE_LABELS[value as RoleName] : "a new role";
}

function text(value: unknown, fallback: string): string {
  return typeof value === "string" && value.length > 0 ? value : fallback;
}

function yearName(value: unknown): string {
  return typeof value === "number" ? `tax year ${value}` : "a tax year";
}

/**
 * One event of the practice's log as a sentence: "ana@… invited ben@… as Admin".
 * Accounts deleted since have no address any more, hence the fallbacks.
 */
export function describeEvent(event: PracticeEvent): string {
  const actor = event.actorEmail ?? "A former member";
  const subject = event.subjectEmail ?? "a former member";
  const details = event.details ?? {};
  switch (event.type) {
    case "practice_created":
      return `${actor} created the practice`;
    case "practice_updated": {
      const changed = [
        typeof details.name === "string" ? `the name to “${details.name}”` : undefined,
        typeof details.timeZone === "string" ? `the time zone to ${details.timeZone}` : undefined,
      ].filter(Boolean);
      return changed.length > 0
        ? `${actor} changed ${changed.join(" and ")}`
        : `${actor} changed the settings`;
    }
    case "two_factor_requirement_changed":
      return details.requireTwoFactor === true
        ? `${actor} required two-factor authentication for every member`
        : `${actor} stopped requiring two-factor authentication`;
    case "member_invited":
      return `${actor} invited ${text(details.email, "someone")} as ${roleName(details.role)}`;
    case "invitation_resent":
      return `${actor} re-sent the invitation to ${text(details.email, "someone")}`;
    case "invitation_revoked":
      return `${actor} revoked the invitation to ${text(details.email, "someone")}`;
    case "member_joined":
      return `${event.subjectEmail ?? actor} joined as ${roleName(details.role)}`;
    case "member_role_changed":
      return `${actor} changed ${subject}’s role from ${roleName(details.from)} to ${roleName(details.to)}`;
    case "member_removed":
      return `${actor} removed ${subject} from the practice`;
    case "member_left":
      return `${actor} left the practice`;
    case "ownership_transferred":
      return `${actor} made ${subject} the Owner`;
    case "year_closed":
      return `${actor} closed ${yearName(details.year)}: its transactions cannot change until it is reopened`;
    case "year_reopened":
      return `${actor} reopened ${yearName(details.year)}`;
    default:
      return `${actor}: ${event.type.replaceAll("_", " ")}`;
  }
}
