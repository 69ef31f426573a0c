import { useQuery } from "@tanstack/react-query";
import { Button } from "../../ui/button";
import { Dialog, DialogActions } from "../../ui/dialog";
import { SubmitButton } from "../../ui/form-field";
import { formatSignedMoney } from "../ledger/money";
import type { Lookups } from "../ledger/transactions/ledger-lookups";
import { ErrorNotice, LoadingState } from "../practice/feedback";
import { previewSavedRule, type Rule, ruleKeys, useApplyRule } from "./rule-queries";
import { describeAction, describeSkips, plural } from "./rule-text";

type Props = {
  practiceId: string;
  lookups: Lookups;
  rule: Rule | null;
  onClose: () => void;
  onApplied: (message: string) => void;
};

/**
 * "Apply to existing transactions": first a dry run says how many transactions the rule would
 * change, with a sample, and what it would leave alone; only the confirm button changes them.
 */
export function ApplyRuleDialog({ practiceId, lookups, rule, onClose, onApplied }: Props) {
  const apply = useApplyRule(practiceId);
  const dryRun = useQuery({
    queryKey: [...ruleKeys.all(practiceId), "dry-run", rule?.id, rule?.updatedAt],
    queryFn: () => previewSavedRule(practiceId, rule?.id ?? ""),
    enabled: rule !== null,
    staleTime: 0,
    gcTime: 0,
  });
  const close = () => {
    if (apply.isPending) return;
    apply.reset();
    onClose();
  };
  const preview = dryRun.data;
  const skips = preview ? describeSkips(preview.skipped) : "";
  return (
    <Dialog
      open={rule !== null}
      onClose={close}
      title={rule ? `Apply “${rule.name}” to existing transactions?` : "Apply the rule"}
      className="sm:max-w-2xl"
    >
      {rule ? (
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (!preview || preview.changeCount === 0 || apply.isPending) return;
            apply.mutate(rule.id, {
              onSuccess: (result) => {
                apply.reset();
                const left = describeSkips(result.skipped);
                onApplied(
                  `The rule “${rule.name}” changed ${plural(result.applied, "transaction")}.${left ? ` Left alone: ${left}.` : ""}`,
                );
              },
            });
          }}
        >
          {dryRun.isError ? <ErrorNotice error={dryRun.error} /> : null}
          {!preview && !dryRun.isError ? <LoadingState label="Counting what it would change…" /> : null}
          {preview ? (
            <>
              <p role="status" className="text-sm text-slate-800">
                {preview.changeCount === 0
                  ? "It would change no transaction: none in the open years matches it and differs from what it sets."
                  : `It would change ${plural(preview.changeCount, "transaction")} to ${describeAction(rule.action, lookups)}.`}
                {skips ? ` Matching but left alone: ${skips}.` : ""}
              </p>
              {preview.sample.length > 0 ? (
                <ul
                  aria-label="Some of the transactions it would change"
                  className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm"
                >
                  {preview.sample.map((s) => (
                    <li key={s.transactionId} className="flex justify-between gap-4 px-3 py-2">
                      <span>
                        <span className="tabular-nums text-slate-600">{s.date}</span> {s.description}
                        <span className="block text-xs text-slate-600">
                          {describeAction(s.from, lookups)} → {describeAction(s.to, lookups)}
                        </span>
                      </span>
                      <span className="tabular-nums">{formatSignedMoney(s.amountCents)}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : null}
          <ErrorNotice error={apply.error} />
          <DialogActions>
            <Button variant="secondary" onClick={close} autoFocus>
              {preview?.changeCount === 0 ? "Close" : "Cancel"}
            </Button>
            {preview && preview.changeCount > 0 ? (
              <SubmitButton pending={apply.isPending} pendingLabel="Applying…">
                Change {plural(preview.changeCount, "transaction")}
              </SubmitButton>
            ) : null}
          </DialogActions>
        </form>
      ) : null}
    </Dialog>
  );
}
