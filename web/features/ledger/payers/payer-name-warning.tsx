import { useEffect, useRef } from "react";
import { Alert } from "../../../ui/alert";
import { Button } from "../../../ui/button";
import { SubmitButton } from "../../../ui/form-field";
import { ErrorNotice } from "../../practice/feedback";
import type { Payer } from "../ledger-queries";
import { findPrivatePay, PRIVATE_PAY_NAME } from "./payer-kinds";
import { useDeletePayer, useUpdatePayer } from "./payer-mutations";

type PayerNameWarningProps = {
  practiceId: string;
  payer: Payer;
  message: string;
  /** Every payer of the practice, to find an existing "Private pay". */
  payers: readonly Payer[];
  onResolved: (message: string) => void;
  onDismiss: () => void;
};

/**
 * Shown when the API saved a payer whose name looks like a person's. Client names must not be
 * stored, so one click renames it to "Private pay" — or, when the practice already has a
 * "Private pay", moves its transactions there and deletes it. The heuristic can be wrong (a
 * business named after its owner), so keeping the name stays possible.
 */
export function PayerNameWarning(props: PayerNameWarningProps) {
  const { practiceId, payer, message, payers, onResolved, onDismiss } = props;
  const rename = useUpdatePayer(practiceId);
  const restore = useUpdatePayer(practiceId);
  const merge = useDeletePayer(practiceId);
  const region = useRef<HTMLDivElement>(null);
  const existing = findPrivatePay(payers, payer.id);
  const pending = rename.isPending || restore.isPending || merge.isPending;

  // Move the keyboard here: the form or dialog that saved the payer is done with. A frame
  // later, because a closing <dialog> hands focus back to its opener in the same commit.
  useEffect(() => {
    const frame = requestAnimationFrame(() => region.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  const moveTo = async (target: Payer) => {
    // An archived payer takes no transactions: bring it back first.
    if (target.archivedAt !== null) {
      await restore.mutateAsync({ payerId: target.id, changes: { archived: false } });
    }
    const { reassigned } = await merge.mutateAsync({ payerId: payer.id, reassignTo: target.id });
    onResolved(
      reassigned > 0
        ? `${payer.name} removed; its ${reassigned} transaction${reassigned === 1 ? "" : "s"} moved to ${target.name}.`
        : `${payer.name} removed. Record these payments under ${target.name}.`,
    );
  };

  const resolve = async () => {
    if (pending) return;
    try {
      if (existing) {
        await moveTo(existing);
        return;
      }
      await rename.mutateAsync({
        payerId: payer.id,
        changes: { name: PRIVATE_PAY_NAME, kind: "private_pay" },
      });
      onResolved(`${payer.name} is now “${PRIVATE_PAY_NAME}”.`);
    } catch {
      // The mutation holds the error; it is shown below the buttons.
    }
  };

  return (
    <div ref={region} tabIndex={-1} className="focus:outline-none">
      <Alert tone="warning" live="alert" title="This payer’s name looks like a client’s name">
        <p>{message}</p>
        <form
          className="mt-3 flex flex-wrap items-center gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            void resolve();
          }}
        >
          <SubmitButton size="sm" pending={pending} pendingLabel="Working…">
            {existing
              ? `${existing.archivedAt ? "Restore and move" : "Move"} to the existing “${existing.name}”`
              : `Rename to “${PRIVATE_PAY_NAME}”`}
          </SubmitButton>
          <Button variant="secondary" size="sm" onClick={onDismiss} disabled={pending}>
            Keep “{payer.name}”, it is not a person
          </Button>
        </form>
        <ErrorNotice error={rename.error ?? restore.error ?? merge.error} className="mt-3" />
      </Alert>
    </div>
  );
}
