import { useState } from "react";
import { Button } from "../../../ui/button";
import { can } from "../../practice/permissions";
import { useCurrentPractice } from "../../practice/practice-context";
import type { LedgerAccount } from "../ledger-queries";
import { todayIn } from "../transactions/entry-defaults";
import { ReconcileDialog } from "./reconcile-dialog";

/** The "Reconcile" button of an account's row, with its dialog; for everyone who may enter transactions. */
export function ReconcileAction({ account }: { account: LedgerAccount }) {
  const practice = useCurrentPractice();
  const [open, setOpen] = useState(false);
  if (!can(practice.role, "ledger.write")) return null;
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        Reconcile<span className="sr-only"> {account.name}</span>
      </Button>
      <ReconcileDialog
        practiceId={practice.id}
        account={account}
        open={open}
        onClose={() => setOpen(false)}
        today={todayIn(practice.timeZone)}
      />
    </>
  );
}
