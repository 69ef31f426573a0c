import { ApiRequestError } from "../../../api/client";
import { Button } from "../../../ui/button";
import { Dialog } from "../../../ui/dialog";
import { ConfirmDialog } from "../../practice/confirm-dialog";
import type { LedgerAccount } from "../ledger-queries";
import { type AccountFields, AccountForm, accountFormValues } from "./account-form";
import { type AccountPatch, useDeleteAccount, useUpdateAccount } from "./account-mutations";

/** Only what changed is sent: a PATCH must change something, and an unchanged field locks nothing. */
function changesOf(account: LedgerAccount, fields: AccountFields): AccountPatch {
  return {
    ...(fields.name !== account.name ? { name: fields.name } : {}),
    ...(fields.kind !== account.kind ? { kind: fields.kind } : {}),
    ...(fields.last4 !== account.last4 ? { last4: fields.last4 } : {}),
    ...(fields.openingBalanceCents !== account.openingBalanceCents
      ? { openingBalanceCents: fields.openingBalanceCents }
      : {}),
  };
}

type EditProps = {
  practiceId: string;
  account: LedgerAccount | undefined;
  onClose: () => void;
  onSaved: (message: string) => void;
};

export function EditAccountDialog({ practiceId, account, onClose, onSaved }: EditProps) {
  const update = useUpdateAccount(practiceId);
  const close = () => {
    if (update.isPending) return;
    update.reset();
    onClose();
  };
  return (
    <Dialog
      open={account !== undefined}
      onClose={close}
      title={`Edit ${account?.name ?? "account"}`}
      className="sm:max-w-2xl"
    >
      {account ? (
        <AccountForm
          initial={accountFormValues(account)}
          label={`Edit ${account.name}`}
          submitLabel="Save changes"
          pendingLabel="Saving…"
          pending={update.isPending}
          error={update.error}
          actions={
            <Button variant="secondary" onClick={close} disabled={update.isPending}>
              Cancel
            </Button>
          }
          onSubmit={(fields) => {
            const changes = changesOf(account, fields);
            if (Object.keys(changes).length === 0) {
              close();
              return;
            }
            update.mutate(
              { accountId: account.id, changes },
              {
                onSuccess: (saved) => {
                  update.reset();
                  onSaved(`${saved.name} saved.`);
                  onClose();
                },
              },
            );
          }}
        />
      ) : null}
    </Dialog>
  );
}

type DeleteProps = {
  practiceId: string;
  account: LedgerAccount | undefined;
  onClose: () => void;
  onDone: (message: string) => void;
  onClosed: () => void;
};

/**
 * Deleting is for an account added by mistake. One holding transactions is archived instead,
 * so its history stays: the dialog offers that when the list already shows transactions, and
 * again if the API answers 409 `in_use` because some arrived in the meantime.
 */
export function DeleteAccountDialog({ practiceId, account, onClose, onDone, onClosed }: DeleteProps) {
  const remove = useDeleteAccount(practiceId);
  const archive = useUpdateAccount(practiceId);
  const refusedInUse = remove.error instanceof ApiRequestError && remove.error.code === "in_use";
  const holdsTransactions = (account?.transactionCount ?? 0) > 0 || refusedInUse;
  const count = account?.transactionCount ?? 0;

  const finish = (message: string) => {
    remove.reset();
    archive.reset();
    onDone(message);
  };
  const doArchive = () => {
    if (!account) return;
    archive.mutate(
      { accountId: account.id, changes: { archived: true } },
      { onSuccess: () => finish(`${account.name} archived. Its transactions stay in the ledger.`) },
    );
  };
  const doDelete = () => {
    if (!account) return;
    remove.mutate(account.id, { onSuccess: () => finish(`${account.name} deleted.`) });
  };

  return (
    <ConfirmDialog
      open={account !== undefined}
      title={
        holdsTransactions
          ? `Archive ${account?.name ?? "this account"} instead?`
          : `Delete ${account?.name ?? "this account"}?`
      }
      confirmLabel={holdsTransactions ? "Archive account" : "Delete account"}
      destructive={!holdsTransactions}
      pending={remove.isPending || archive.isPending}
      error={refusedInUse ? archive.error : (remove.error ?? archive.error)}
      onConfirm={holdsTransactions ? doArchive : doDelete}
      onCancel={() => {
        remove.reset();
        archive.reset();
        onClose();
      }}
      onClosed={onClosed}
    >
      {holdsTransactions ? (
        <p>
          {refusedInUse && remove.error instanceof ApiRequestError
            ? remove.error.message
            : `This account holds ${count} transaction${count === 1 ? "" : "s"}, so it cannot be deleted.`}{" "}
          Archiving hides it from the pickers for new transactions; its transactions, balance and reports stay
          as they are, and you can restore it at any time.
        </p>
      ) : (
        <p>
          The account holds no transactions. Deleting it removes it for good; archive it instead if you may
          want it again.
        </p>
      )}
    </ConfirmDialog>
  );
}
