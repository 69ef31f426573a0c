import { z } from "@hono/zod-openapi";
import type { TransactionView } from "../../services/ledger/transaction-views.js";
import {
  CentsSchema,
  ClassificationSchema,
  IncomeMethodSchema,
  IsoDateSchema,
  LockableFieldSchema,
  NonNegativeCentsSchema,
  SourceSchema,
  someField,
  textField,
} from "./ledger-schemas.js";

export const TransactionParams = z.strictObject({ practiceId: z.uuid(), transactionId: z.uuid() });

export const SplitSchema = z.strictObject({
  amountCents: CentsSchema,
  payerId: z.uuid().nullable().optional().openapi({ description: "For income: the payer of this part" }),
  categoryId: z
    .uuid()
    .nullable()
    .optional()
    .openapi({ description: "For an expense: the category of this part" }),
  memo: textField(500).nullable().optional(),
});
export const SplitsSchema = z.array(SplitSchema).max(50);

const fields = {
  accountId: z.uuid(),
  date: IsoDateSchema,
  amountCents: CentsSchema,
  description: textField(500).optional(),
  memo: textField(2000).nullable().optional(),
  classification: ClassificationSchema.optional(),
  payerId: z.uuid().nullable().optional().openapi({ description: "Income only" }),
  categoryId: z.uuid().nullable().optional().openapi({ description: "Expenses only" }),
  method: IncomeMethodSchema.nullable().optional().openapi({ description: "Income only" }),
  sessionsCount: z.int().min(0).max(10_000).nullable().optional().openapi({ description: "Income only" }),
  processorFeeCents: NonNegativeCentsSchema.nullable()
    .optional()
    .openapi({ description: "Income only: what the processor kept; amountCents is what arrived" }),
  vendor: textField(200).nullable().optional(),
};

export const CreateTransactionBody = z.strictObject({ ...fields, splits: SplitsSchema.optional() });

export const UpdateTransactionBody = someField(
  z.strictObject({
    accountId: fields.accountId.optional(),
    date: fields.date.optional(),
    amountCents: fields.amountCents.optional(),
    description: fields.description,
    memo: fields.memo,
    classification: fields.classification,
    payerId: fields.payerId,
    categoryId: fields.categoryId,
    method: fields.method,
    sessionsCount: fields.sessionsCount,
    processorFeeCents: fields.processorFeeCents,
    vendor: fields.vendor,
    unlockFields: z
      .array(LockableFieldSchema)
      .max(6)
      .optional()
      .openapi({ description: "Hand these fields back to rules and bank sync" }),
  }),
);

export const ReplaceSplitsBody = z.strictObject({
  splits: SplitsSchema,
  amountCents: CentsSchema.optional().openapi({
    description: "A new amount for the transaction, if it changes too",
  }),
});

export const ListTransactionsQuery = z.strictObject({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  accountId: z.uuid().optional(),
  payerId: z.uuid().optional(),
  categoryId: z.uuid().optional(),
  classification: ClassificationSchema.optional(),
  q: textField(100).optional().openapi({ description: "Text in the description, memo or vendor" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().openapi({ description: "The nextCursor of the previous page" }),
});

export const TransactionSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    date: z.string(),
    amountCents: z.number().int(),
    description: z.string(),
    memo: z.string().nullable(),
    classification: ClassificationSchema,
    payerId: z.uuid().nullable(),
    categoryId: z.uuid().nullable(),
    method: IncomeMethodSchema.nullable(),
    sessionsCount: z.number().int().nullable(),
    processorFeeCents: z.number().int().nullable(),
    vendor: z.string().nullable(),
    lockedFields: z.array(LockableFieldSchema),
    source: SourceSchema,
    bankId: z.string().nullable().openapi({ description: "The bank's own id for the row (OFX FITID)" }),
    importBatchId: z.uuid().nullable().openapi({ description: "The statement import that added it" }),
    transferPairId: z.uuid().nullable().openapi({ description: "The other side of a transfer" }),
    createdBy: z.uuid().nullable(),
    splits: z.array(
      z.object({
        id: z.uuid(),
        amountCents: z.number().int(),
        payerId: z.uuid().nullable(),
        categoryId: z.uuid().nullable(),
        memo: z.string().nullable(),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Transaction");

export const TransactionAnswer = z.object({ transaction: TransactionSchema });

/** The view as the response schema types it (lock names are checked on the way in). */
export function transactionJson(view: TransactionView): z.infer<typeof TransactionSchema> {
  return view;
}
