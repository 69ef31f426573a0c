/**
 * Field locks: a person's manual edit of a field wins over automation. Editing a lockable field
 * by hand adds it to the transaction's `locked_fields`; rules and bank sync then leave it alone.
 */
export const LOCKABLE_FIELDS = [
  "classification",
  "payer",
  "category",
  "description",
  "date",
  "amount",
] as const;
export type LockableField = (typeof LOCKABLE_FIELDS)[number];

/** The transaction property each lock guards. */
export const LOCKED_PROPERTY = {
  classification: "classification",
  payer: "payerId",
  category: "categoryId",
  description: "description",
  date: "date",
  amount: "amountCents",
} as const satisfies Record<LockableField, string>;

export type LockedProperty = (typeof LOCKED_PROPERTY)[LockableField];

const LOCK_OF_PROPERTY = Object.fromEntries(
  Object.entries(LOCKED_PROPERTY).map(([lock, property]) => [property, lock]),
) as Record<LockedProperty, LockableField>;

export function lockOf(property: string): LockableField | undefined {
  return LOCK_OF_PROPERTY[property as LockedProperty];
}

/** The union of two lock sets, in the canonical order, without repeats. */
export function withLocks(current: readonly string[], added: Iterable<LockableField>): LockableField[] {
  const set = new Set<string>([...current, ...added]);
  return LOCKABLE_FIELDS.filter((f) => set.has(f));
}

export function withoutLocks(current: readonly string[], removed: Iterable<LockableField>): LockableField[] {
  const gone = new Set<string>(removed);
  return LOCKABLE_FIELDS.filter((f) => current.includes(f) && !gone.has(f));
}

/** An automated change to the lockable properties of a transaction. */
export type AutomatedChange = Partial<{
  classification: string;
  payerId: string | null;
  categoryId: string | null;
  description: string;
  date: string;
  amountCents: number;
}>;

/** Splits an automated change into what it may apply and the locked fields it must skip. */
export function partitionAutomatedChange<T extends AutomatedChange>(
  locked: readonly string[],
  change: T,
): { allowed: Partial<T>; skipped: LockableField[] } {
  const allowed: Partial<T> = {};
  const skipped: LockableField[] = [];
  for (const key of Object.keys(change) as (keyof T & string)[]) {
    if (change[key] === undefined) continue;
    const lock = lockOf(key);
    if (lock && locked.includes(lock)) skipped.push(lock);
    else allowed[key] = change[key];
  }
  return { allowed, skipped };
}
