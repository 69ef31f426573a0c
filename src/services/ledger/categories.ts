import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { categories } from "../../db/schema/ledger.js";
import { PRESET_CATEGORIES, type ScheduleCLineCode } from "../../domain/ledger/schedule-c.js";
import { ApiError } from "../../http/errors.js";
import { isUniqueViolation } from "../auth/users.js";
import { type Executor, given, type LedgerActor, notFoundIn } from "./ledger-db.js";
import { countUsage, deleteReassigning } from "./reassign.js";

export type CategoryInput = { name: string; scheduleCLine: ScheduleCLineCode };
export type CategoryPatch = Partial<CategoryInput> & { archived?: boolean | undefined };
type CategoryRow = typeof categories.$inferSelect;

async function catchNameTaken<T>(name: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ApiError(
        409,
        "conflict",
        `A category named "${name ?? ""}" already exists in this practice.`,
      );
    }
    throw error;
  }
}

/**
 * Adds the preset chart's categories the practice lacks (all of them for a new practice). A
 * preset whose name the practice already uses for a category of its own is skipped.
 */
export async function addPresetCategories(tx: Executor, practiceId: string): Promise<number> {
  const added = await tx
    .insert(categories)
    .values(
      PRESET_CATEGORIES.map((p) => ({ practiceId, name: p.name, scheduleCLine: p.line, presetKey: p.key })),
    )
    .onConflictDoNothing()
    .returning({ id: categories.id });
  return added.length;
}

export async function listCategories(db: Db, practiceId: string, options: { includeArchived: boolean }) {
  const rows = await db
    .select()
    .from(categories)
    .where(
      and(
        eq(categories.practiceId, practiceId),
        options.includeArchived ? undefined : isNull(categories.archivedAt),
      ),
    )
    .orderBy(asc(categories.scheduleCLine), asc(categories.name));
  const usage = await countUsage(db, "category", practiceId);
  return rows.map((r) => ({ ...r, transactionCount: usage.get(r.id) ?? 0 }));
}

export async function createCategory(db: Db, practiceId: string, input: CategoryInput): Promise<CategoryRow> {
  const [row] = await catchNameTaken(input.name, () =>
    db
      .insert(categories)
      .values({ practiceId, ...input })
      .returning(),
  );
  if (!row) throw new Error("category insert returned no row");
  return row;
}

/** Renames, re-maps or archives a category; presets too (they are only never deleted). */
export async function updateCategory(
  db: Db,
  practiceId: string,
  categoryId: string,
  patch: CategoryPatch,
): Promise<CategoryRow> {
  const { archived, ...fields } = patch;
  const set = {
    ...given(fields),
    ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }),
  };
  const where = and(eq(categories.practiceId, practiceId), eq(categories.id, categoryId));
  const [row] =
    Object.keys(set).length === 0
      ? await db.select().from(categories).where(where)
      : await catchNameTaken(patch.name, () => db.update(categories).set(set).where(where).returning());
  if (!row) throw notFoundIn("category");
  return row;
}

export async function deleteCategory(db: Db, actor: LedgerActor, categoryId: string, reassignTo?: string) {
  return deleteReassigning(db, actor, "category", categoryId, reassignTo);
}
