import type { Classification, IncomeMethod, LockableField, TransactionAuditEntry } from "../ledger-queries";
import { formatMoney, formatSignedMoney } from "../money";
import { CLASSIFICATION_LABELS, LOCK_LABELS, METHOD_LABELS } from "./labels";
import type { Lookups } from "./ledger-lookups";

/** One line of the trail: a field, what it was and what it became (either may be absent). */
export type FieldChange = { field: string; before?: string; after?: string };

const FIELD_LABELS: Record<string, string> = {
  date: "Date",
  amountCents: "Amount",
  accountId: "Account",
  classification: "Classification",
  payerId: "Payer",
  categoryId: "Category",
  description: "Description",
  vendor: "Vendor",
  method: "Method",
  sessionsCount: "Sessions",
  processorFeeCents: "Processor fee",
  memo: "Memo",
  splits: "Split",
  lockedFields: "Locked fields",
};

/** The fields in the order they are read; bookkeeping (ids, creator, source) is left out. */
const SHOWN = Object.keys(FIELD_LABELS);

type Split = { amountCents?: unknown; payerId?: unknown; categoryId?: unknown };

const NONE = "—";

function text(field: string, value: unknown, lookups: Lookups): string {
  if (value === null || value === undefined || value === "") return NONE;
  const id = typeof value === "string" ? value : null;
  switch (field) {
    case "amountCents":
      return typeof value === "number" ? formatSignedMoney(value) : String(value);
    case "processorFeeCents":
      return typeof value === "number" ? formatMoney(value) : String(value);
    case "accountId":
      return id ? lookups.accountName(id) : NONE;
    case "payerId":
      return lookups.payerName(id);
    case "categoryId":
      return lookups.categoryName(id);
    case "classification":
      return CLASSIFICATION_LABELS[value as Classification] ?? String(value);
    case "method":
      return METHOD_LABELS[value as IncomeMethod] ?? String(value);
    case "lockedFields":
      return Array.isArray(value) && value.length > 0
        ? value.map((f) => LOCK_LABELS[f as LockableField] ?? String(f)).join(", ")
        : "none";
    case "splits":
      return Array.isArray(value) && value.length > 0 ? splitText(value as Split[], lookups) : "none";
    default:
      return String(value);
  }
}

function splitText(splits: Split[], lookups: Lookups): string {
  return splits
    .map((s) => {
      const name =
        typeof s.payerId === "string"
          ? lookups.payerName(s.payerId)
          : lookups.categoryName(typeof s.categoryId === "string" ? s.categoryId : null);
      return `${name} ${typeof s.amountCents === "number" ? formatSignedMoney(s.amountCents) : ""}`.trim();
    })
    .join("; ");
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What an entry changed, in words. A creation lists what was recorded, a deletion what was
 * removed, an update only the fields whose value differs (a bulk reassignment stores just those).
 */
export function changesOf(entry: TransactionAuditEntry, lookups: Lookups): FieldChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = SHOWN.filter((f) => f in before || f in after);
  const out: FieldChange[] = [];
  for (const field of fields) {
    const label = FIELD_LABELS[field] ?? field;
    if (entry.action === "create") {
      const value = text(field, after[field], lookups);
      if (value !== NONE && field !== "lockedFields") out.push({ field: label, after: value });
    } else if (entry.action === "delete") {
      const value = text(field, before[field], lookups);
      if (value !== NONE && field !== "lockedFields") out.push({ field: label, before: value });
    } else if (!same(before[field], after[field])) {
      out.push({
        field: label,
        before: text(field, before[field], lookups),
        after: text(field, after[field], lookups),
      });
    }
  }
  return out;
}

export function whoChanged(entry: TransactionAuditEntry): string {
  if (entry.origin === "rule") return "A categorization rule";
  if (entry.origin === "bank") return "Bank sync";
  return entry.changedByEmail ?? "A former member";
}

export const ACTION_LABELS: Record<TransactionAuditEntry["action"], string> = {
  create: "Recorded",
  update: "Changed",
  delete: "Deleted",
};
