import { ApiRequestError } from "../../../api/client";
import { PracticeApiError } from "../../practice/api-result";
import type { Classification, IncomeMethod, Transaction } from "../ledger-queries";
import { centsToInput, parseAmount } from "../money";
import { type Direction, directionOf, signedCents, USUAL_DIRECTION } from "./labels";
import type { CreateTransactionBody, UpdateTransactionBody } from "./transaction-mutations";

/**
 * What a transaction form holds, as typed: text for amounts and counts, "" for "none". The
 * amount is a magnitude; `direction` gives it its sign, so nobody has to type a minus sign.
 */
export type Draft = {
  classification: Classification;
  direction: Direction;
  date: string;
  amount: string;
  accountId: string;
  payerId: string;
  categoryId: string;
  method: IncomeMethod | "";
  sessions: string;
  fee: string;
  vendor: string;
  description: string;
  memo: string;
};

export type DraftField = keyof Draft;
export type DraftErrors = Partial<Record<DraftField, string>>;

export function emptyDraft(input: {
  date: string;
  accountId: string;
  classification: Classification;
}): Draft {
  return {
    classification: input.classification,
    direction: USUAL_DIRECTION[input.classification],
    date: input.date,
    amount: "",
    accountId: input.accountId,
    payerId: "",
    categoryId: "",
    method: "",
    sessions: "",
    fee: "",
    vendor: "",
    description: "",
    memo: "",
  };
}

/** The form's copy of a saved transaction, for editing it. */
export function draftOf(t: Transaction): Draft {
  return {
    classification: t.classification,
    direction: directionOf(t.amountCents),
    date: t.date,
    amount: centsToInput(t.amountCents),
    accountId: t.accountId,
    payerId: t.payerId ?? "",
    categoryId: t.categoryId ?? "",
    method: t.method ?? "",
    sessions: t.sessionsCount === null ? "" : String(t.sessionsCount),
    fee: t.processorFeeCents === null ? "" : centsToInput(t.processorFeeCents),
    vendor: t.vendor ?? "",
    description: t.description,
    memo: t.memo ?? "",
  };
}

type Classified = Pick<
  UpdateTransactionBody,
  "payerId" | "categoryId" | "method" | "sessionsCount" | "processorFeeCents"
>;

type Read =
  | {
      ok: true;
      fields: Required<Pick<CreateTransactionBody, "accountId" | "date" | "amountCents">> & Classified;
    }
  | { ok: false; errors: DraftErrors };

/** The amount is a magnitude: the direction, not a minus sign, says which way the money went. */
export const UNSIGNED = "Type the amount without a minus sign; “Money in or out” sets the direction.";

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks a draft the way the API will, so most mistakes show at once and under their field;
 * `split` says the transaction names its payers or categories in its splits instead.
 */
function readDraft(draft: Draft, split: boolean): Read {
  const errors: DraftErrors = {};
  if (!DATE_PATTERN.test(draft.date)) errors.date = "Enter the date, like 2025-03-31.";
  if (draft.accountId === "") errors.accountId = "Choose the account the money moved in.";
  const amount = parseAmount(draft.amount, { negativeMessage: UNSIGNED });
  if (!amount.ok) errors.amount = amount.message;

  const classified: Classified = {};
  if (draft.classification === "income") {
    if (draft.payerId === "" && !split) errors.payerId = "Choose who paid.";
    if (draft.payerId !== "" || !split) classified.payerId = draft.payerId || null;
    classified.method = draft.method || null;
    const sessions = draft.sessions.trim();
    if (sessions !== "" && !/^\d{1,5}$/.test(sessions)) {
      errors.sessions = "Enter a whole number of sessions, or leave it empty.";
    } else if (Number(sessions) > 10_000) {
      errors.sessions = "That is more than 10,000 sessions.";
    }
    classified.sessionsCount = sessions === "" ? null : Number(sessions);
    if (draft.fee.trim() !== "") {
      const fee = parseAmount(draft.fee, { label: "The processor fee", allowZero: true });
      if (fee.ok) classified.processorFeeCents = fee.cents;
      else errors.fee = fee.message;
    } else {
      classified.processorFeeCents = null;
    }
  }
  if (draft.classification === "expense") {
    if (draft.categoryId === "" && !split) errors.categoryId = "Choose a category.";
    if (draft.categoryId !== "" || !split) classified.categoryId = draft.categoryId || null;
  }
  if (Object.keys(errors).length > 0 || !amount.ok) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      accountId: draft.accountId,
      date: draft.date,
      amountCents: signedCents(amount.cents, draft.direction),
      ...classified,
    },
  };
}

const text = (value: string) => value.trim();
const textOrNull = (value: string) => value.trim() || null;

/** The body of POST …/transactions, or the problems to show. */
export function createBodyOf(
  draft: Draft,
): { ok: true; body: CreateTransactionBody } | { ok: false; errors: DraftErrors } {
  const read = readDraft(draft, false);
  if (!read.ok) return read;
  const body: CreateTransactionBody = {
    ...read.fields,
    classification: draft.classification,
    memo: textOrNull(draft.memo),
  };
  // Only what the chosen kind shows is sent: a vendor typed before switching to Income is not.
  if (draft.classification === "expense" && text(draft.vendor)) body.vendor = text(draft.vendor);
  const described = draft.classification !== "income" && draft.classification !== "expense";
  if (described && text(draft.description)) body.description = text(draft.description);
  return { ok: true, body };
}

/** The body of PATCH …/transactions/{id}: every field of the class, so what was cleared is cleared. */
export function updateBodyOf(
  draft: Draft,
  split: boolean,
): { ok: true; body: UpdateTransactionBody } | { ok: false; errors: DraftErrors } {
  const read = readDraft(draft, split);
  if (!read.ok) return read;
  return {
    ok: true,
    body: {
      ...read.fields,
      classification: draft.classification,
      description: text(draft.description),
      vendor: textOrNull(draft.vendor),
      memo: textOrNull(draft.memo),
    },
  };
}

/** The draft field each API field problem belongs under. */
const FIELD_OF_PATH: Record<string, DraftField> = {
  accountId: "accountId",
  date: "date",
  amountCents: "amount",
  classification: "classification",
  payerId: "payerId",
  categoryId: "categoryId",
  method: "method",
  sessionsCount: "sessions",
  processorFeeCents: "fee",
  vendor: "vendor",
  description: "description",
  memo: "memo",
};

/**
 * The server's answer, placed where the person will look: field problems under their fields,
 * a closed year under the date. `rest` is true when something is left for the form's own
 * alert (a message no field explains).
 */
export function errorsFromServer(error: unknown): { fields: DraftErrors; rest: boolean } {
  const fields: DraftErrors = {};
  if (error instanceof PracticeApiError) {
    for (const problem of error.fieldProblems) {
      const field = FIELD_OF_PATH[problem.path];
      if (field && !fields[field]) fields[field] = problem.message;
    }
    if (error.code === "validation_failed" && error.fieldProblems.length > 0) {
      const placed = error.fieldProblems.every((p) => FIELD_OF_PATH[p.path] !== undefined);
      return { fields, rest: !placed };
    }
  }
  if (error instanceof ApiRequestError && error.code === "period_closed") {
    fields.date = "This date is in a closed year.";
  }
  return { fields, rest: true };
}
