import type { Ref } from "react";
import { Badge } from "../../ui/badge";
import { Button, buttonClasses } from "../../ui/button";
import { cx } from "../../ui/cx";
import type { Lookups } from "../ledger/transactions/ledger-lookups";
import type { Rule } from "./rule-queries";
import { describeAction, describeConditions } from "./rule-text";

export type RuleCommand = "up" | "down" | "edit" | "apply" | "delete";

type Props = {
  rule: Rule;
  index: number;
  count: number;
  lookups: Lookups;
  busy: boolean;
  onCommand: (command: RuleCommand, rule: Rule) => void;
  onEnabled: (rule: Rule, enabled: boolean) => void;
  upRef: Ref<HTMLButtonElement>;
  downRef: Ref<HTMLButtonElement>;
};

const Named = ({ text, name }: { text: string; name: string }) => (
  <>
    {text}
    <span className="sr-only"> “{name}”</span>
  </>
);

/** One rule: where it runs in the order, what it matches and does, and what can be done to it. */
export function RuleCard({ rule, index, count, lookups, busy, onCommand, onEnabled, upRef, downRef }: Props) {
  const conditions = describeConditions(rule.conditions, lookups);
  const first = index === 0;
  const last = index === count - 1;
  const guard = (command: RuleCommand, blocked: boolean) => () => {
    if (!blocked && !busy) onCommand(command, rule);
  };
  return (
    <article
      aria-label={`Rule ${index + 1}: ${rule.name}`}
      className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start"
    >
      <div className="flex min-w-0 flex-1 gap-3">
        <span className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-sm font-semibold text-slate-700 tabular-nums">
          {index + 1}
        </span>
        <div className="flex min-w-0 flex-col gap-1">
          <h3 className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
            {rule.name}
            {rule.enabled ? null : <Badge>Off</Badge>}
          </h3>
          <p className="text-sm text-slate-700">
            When {conditions.join(", and ") || "always"}:{" "}
            <span className="font-medium">{describeAction(rule.action, lookups)}</span>
          </p>
          <label className="mt-1 flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              className="size-4 accent-teal-700"
              checked={rule.enabled}
              onChange={(e) => onEnabled(rule, e.target.checked)}
            />
            On<span className="sr-only">: use the rule “{rule.name}”</span>
          </label>
        </div>
      </div>
      <div className="flex flex-wrap gap-2 sm:justify-end">
        <button
          ref={upRef}
          type="button"
          aria-disabled={first || busy || undefined}
          className={cx(buttonClasses("ghost", "sm"), first && "opacity-50")}
          onClick={guard("up", first)}
        >
          <Named text="Move up" name={rule.name} />
        </button>
        <button
          ref={downRef}
          type="button"
          aria-disabled={last || busy || undefined}
          className={cx(buttonClasses("ghost", "sm"), last && "opacity-50")}
          onClick={guard("down", last)}
        >
          <Named text="Move down" name={rule.name} />
        </button>
        <Button variant="secondary" size="sm" onClick={guard("edit", false)}>
          <Named text="Edit" name={rule.name} />
        </Button>
        <Button variant="secondary" size="sm" onClick={guard("apply", false)}>
          <Named text="Apply to existing" name={rule.name} />
        </Button>
        <Button
          variant="ghost"
          size="sm"
          className="text-red-700 hover:bg-red-50 hover:text-red-800"
          onClick={guard("delete", false)}
        >
          <Named text="Delete" name={rule.name} />
        </Button>
      </div>
    </article>
  );
}
