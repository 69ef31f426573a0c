import type { StatementFormat } from "../../db/schema/imports.js";
import { type OfxAccount, type OfxBalance, parseOfxBytes } from "../../domain/import/ofx.js";
import { statementError } from "../../domain/import/statement-error.js";
import type { ImportAccount, StatementSource } from "./statement-source.js";
import { bytesOf, type Upload } from "./upload.js";

/** What an OFX or QFX file says of the account it is for, shown in the preview. */
export type OfxStatementInfo = {
  kind: "bank" | "credit_card";
  accountType: string | null;
  accountLast4: string | null;
  startDate: string | null;
  endDate: string | null;
  ledgerBalance: OfxBalance | null;
};

function describe(account: OfxAccount): string {
  return account.accountIdLast4 ? `…${account.accountIdLast4}` : "an unnumbered account";
}

/**
 * The statement in the file that belongs to the ledger account: the only one, or the one whose
 * account number ends in the account's last four digits. A file for several accounts that
 * cannot be told apart is refused, naming them.
 */
function chooseAccount(accounts: readonly OfxAccount[], account: ImportAccount): OfxAccount {
  const [only] = accounts;
  if (accounts.length === 1 && only) return only;
  const matching = accounts.filter((a) => account.last4 !== null && a.accountIdLast4 === account.last4);
  const [match] = matching;
  if (matching.length === 1 && match) return match;
  throw statementError(
    null,
    `the file holds statements for ${accounts.length} accounts (${accounts.map(describe).join(", ")}) and ` +
      `none is the only one ending in this account's last four digits${account.last4 ? ` (${account.last4})` : ""}. ` +
      "Give the account its last four digits, or download one account per file.",
  );
}

export function openOfxStatement(
  upload: Upload,
  format: Exclude<StatementFormat, "csv">,
  account: ImportAccount,
): StatementSource {
  const parsed = parseOfxBytes(bytesOf(upload));
  const chosen = chooseAccount(parsed.accounts, account);
  const notes: string[] = [];
  if (account.last4 && chosen.accountIdLast4 && account.last4 !== chosen.accountIdLast4) {
    notes.push(
      `The file is for the account ending ${chosen.accountIdLast4}, but "${account.name}" ends ${account.last4}: check that this is the right account.`,
    );
  }
  if (chosen.currency && chosen.currency !== "USD") {
    notes.push(`The statement is in ${chosen.currency}; amounts are imported as they are written.`);
  }
  const transactions = chosen.transactions;
  return {
    format,
    mapping: null,
    mappingSource: null,
    notes,
    columns: [],
    sample: [],
    statement: {
      kind: chosen.kind,
      accountType: chosen.accountType,
      accountLast4: chosen.accountIdLast4,
      startDate: chosen.startDate,
      endDate: chosen.endDate,
      ledgerBalance: chosen.ledgerBalance,
    },
    rows: async function* () {
      for (const { line, date, amountCents, description, bankId } of transactions) {
        yield { line, date, amountCents, description, bankId };
      }
    },
  };
}
