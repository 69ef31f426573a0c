/**
 * OFX / QFX statements → accounts with their transactions. Reads bank statements (BANKMSGSRSV1 /
 * STMTRS) and card statements (CREDITCARDMSGSRSV1 / CCSTMTRS); each STMTTRN becomes a
 * StatementRow whose bankId is its FITID, the id the bank promises never to reuse, so a
 * re-downloaded overlap is recognised exactly. TRNAMT is already signed from the account
 * holder's side for both kinds (a card charge is negative), which is the ledger's convention, so
 * it is kept as is. DTPOSTED's date is taken as written; its time and zone are ignored. The
 * statement's ledger balance and the account's last four characters come along for
 * reconciliation. Problems are gathered and thrown together, as for CSV.
 */

import { parseStatementAmount } from "./amounts.js";
import { toIsoDate } from "./dates.js";
import { decodeStatementBytes } from "./decode.js";
import { childText, findAll, findChild, type OfxNode, parseOfxTree } from "./ofx-tree.js";
import { StatementProblems } from "./statement-error.js";
import { cleanDescription, type StatementRow } from "./statement-row.js";

export type OfxTransaction = StatementRow & {
  bankId: string;
  type: string | null;
  checkNumber: string | null;
};

export type OfxBalance = { amountCents: number; asOf: string };

export type OfxAccount = {
  kind: "bank" | "credit_card";
  /** BANKACCTFROM's ACCTTYPE (CHECKING, SAVINGS, MONEYMRKT, CREDITLINE…); null for cards. */
  accountType: string | null;
  accountIdLast4: string | null;
  currency: string | null;
  startDate: string | null;
  endDate: string | null;
  ledgerBalance: OfxBalance | null;
  availableBalance: OfxBalance | null;
  transactions: OfxTransaction[];
};

export type OfxStatement = { version: 1 | 2; intuit: boolean; accounts: OfxAccount[] };

// YYYYMMDD, then optionally HHMMSS.XXX and a zone such as [-5:EST]; only the date is used.
const OFX_DATE = /^(\d{4})(\d{2})(\d{2})(?:\d{2}(?:\d{2}(?:\d{2}(?:\.\d{1,3})?)?)?)?\s*(?:\[[^\]]*\])?$/;

type Read<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseOfxDate(raw: string, what = "date"): Read<string> {
  const text = raw.trim();
  if (text === "") return { ok: false, message: `the ${what} is missing.` };
  const match = OFX_DATE.exec(text);
  if (!match)
    return {
      ok: false,
      message: `the ${what} "${text}" is not an OFX date (YYYYMMDD, optionally with a time).`,
    };
  const parsed = toIsoDate(text, Number(match[1]), Number(match[2]), Number(match[3]), "YYYYMMDD");
  return parsed.ok ? { ok: true, value: parsed.date } : parsed;
}

/** OFX amounts have no thousands separator, so a comma is a decimal point; "12.340" is 12.34. */
export function parseOfxAmount(raw: string, what = "amount"): Read<number> {
  const text = raw.trim();
  if (text === "") return { ok: false, message: `the ${what} is missing.` };
  const parsed = parseStatementAmount(text.replace(",", ".").replace(/(\.\d{2})0+$/, "$1"));
  if (parsed.ok) return { ok: true, value: parsed.cents };
  return { ok: false, message: `the ${what} "${text}" is not a number.` };
}

function lastFour(accountId: string | null): string | null {
  const compact = (accountId ?? "").replace(/[^0-9A-Za-z]/g, "");
  return compact === "" ? null : compact.slice(-4);
}

function readBalance(node: OfxNode | undefined, problems: StatementProblems): OfxBalance | null {
  if (!node) return null;
  const amount = parseOfxAmount(childText(node, "BALAMT") ?? "", `${node.name} amount (BALAMT)`);
  const asOf = parseOfxDate(childText(node, "DTASOF") ?? "", `${node.name} date (DTASOF)`);
  if (!amount.ok) problems.add(node.line, amount.message);
  if (!asOf.ok) problems.add(node.line, asOf.message);
  return amount.ok && asOf.ok ? { amountCents: amount.value, asOf: asOf.value } : null;
}

