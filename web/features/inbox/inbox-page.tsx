import { useState } from "react";
import { Container } from "../../ui/container";
import { TextLink } from "../../ui/link";
import { PageHeader } from "../../ui/page-header";
import { formatMoney } from "../ledger/money";
import { useLedgerLookups } from "../ledger/transactions/ledger-lookups";
import { EmptyState, ErrorNotice, LoadingState, StatusMessage } from "../practice/feedback";
import { can } from "../practice/permissions";
import { useCurrentPractice } from "../practice/practice-context";
import { Section } from "../practice/section";
import { useInbox } from "./inbox-queries";
import { InboxReview } from "./inbox-review";

/**
 * /practices/:practiceId/inbox — every transaction no rule and no person has classified yet,
 * classified in bulk from the keyboard, each choice optionally saved as a rule.
 */
export function InboxPage() {
  const practice = useCurrentPractice();
  const lookups = useLedgerLookups(practice.id);
  const inbox = useInbox(practice.id);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const summary = inbox.data?.pages[0]?.summary;

  const body = () => {
    const error = lookups.error ?? (inbox.data ? undefined : inbox.error);
    if (error) return <ErrorNotice error={error} />;
    if (!lookups.data || !inbox.data) return <LoadingState label="Loading the inbox…" />;
    const rows = inbox.data.pages.flatMap((page) => page.transactions);
    if (rows.length === 0) {
      return (
        <EmptyState title="Nothing to review.">
          <p>
            Every transaction is classified. When you{" "}
            <TextLink to={`/practices/${practice.id}/import`}>import a statement</TextLink>, the rows no rule
            classifies wait here for you.
          </p>
        </EmptyState>
      );
    }
    return (
      <InboxReview
        practice={practice}
        lookups={lookups.data}
        rows={rows}
        canWrite={can(practice.role, "ledger.write")}
        canWriteRules={can(practice.role, "rules.manage")}
        more={
          inbox.hasNextPage
            ? { loading: inbox.isFetchingNextPage, load: () => void inbox.fetchNextPage() }
            : null
        }
        onDone={setMessage}
      />
    );
  };

  return (
    <>
      <title>{`Inbox · ${practice.name} · TherapyLedger`}</title>
      <Container className="flex flex-col gap-8 py-10 sm:py-12">
        <PageHeader
          eyebrow={practice.name}
          title="Review inbox"
          description={
            <p>
              Transactions that no rule classified. Classify several at once; what you choose here is kept as
              you set it, and can become a rule for next time.
            </p>
          }
        />
        <Section
          title="To review"
          description={
            summary && summary.count > 0
              ? `${summary.count.toLocaleString("en-US")} transaction${summary.count === 1 ? "" : "s"}: ${formatMoney(summary.inCents)} in, ${formatMoney(-summary.outCents)} out.`
              : undefined
          }
          aside={<StatusMessage message={message} />}
        >
          {body()}
        </Section>
      </Container>
    </>
  );
}
