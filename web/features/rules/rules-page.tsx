import { useRef, useState } from "react";
import { buttonClasses } from "../../ui/button";
import { Container } from "../../ui/container";
import { PageHeader } from "../../ui/page-header";
import { useLedgerLookups } from "../ledger/transactions/ledger-lookups";
import { EmptyState, ErrorNotice, LoadingState, StatusMessage } from "../practice/feedback";
import { useCurrentPractice } from "../practice/practice-context";
import { Section } from "../practice/section";
import { RuleDialog } from "./rule-dialog";
import { useRules } from "./rule-queries";
import { RuleSuggestions } from "./rule-suggestions";
import { RulesList } from "./rules-list";

function NoRules() {
  return (
    <EmptyState title="No rules yet.">
      <p>
        A rule classifies transactions for you. For example: when the description contains{" "}
        <strong>SIMPLEPRACTICE</strong> and the money goes out, file it as an Expense under EHR and
        practice-management software. Add one with the button above, or classify a few transactions in the
        inbox and accept the rule suggested here.
      </p>
    </EmptyState>
  );
}

/**
 * /practices/:practiceId/rules — categorization rules in the order they run (the first that
 * matches decides), with suggestions drawn from the person's own choices.
 */
export function RulesPage() {
  const practice = useCurrentPractice();
  const lookups = useLedgerLookups(practice.id);
  const rules = useRules(practice.id);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);

  const body = () => {
    const error = lookups.error ?? rules.error;
    if (error) return <ErrorNotice error={error} />;
    if (!lookups.data || !rules.data) return <LoadingState label="Loading the rules…" />;
    return (
      <>
        <RuleSuggestions practiceId={practice.id} lookups={lookups.data} onCreated={setMessage} />
        {rules.data.length === 0 ? (
          <NoRules />
        ) : (
          <RulesList practice={practice} lookups={lookups.data} rules={rules.data} onChanged={setMessage} />
        )}
        <RuleDialog
          practice={practice}
          lookups={lookups.data}
          rule={adding ? null : undefined}
          onClose={() => {
            setAdding(false);
            requestAnimationFrame(() => addButton.current?.focus());
          }}
          onSaved={(text) => {
            setMessage(text);
            setAdding(false);
            requestAnimationFrame(() => addButton.current?.focus());
          }}
        />
      </>
    );
  };

  return (
    <>
      <title>{`Rules · ${practice.name} · TherapyLedger`}</title>
      <Container className="flex flex-col gap-8 py-10 sm:py-12">
        <PageHeader
          eyebrow={practice.name}
          title="Rules"
          description={
            <p>
              Rules classify imported transactions as they arrive, and existing ones when you apply them. They
              run in order, and the first that matches decides; what you set by hand is never overwritten.
            </p>
          }
        />
        <Section
          title="Rules, in order"
          aside={
            <div className="flex flex-col items-end gap-2">
              <button
                ref={addButton}
                type="button"
                className={buttonClasses()}
                onClick={() => setAdding(true)}
              >
                Add a rule
              </button>
              <StatusMessage message={message} />
            </div>
          }
        >
          {body()}
        </Section>
      </Container>
    </>
  );
}
