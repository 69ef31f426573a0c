import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api/client";
import { Button } from "../../ui/button";
import { ledgerKeys } from "../ledger/ledger-queries";
import { formatSignedMoney } from "../ledger/money";
import { requireBody } from "../practice/api-result";

/** How many probable duplicates show their match at once; the rest load it on request. */
export const AUTO_MATCHES = 20;

function useLedgerTransaction(practiceId: string, transactionId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...ledgerKeys.transactions(practiceId), "one", transactionId],
    queryFn: async () =>
      requireBody(
        await api.GET("/practices/{practiceId}/transactions/{transactionId}", {
          params: { path: { practiceId, transactionId } },
        }),
      ).transaction,
    enabled,
  });
}

/** The ledger transaction a probable duplicate looks like, so the person can compare the two. */
export function DuplicateMatch(props: { practiceId: string; transactionId: string; auto: boolean }) {
  const { practiceId, transactionId, auto } = props;
  const [asked, setAsked] = useState(false);
  const match = useLedgerTransaction(practiceId, transactionId, auto || asked);
  if (!auto && !asked) {
    return (
      <Button variant="ghost" size="sm" className="h-8 px-2" onClick={() => setAsked(true)}>
        Show the ledger row it matches
      </Button>
    );
  }
  if (match.data) {
    const t = match.data;
    return (
      <span className="block text-xs text-slate-600">
        Looks like {t.date} “{t.description}” {formatSignedMoney(t.amountCents)}, already in the ledger.
      </span>
    );
  }
  return (
    <span className="block text-xs text-slate-600">
      {match.isError ? "The matching ledger row could not be loaded." : "Loading the matching ledger row…"}
    </span>
  );
}
