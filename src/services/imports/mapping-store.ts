import { and, eq } from "drizzle-orm";
import { importMappings } from "../../db/schema/imports.js";
import { type CsvMapping, readStoredCsvMapping } from "../../domain/import/csv-mapping.js";
import type { Executor } from "../ledger/ledger-db.js";

/** The CSV mapping last used for the account, or null (none, or one that no longer validates). */
export async function loadSavedMapping(
  db: Executor,
  practiceId: string,
  accountId: string,
): Promise<CsvMapping | null> {
  const [row] = await db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(and(eq(importMappings.practiceId, practiceId), eq(importMappings.accountId, accountId)));
  return row ? readStoredCsvMapping(row.mapping) : null;
}

/** Remembers the mapping a commit used, for the account's next file. */
export async function saveMapping(
  tx: Executor,
  input: { practiceId: string; accountId: string; userId: string; mapping: CsvMapping },
): Promise<void> {
  const values = {
    accountId: input.accountId,
    practiceId: input.practiceId,
    mapping: input.mapping as unknown as Record<string, unknown>,
    updatedBy: input.userId,
    updatedAt: new Date(),
  };
  await tx
    .insert(importMappings)
    .values(values)
    .onConflictDoUpdate({
      target: importMappings.accountId,
      set: { mapping: values.mapping, updatedBy: values.updatedBy, updatedAt: values.updatedAt },
    });
}
