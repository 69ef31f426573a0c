import { useState } from "react";
import { Link } from "react-router";
import { buttonClasses } from "../../ui/button";
import { Card } from "../../ui/card";
import { Container } from "../../ui/container";
import { PageHeader } from "../../ui/page-header";
import type { LedgerAccount } from "../ledger/ledger-queries";
import { useLedgerLookups } from "../ledger/transactions/ledger-lookups";
import { ErrorNotice, LoadingState, StatusMessage } from "../practice/feedback";
import { can } from "../practice/permissions";
import { useCurrentPractice } from "../practice/practice-context";
import type { Practice } from "../practice/practice-queries";
import { Section } from "../practice/section";
import { ImportHistory } from "./import-history";
import { ImportPreview } from "./import-preview";
import { ImportProgressBar } from "./import-progress";
import { ImportResult } from "./import-result";
import { StatementPicker } from "./statement-picker";
import { ImportError } from "./statement-problems";
import { useStatementImport } from "./use-statement-import";

function NoAccounts({ practice }: { practice: Practice }) {
  const manages = can(practice.role, "accounts.manage");
  return (
    <Card className="flex flex-col items-start gap-3 border-dashed bg-slate-50/60">
      <h2 className="text-lg font-semibold tracking-tight text-slate-900">Add the account first</h2>
      <p className="max-w-2xl leading-relaxed text-slate-600">
        A statement is imported into one of the practice’s accounts: the business checking account or a credit
        card.{" "}
        {manages
          ? "Add the account the statement comes from, then come back to import it."
          : "Only an Owner or Admin can add accounts: ask one of them to add the account your statement is from."}
      </p>
      {manages ? (
        <Link to={`/practices/${practice.id}/accounts`} className={buttonClasses("primary")}>
          Add an account
        </Link>
      ) : null}
    </Card>
  );
}

function Importer({ practice, accounts }: { practice: Practice; accounts: LedgerAccount[] }) {
  const flow = useStatementImport(practice.id, accounts.length === 1 ? (accounts[0]?.id ?? "") : "");
  const needsAccount = flow.file !== null && flow.accountId === "";
  return (
    <Section
      title="Import a statement"
      description="Choose an account and drop its statement (CSV, OFX or QFX) on the box, or pick the file. You see every row before anything is added; the import is all or nothing, and can be undone."
    >
      <StatementPicker
        accounts={accounts}
        accountId={flow.accountId}
        file={flow.file}
        onAccount={flow.chooseAccount}
        onFile={flow.chooseFile}
      />
      {needsAccount ? (
        <p className="text-sm font-medium text-red-700">Choose the account this statement is for.</p>
      ) : null}
      <ImportProgressBar busy={flow.busy} progress={flow.progress} />
      {flow.error ? <ImportError error={flow.error} committing={flow.preview !== null} /> : null}
      {flow.committed && !flow.file ? (
        <ImportResult committed={flow.committed} practiceId={practice.id} />
      ) : null}
      {flow.preview ? <ImportPreview practice={practice} flow={flow} preview={flow.preview} /> : null}
    </Section>
  );
}

/**
 * /practices/:practiceId/import — statement import: choose the account and the file, check the
 * preview (fixing the columns of an unusual CSV), import, and the history of imports with undo.
 */
export function ImportPage() {
  const practice = useCurrentPractice();
  const lookups = useLedgerLookups(practice.id);
  const [message, setMessage] = useState<string | undefined>(undefined);

  const body = () => {
    if (lookups.error) return <ErrorNotice error={lookups.error} />;
    if (!lookups.data) return <LoadingState label="Loading the accounts…" />;
    const active = lookups.data.accounts.filter((a) => a.archivedAt === null);
    return active.length === 0 ? (
      <NoAccounts practice={practice} />
    ) : (
      <Importer practice={practice} accounts={active} />
    );
  };

  return (
    <>
      <title>{`Import · ${practice.name} · TherapyLedger`}</title>
      <Container className="flex flex-col gap-8 py-10 sm:py-12">
        <PageHeader
          eyebrow={practice.name}
          title="Import statements"
          description={
            <p>
              Bring in a month of transactions at once from the file your bank lets you download. Rows already
              in the ledger are skipped, your rules classify what they can, and the rest waits in the inbox.
            </p>
          }
        />
        {body()}
        <Section
          title="Past imports"
          description="Undo removes exactly the transactions an import added, unless someone has changed them since."
          aside={<StatusMessage message={message} />}
        >
          <ImportHistory practiceId={practice.id} timeZone={practice.timeZone} onChanged={setMessage} />
        </Section>
      </Container>
    </>
  );
}
