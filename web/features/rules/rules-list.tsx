import { useEffect, useRef, useState } from "react";
import type { Lookups } from "../ledger/transactions/ledger-lookups";
import { ConfirmDialog } from "../practice/confirm-dialog";
import { ErrorNotice } from "../practice/feedback";
import type { Practice } from "../practice/practice-queries";
import { ApplyRuleDialog } from "./apply-rule-dialog";
import { RuleCard, type RuleCommand } from "./rule-card";
import { RuleDialog } from "./rule-dialog";
import { type Rule, useDeleteRule, useReorderRules, useUpdateRule } from "./rule-queries";

type Props = { practice: Practice; lookups: Lookups; rules: Rule[]; onChanged: (message: string) => void };

type Open = { command: "edit" | "apply" | "delete"; rule: Rule };

/**
 * The rules in the order they run, each movable up or down by its buttons (Tab and Enter are
 * enough: the focus stays on the moved rule's button), switched on or off, edited, applied to
 * existing transactions after a dry run, or deleted.
 */
export function RulesList({ practice, lookups, rules, onChanged }: Props) {
  const reorder = useReorderRules(practice.id);
  const update = useUpdateRule(practice.id);
  const remove = useDeleteRule(practice.id);
  const [open, setOpen] = useState<Open | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const opener = useRef<HTMLElement | null>(null);
  const list = useRef<HTMLOListElement>(null);

  // After a move the list re-renders in its new order; then the moved rule's button gets the
  // focus back (or its other button, when the move reached the top or the bottom).
  const refocus = useRef<{ ruleId: string; direction: "up" | "down" } | null>(null);
  useEffect(() => {
    const wanted = refocus.current;
    if (!wanted) return;
    const index = rules.findIndex((r) => r.id === wanted.ruleId);
    const spent = wanted.direction === "up" ? index === 0 : index === rules.length - 1;
    const direction = spent ? (wanted.direction === "up" ? "down" : "up") : wanted.direction;
    const target = buttons.current.get(`${wanted.ruleId}:${direction}`);
    if (index < 0 || !target) return;
    refocus.current = null;
    target.focus();
  }, [rules]);

  const move = (rule: Rule, direction: "up" | "down") => {
    const ids = rules.map((r) => r.id);
    const from = ids.indexOf(rule.id);
    const to = direction === "up" ? from - 1 : from + 1;
    const other = ids[to];
    if (from < 0 || other === undefined) return;
    ids[to] = rule.id;
    ids[from] = other;
    refocus.current = { ruleId: rule.id, direction };
    reorder.mutate(ids, {
      onSuccess: () => onChanged(`Moved “${rule.name}” to position ${to + 1}.`),
      onError: () => {
        refocus.current = null;
      },
    });
  };

  const command = (cmd: RuleCommand, rule: Rule) => {
    if (cmd === "up" || cmd === "down") return move(rule, cmd);
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    remove.reset();
    setOpen({ command: cmd, rule });
  };

  const close = () => {
    setOpen(null);
    requestAnimationFrame(() => (opener.current?.isConnected ? opener.current : list.current)?.focus());
  };
  const done = (message: string) => {
    onChanged(message);
    close();
  };

  return (
    <div className="flex flex-col gap-3">
      <ErrorNotice error={reorder.error ?? update.error} />
      <ol
        ref={list}
        tabIndex={-1}
        aria-label="Rules, in the order they run"
        className="divide-y divide-slate-100 focus:outline-none"
      >
        {rules.map((rule, index) => (
          <li key={rule.id}>
            <RuleCard
              rule={rule}
              index={index}
              count={rules.length}
              lookups={lookups}
              busy={reorder.isPending}
              onCommand={command}
              onEnabled={(r, enabled) =>
                update.mutate(
                  { ruleId: r.id, body: { enabled } },
                  { onSuccess: () => onChanged(`“${r.name}” is ${enabled ? "on" : "off"}.`) },
                )
              }
              upRef={(node) => {
                if (node) buttons.current.set(`${rule.id}:up`, node);
                else buttons.current.delete(`${rule.id}:up`);
              }}
              downRef={(node) => {
                if (node) buttons.current.set(`${rule.id}:down`, node);
                else buttons.current.delete(`${rule.id}:down`);
              }}
            />
          </li>
        ))}
      </ol>
      <RuleDialog
        practice={practice}
        lookups={lookups}
        rule={open?.command === "edit" ? open.rule : undefined}
        onClose={close}
        onSaved={done}
      />
      <ApplyRuleDialog
        practiceId={practice.id}
        lookups={lookups}
        rule={open?.command === "apply" ? open.rule : null}
        onClose={close}
        onApplied={done}
      />
      <ConfirmDialog
        open={open?.command === "delete"}
        title="Delete this rule?"
        confirmLabel="Delete rule"
        destructive
        pending={remove.isPending}
        error={remove.error}
        onCancel={close}
        onConfirm={() => {
          const rule = open?.rule;
          if (rule) remove.mutate(rule.id, { onSuccess: () => done(`Deleted the rule “${rule.name}”.`) });
        }}
      >
        <p>
          “{open?.rule.name}” stops classifying new imports. Transactions it classified before stay as they
          are.
        </p>
      </ConfirmDialog>
    </div>
  );
}
