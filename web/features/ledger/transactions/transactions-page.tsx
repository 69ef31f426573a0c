import { useCallback, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { buttonClasses } from "../../../ui/button";
import { Card } from "../../../ui/card";
import { Container } from "../../../ui/container";
import { PageHeader } from "../../../ui/page-header";
import { ErrorNotice, LoadingState, StatusMessage } from "../../practice/feedback";
import { can } from "../../practice/permissions";
import { useCurrentPractice } from "../../practice/practice-context";
import type { Practice } from "../../practice/practice-queries";
import { Section } from "../../practice/section";
import type { TransactionFilters } from "../ledger-queries";
import { EntryForm } from "./entry-form";
import { CLASSIFICATIONS } from "./labels";
import { useLedgerLookups } from "./ledger-lookups";
import { TransactionFiltersForm } from "./transaction-filters";
import { TransactionsTable } from "./transactions-table";

/** Nothing can be recorded before there is an account for the money to move in. */
function NoAccounts({ practice, archivedOnly }: { practice: Practice; archivedOnly: boolean }) {
  const manages = can(practice.role, "accounts.manage");
  const what = archivedOnly
    ? "All of this practice’s accounts are archived."
    : "This practice has no accounts yet.";
  return (
    <Card className="flex flex-col items-start gap-3 border-dashed bg-slate-50/60">
      <h2 className="text-lg font-semibold tracking-tight text-slate-900">Add an account first</h2>
      <p className="max-w-2xl leading-relaxed text-slate-600">
        {what} Every transaction belongs to an account — the business checking account, a credit card, or cash
        — so the ledger can follow its balance.{" "}
        {manages
          ? "Add the account your practice’s money moves through, then come back here to record income and expenses."
          : "Only an Owner or Admin can add accounts: ask one of them to add the account your practice uses."}
      </p>
      {manages ? (
        <Link to={`/practices/${practice.id}/accounts`} className={buttonClasses("primary")}>
          Add an account
        </Link>
      ) : null}
    </Card>
  );
}

/**
 * /practices/:practiceId/transactions — the ledger's transactions: a quick entry form on top,
 * then the list with its filters. Amounts follow the sign convention of decision 0011: plus is
 * money into the account, minus money out.
 */
export function TransactionsPage() {
  const practice = useCurrentPractice();
  const lookups = useLedgerLookups(practice.id);
  // A link may open the list filtered (the dashboard's "waiting for review": ?classification=unreviewed).
  const [searchParams] = useSearchParams();
  const [filters, setFilters] = useState<TransactionFilters>(() => {
    const classification = CLASSIFICATIONS.find((c) => c === searchParams.get("classification"));
    return classification ? { classification } : {};
  });
  const [message, setMessage] = useState<string | undefined>(undefined);
  // Clearing from the list's empty state also empties the search box: a new key remounts it.
  const [filtersKey, setFiltersKey] = useState(0);
  const clearFilters = useCallback(() => {
    setFilters({});
    setFiltersKey((k) => k + 1);
  }, []);
  const canWrite = can(practice.role, "ledger.write");

  const body = () => {
    if (lookups.error) return <ErrorNotice error={lookups.error} />;
    if (!lookups.data) return <LoadingState label="Loading the ledger…" />;
    const data = lookups.data;
    const active = data.accounts.filter((a) => a.archivedAt === null);
    return (
      <>
        {active.length === 0 ? (
          <NoAccounts practice={practice} archivedOnly={data.accounts.length > 0} />
        ) : null}
        {canWrite && active.length > 0 ? (
          <Section
            title="Record a transaction"
            description="Type the amount without a sign: income is money in, an expense money out. Enter saves and clears the form for the next one."
          >
            <EntryForm practice={practice} lookups={data} />
          </Section>
        ) : null}
        {data.accounts.length > 0 ? (
          <Section
            title="Transactions"
            description="Newest first. + is money into the account, − money out."
            aside={<StatusMessage message={message} />}
          >
            <TransactionFiltersForm key={filtersKey} value={filters} onChange={setFilters} lookups={data} />
            <TransactionsTable
              practice={practice}
              lookups={data}
              filters={filters}
              canWrite={canWrite}
              canAudit={can(practice.role, "audit.read")}
              onChanged={setMessage}
              onClearFilters={clearFilters}
            />
          </Section>
        ) : null}
      </>
    );
  };

  return (
    <>
      <title>{`Transactions · ${practice.name} · TherapyLedger`}</title>
      <Container className="flex flex-col gap-8 py-10 sm:py-12">
        <PageHeader
          eyebrow={practice.name}
          title="Transactions"
          description={
            <p>Income by payer, expenses by Schedule C category, and everything else your accounts saw.</p>
          }
        />
        {body()}
      </Container>
    </>
  );
}
