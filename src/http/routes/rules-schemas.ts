import { z } from "@hono/zod-openapi";
import { RULE_CLASSIFICATIONS, RULE_DIRECTIONS } from "../../domain/rules/rule-types.js";
import type { RuleView } from "../../services/rules/rule-rows.js";
import { ClassificationSchema, IsoDateSchema, NonNegativeCentsSchema, textField } from "./ledger-schemas.js";

/**
 * Request and response pieces of the rule and inbox routes. The schemas check types and bound
 * sizes; what makes a rule savable (a valid pattern, at least one condition, an action that fits
 * its classification) is domain/rules/validate-rule.ts's, answered as 400 with field paths.
 */

// Generous bounds: the domain's own limits (200 characters of text, 500 of pattern) answer with
// clearer messages than a schema could.
const TEXT_INPUT_MAX = 1_000;

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return true;
  }
  return false;
}

/** A pattern is kept as typed (no trimming: a space can matter), without control characters. */
const PatternField = z
  .string()
  .max(TEXT_INPUT_MAX)
  .refine((s) => !hasControlCharacter(s), "Remove control characters from the pattern.")
  .openapi({ description: "An RE2 pattern (no backreferences or lookarounds), case-insensitive" });

export const conditionFields = {
  descriptionContains: textField(TEXT_INPUT_MAX)
    .optional()
    .openapi({ description: "Case-insensitive; runs of spaces count as one" }),
  descriptionStartsWith: textField(TEXT_INPUT_MAX).optional(),
  descriptionPattern: PatternField.optional(),
  amountMinCents: NonNegativeCentsSchema.optional().openapi({
    description: "Inclusive, on the amount's size",
  }),
  amountMaxCents: NonNegativeCentsSchema.optional().openapi({
    description: "Inclusive, on the amount's size",
  }),
  direction: z
    .enum(RULE_DIRECTIONS)
    .optional()
    .openapi({ description: '"in" = money into the account, "out" = money out' }),
  accountId: z.uuid().optional(),
};

export const RuleConditionsSchema = z.strictObject(conditionFields).openapi("RuleConditions");

export const RuleClassificationSchema = z.enum(RULE_CLASSIFICATIONS);

export const RuleActionSchema = z
  .strictObject({
    classification: RuleClassificationSchema,
    payerId: z.uuid().nullable().optional().openapi({ description: "Income names its payer" }),
    categoryId: z.uuid().nullable().optional().openapi({ description: "An expense names its category" }),
  })
  .openapi("RuleAction");

const RuleName = textField(TEXT_INPUT_MAX).openapi({ description: "Made from the conditions when left out" });

export const RuleBody = z.strictObject({
  name: RuleName.optional(),
  conditions: RuleConditionsSchema,
  action: RuleActionSchema,
  enabled: z.boolean().optional(),
});

export const RulePatchBody = z
  .strictObject({
    name: RuleName.optional(),
    conditions: RuleConditionsSchema.optional().openapi({ description: "Replaces all conditions" }),
    action: RuleActionSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Change at least one field.");

export const PreviewBody = RuleBody.extend({
  ruleId: z.uuid().optional().openapi({ description: "Preview an edit of this rule, where it stands" }),
});

export const ReorderBody = z.strictObject({
  ruleIds: z
    .array(z.uuid())
    .max(1_000)
    .openapi({ description: "Every rule of the practice, once each, in the order they should run" }),
});

/** Which transactions "apply to existing" looks at: a date range, or (without one) every open year. */
const scopeFields = { from: IsoDateSchema.optional(), to: IsoDateSchema.optional() };
const fromBeforeTo = (v: { from?: string | undefined; to?: string | undefined }) =>
  !v.from || !v.to || v.from <= v.to;
const RANGE_MESSAGE = { message: "The start date is after the end date.", path: ["to"] };

export const ScopeQuery = z.strictObject(scopeFields).refine(fromBeforeTo, RANGE_MESSAGE);

export const ApplyQuery = z
  .strictObject({
    ...scopeFields,
    dryRun: z
      .enum(["true", "false"])
      .optional()
      .transform((v) => v === "true")
      .openapi({ description: "Count and sample the changes without making them" }),
  })
  .refine(fromBeforeTo, RANGE_MESSAGE);

export const RuleSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    name: z.string(),
    conditions: z.object({
      descriptionContains: z.string().optional(),
      descriptionStartsWith: z.string().optional(),
      descriptionPattern: z.string().optional(),
      amountMinCents: z.number().int().optional(),
      amountMaxCents: z.number().int().optional(),
      direction: z.enum(RULE_DIRECTIONS).optional(),
      accountId: z.uuid().optional(),
    }),
    action: z.object({
      classification: ClassificationSchema,
      payerId: z.uuid().nullable(),
      categoryId: z.uuid().nullable(),
    }),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Rule");

export const RuleAnswer = z.object({ rule: RuleSchema });

const TargetsSchema = z.object({
  classification: ClassificationSchema,
  payerId: z.uuid().nullable(),
  categoryId: z.uuid().nullable(),
});

export const SkippedSchema = z
  .object({
    locked: z.number().int().openapi({ description: "Matched, but a person set the fields by hand" }),
    closedYear: z.number().int().openapi({ description: "Matched, but dated in a closed year" }),
  })
  .openapi("RuleSkips");

export const PreviewSchema = z
  .object({
    changeCount: z.number().int(),
    skipped: SkippedSchema,
    sample: z.array(
      z.object({
        transactionId: z.uuid(),
        date: z.string(),
        description: z.string(),
        amountCents: z.number().int(),
        from: TargetsSchema,
        to: TargetsSchema,
      }),
    ),
  })
  .openapi("RulePreview");

export const AppliedSchema = z
  .object({ applied: z.number().int(), skipped: SkippedSchema })
  .openapi("RuleApplication");

export function ruleJson(view: RuleView): z.infer<typeof RuleSchema> {
  return view;
}
