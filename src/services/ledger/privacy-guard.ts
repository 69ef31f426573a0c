import { redactCounterparty } from "../../domain/privacy/redact-counterparty.js";

/**
 * The privacy guard on the ledger's write path (issue 6, decision 0013): every description,
 * memo and vendor a transaction is given — typed by hand, imported, or sent by bank sync —
 * passes through redactCounterparty before it is stored, so a client's name in a person-to-person
 * payment ("Zelle payment from …") becomes "[client]". Text without such wording is unchanged.
 */
export function guardText(text: string): string {
  return redactCounterparty(text).text;
}

type FreeText = {
  description?: string | undefined;
  memo?: string | null | undefined;
  vendor?: string | null | undefined;
};

/** The same fields with description, memo and vendor guarded; absent ones stay absent. */
export function guardFreeText<T extends FreeText>(fields: T): T {
  const out = { ...fields };
  if (typeof out.description === "string") out.description = guardText(out.description);
  if (typeof out.memo === "string") out.memo = guardText(out.memo);
  if (typeof out.vendor === "string") out.vendor = guardText(out.vendor);
  return out;
}
