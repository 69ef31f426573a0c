import { Button } from "../../ui/button";
import type { Lookups } from "../ledger/transactions/ledger-lookups";
import { ErrorNotice } from "../practice/feedback";
import {
  type RuleClassification,
  type RuleSuggestion,
  useCreateRule,
  useRuleSuggestions,
} from "./rule-queries";
import { describeAction, plural } from "./rule-text";

type Props = { practiceId: string; lookups: Lookups; onCreated: (message: string) => void };

function sentence(s: RuleSuggestion, lookups: Lookups): string {
  const what = describeAction(s.action, lookups);
  const direction = s.conditions.direction === "in" ? "money in" : "money out";
  return `You classified ${plural(s.choiceCount, "transaction")} containing “${s.conditions.descriptionContains}” (${direction}) as ${what}. Create a rule?`;
}

/**
 * Rules suggested by the person's own choices: three or more transactions with a common
 * description, classified the same way by hand. One click saves the rule.
 */
export function RuleSuggestions({ practiceId, lookups, onCreated }: Props) {
  const suggestions = useRuleSuggestions(practiceId);
  const create = useCreateRule(practiceId);
  const list = (suggestions.data ?? []).filter((s) => s.action.classification !== "unreviewed");
  if (list.length === 0) return suggestions.isError ? <ErrorNotice error={suggestions.error} /> : null;
  return (
    <section
      aria-labelledby="suggestions-heading"
      className="flex flex-col gap-3 rounded-xl bg-teal-50/60 p-4"
    >
      <h3 id="suggestions-heading" className="font-semibold text-slate-900">
        Suggested from your choices
      </h3>
      <ul className="flex flex-col gap-3">
        {list.map((s) => (
          <li
            key={`${s.conditions.descriptionContains}-${s.conditions.direction}-${s.action.classification}`}
            className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between"
          >
            <p className="text-sm text-slate-800">
              {sentence(s, lookups)}
              {s.changeCount > 0 ? (
                <span className="block text-xs text-slate-600">
                  It would also change {plural(s.changeCount, "transaction")} already in the ledger once you
                  apply it.
                </span>
              ) : null}
            </p>
            <Button
              size="sm"
              className="shrink-0"
              aria-disabled={create.isPending || undefined}
              onClick={() => {
                if (create.isPending) return;
                create.mutate(
                  {
                    conditions: s.conditions,
                    action: {
                      classification: s.action.classification as RuleClassification,
                      payerId: s.action.payerId,
                      categoryId: s.action.categoryId,
                    },
                  },
                  {
                    onSuccess: (rule) =>
                      onCreated(
                        `Added the rule “${rule.name}”. Use “Apply to existing” on it to classify the rest.`,
                      ),
                  },
                );
              }}
            >
              Create rule<span className="sr-only"> for “{s.conditions.descriptionContains}”</span>
            </Button>
          </li>
        ))}
      </ul>
      <ErrorNotice error={create.error} />
    </section>
  );
}