function describeTransaction(node: OfxNode): string {
  const name = childText(node, "NAME") ?? childText(findChild(node, "PAYEE") ?? node, "NAME") ?? "";
  const memo = childText(node, "MEMO") ?? "";
  const parts = memo !== "" && !name.includes(memo) ? [name, memo] : [name];
  return cleanDescription(parts.join(" "));
}

function readTransaction(node: OfxNode, problems: StatementProblems): OfxTransaction | null {
  const before = problems.count;
  const fitId = childText(node, "FITID")?.trim() ?? "";
  if (fitId === "") problems.add(node.line, "the transaction has no FITID (the bank's id for it).");
  const date = parseOfxDate(childText(node, "DTPOSTED") ?? "", "date (DTPOSTED)");
  if (!date.ok) problems.add(node.line, date.message);
  const amount = parseOfxAmount(childText(node, "TRNAMT") ?? "", "amount (TRNAMT)");
  if (!amount.ok) problems.add(node.line, amount.message);
  if (problems.count > before || !date.ok || !amount.ok) return null;
  return {
    line: node.line,
    date: date.value,
    amountCents: amount.value,
    description: describeTransaction(node),
    bankId: fitId,
    type: childText(node, "TRNTYPE"),
    checkNumber: childText(node, "CHECKNUM"),
  };
}

function readAccount(statement: OfxNode, problems: StatementProblems): OfxAccount {
  const isCard = statement.name === "CCSTMTRS";
  const from = findChild(statement, isCard ? "CCACCTFROM" : "BANKACCTFROM");
  const list = findChild(statement, "BANKTRANLIST");
  const transactions: OfxTransaction[] = [];
  for (const node of list ? findAll(list, "STMTTRN") : []) {
    const transaction = readTransaction(node, problems);
    if (transaction) transactions.push(transaction);
    if (problems.full) break;
  }
  const start = list ? parseOfxDate(childText(list, "DTSTART") ?? "") : null;
  const end = list ? parseOfxDate(childText(list, "DTEND") ?? "") : null;
  return {
    kind: isCard ? "credit_card" : "bank",
    accountType: isCard || !from ? null : childText(from, "ACCTTYPE"),
    accountIdLast4: lastFour(from ? childText(from, "ACCTID") : null),
    currency: childText(statement, "CURDEF"),
    startDate: start?.ok ? start.value : null,
    endDate: end?.ok ? end.value : null,
    ledgerBalance: readBalance(findChild(statement, "LEDGERBAL"), problems),
    availableBalance: readBalance(findChild(statement, "AVAILBAL"), problems),
    transactions,
  };
}

/** A response the bank marked as failed (SEVERITY ERROR, or a non-zero CODE without severity). */
function checkStatuses(root: OfxNode, problems: StatementProblems): void {
  for (const status of findAll(root, "STATUS")) {
    const code = childText(status, "CODE") ?? "0";
    const severity = (childText(status, "SEVERITY") ?? "").toUpperCase();
    if (severity === "ERROR" || (severity === "" && code !== "0")) {
      const message = childText(status, "MESSAGE");
      problems.add(status.line, `the bank reported an error (code ${code}${message ? `: ${message}` : ""}).`);
    }
  }
}

export function parseOfx(text: string): OfxStatement {
  const tree = parseOfxTree(text);
  const problems = new StatementProblems();
  const ofx = findChild(tree.root, "OFX");
  if (!ofx) problems.add(null, "the file has no <OFX> element; it is not an OFX or QFX statement.");
  else checkStatuses(ofx, problems);
  const statements = ofx ? [...findAll(ofx, "STMTRS"), ...findAll(ofx, "CCSTMTRS")] : [];
  if (ofx && statements.length === 0) {
    problems.add(null, "the file holds no bank or credit card statement (no STMTRS or CCSTMTRS).");
  }
  const accounts = statements.sort((a, b) => a.line - b.line).map((node) => readAccount(node, problems));
  problems.throwIfAny();
  const intuit = ofx !== undefined && findAll(ofx, "INTU.BID").length > 0;
  return { version: tree.version, intuit, accounts };
}

/** Decodes the bytes (UTF-8, else Windows-1252, as CHARSET:1252 files are) and parses them. */
export function parseOfxBytes(bytes: Uint8Array): OfxStatement {
  return parseOfx(decodeStatementBytes(bytes).text);
}
