import { useState } from "react";
import { Container } from "../../../ui/container";
import { PageHeader } from "../../../ui/page-header";
import { EmptyState, ErrorNotice, LoadingState, StatusMessage } from "../../practice/feedback";
import { can } from "../../practice/permissions";
import { useCurrentPractice } from "../../practice/practice-context";
import { Section } from "../../practice/section";
import { useAccounts } from "../ledger-queries";
import { AccountForm, accountFormValues } from "./account-form";
import { useCreateAccount } from "./account-mutations";
import { AccountsTable } from "./accounts-table";

function AddAccount({ practiceId, onAdded }: { practiceId: string; onAdded: (message: string) => void }) {
  const create = useCreateAccount(practiceId);
  // A new key gives a fresh, empty form after each account added; a refusal keeps what was typed.
  const [formKey, setFormKey] = useState(0);
  return (
    <AccountForm
      key={formKey}
      initial={accountFormValues()}
      label="Add an account"
      submitLabel="Add account"
      pendingLabel="Adding…"
      pending={create.isPending}
      error={create.error}
      onSubmit={(fields) =>
        create.mutate(
          {
            name: fields.name,
            kind: fields.kind,
            ...(fields.last4 === null ? {} : { last4: fields.last4 }),
            openingBalanceCents: fields.openingBalanceCents,
          },
          {
            onSuccess: (account) => {
              setFormKey((k) => k + 1);
              onAdded(`${account.name} added.`);
            },
          },
        )
      }
    />
  );
}

/** Bank, card and cash accounts: what each holds, and (for Owners and Admins) adding and changing them. */
export function AccountsPage() {
  const practice = useCurrentPractice();
  const manages = can(practice.role, "accounts.manage");
  const accounts = useAccounts(practice.id, { includeArchived: true });
  const [notice, setNotice] = useState<string | undefined>(undefined);

  return (
    <>
      <title>{`Accounts · ${practice.name} · TherapyLedger`}</title>
      <Container className="flex flex-col gap-8 py-10 sm:py-12">
        <PageHeader
          eyebrow={practice.name}
          title="Accounts"
          description={
            <p>
              The bank accounts, cards and cash box your practice’s money moves through. Every transaction
              belongs to one of them; the balance is the opening balance plus everything recorded since.
            </p>
          }
        />
        <Section title="Your accounts" aside={<StatusMessage message={notice} />}>
          {accounts.isPending ? (
            <LoadingState label="Loading accounts…" />
          ) : accounts.isError ? (
            <ErrorNotice error={accounts.error} />
          ) : accounts.data.length === 0 ? (
            <EmptyState title="No accounts yet">
              {manages
                ? "Add your business checking account first, the one your payments land in; then any savings account, business credit card or cash you use for the practice."
                : "An Owner or Admin adds the practice’s accounts. Ask them to add the business checking account first; then you can record its transactions."}
            </EmptyState>
          ) : (
            <AccountsTable
              practiceId={practice.id}
              accounts={accounts.data}
              manages={manages}
              onChanged={setNotice}
            />
          )}
          {manages ? null : (
            <p className="text-sm text-slate-600">
              Only the Owner and Admins can add, change or archive accounts.
            </p>
          )}
        </Section>
        {manages ? (
          <Section
            title="Add an account"
            description="Add each account the practice uses on its own: checking and savings, a business credit card, or a cash box."
          >
            <AddAccount practiceId={practice.id} onAdded={setNotice} />
          </Section>
        ) : null}
      </Container>
    </>
  );
}
