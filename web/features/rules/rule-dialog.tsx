import { Dialog } from "../../ui/dialog";
import type { Lookups } from "../ledger/transactions/ledger-lookups";
import type { Practice } from "../practice/practice-queries";
import { draftOf, EMPTY_DRAFT } from "./rule-draft";
import { RuleForm } from "./rule-form";
import { type Rule, useCreateRule, useUpdateRule } from "./rule-queries";

type Props = {
  practice: Practice;
  lookups: Lookups;
  /** The rule to edit; null to add one; undefined when closed. */
  rule: Rule | null | undefined;
  onClose: () => void;
  onSaved: (message: string, rule: Rule) => void;
};

/** Adds a rule (after the last one) or edits one where it stands. */
export function RuleDialog({ practice, lookups, rule, onClose, onSaved }: Props) {
  const create = useCreateRule(practice.id);
  const update = useUpdateRule(practice.id);
  const editing = rule ? rule : null;
  const mutation = editing ? update : create;
  const close = () => {
    create.reset();
    update.reset();
    onClose();
  };
  return (
    <Dialog
      open={rule !== undefined}
      onClose={close}
      title={editing ? `Edit the rule “${editing.name}”` : "Add a rule"}
      description="Rules classify imported and existing transactions: the first rule that matches decides. A choice you make by hand always wins over rules."
      className="sm:max-w-2xl"
    >
      {rule !== undefined ? (
        <RuleForm
          practice={practice}
          lookups={lookups}
          initial={editing ? draftOf(editing) : EMPTY_DRAFT}
          submitLabel={editing ? "Save rule" : "Add rule"}
          pending={mutation.isPending}
          error={mutation.error}
          onCancel={close}
          onSubmit={(body) => {
            if (editing) {
              update.mutate(
                { ruleId: editing.id, body },
                {
                  onSuccess: (saved) => {
                    update.reset();
                    onSaved(`Saved the rule “${saved.name}”.`, saved);
                  },
                },
              );
            } else {
              create.mutate(body, {
                onSuccess: (saved) => {
                  create.reset();
                  onSaved(`Added the rule “${saved.name}”. It classifies new imports from now on.`, saved);
                },
              });
            }
          }}
        />
      ) : null}
    </Dialog>
  );
}
