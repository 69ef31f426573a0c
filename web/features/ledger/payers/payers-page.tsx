import { payerNameWarning } from "@domain/ledger/person-name";
import { useRef, useState } from "react";
import { Container } from "../../../ui/container";
import { PageHeader } from "../../../ui/page-header";
import { EmptyState, ErrorNotice, LoadingState, StatusMessage } from "../../practice/feedback";
import { can } from "../../practice/permissions";
import { useCurrentPractice } from "../../practice/practice-context";
import { Section } from "../../practice/section";
import { type Payer, usePayers } from "../ledger-queries";
import { AddPayerForm } from "./add-payer-form";
import { EditPayerDialog, PayerRatesDialog } from "./payer-dialogs";
import { type PayerWarning, useDeletePayer, useUpdatePayer } from "./payer-mutations";
import { PayerNameWarning } from "./payer-name-warning";
import { PayersTable } from "./payers-table";
import { deletedNotice, ReassignDeleteDialog } from "./reassign-delete-dialog";

type NameWarning = { payer: Payer; message: string };

function DeletePayer(props: {
  practiceId: string;
  payers: Payer[];
  deletingId: string | undefined;
  onDone: (message: string | undefined) => void;
  onClosed: () => void;
}) {
  const { practiceId, payers, deletingId, onDone, onClosed } = props;
  const remove = useDeletePayer(practiceId);
  const archive = useUpdatePayer(practiceId);
  const payer = payers.find((p) => p.id === deletingId);
  const finish = (message: string | undefined) => {
    remove.reset();
    archive.reset();
    onDone(message);
  };
  return (
    <ReassignDeleteDialog
      noun="payer"
      item={payer ? { ...payer, archived: payer.archivedAt !== null } : undefined}
      targets={payers
        .filter((p) => p.id !== deletingId && p.archivedAt === null)
        .map((p) => ({ id: p.id, label: p.name }))}
      pending={remove.isPending || archive.isPending}
      error={remove.error ?? archive.error}
      onCancel={() => finish(undefined)}
      onClosed={onClosed}
      onArchive={() => {
        if (!payer) return;
        archive.mutate(
          { payerId: payer.id, changes: { archived: true } },
          {
            onSuccess: () =>
              finish(`${payer.name} archived. Its transactions keep it; new income cannot use it.`),
          },
        );
      }}
      onDelete={(reassignTo) => {
        if (!payer) return;
        remove.mutate(
          { payerId: payer.id, reassignTo },
          {
            onSuccess: ({ reassigned }) =>
              finish(deletedNotice(payer.name, reassigned, payers.find((p) => p.id === reassignTo)?.name)),
          },
        );
      }}
    />
  );
}

/** Who pays the practice: insurers, EAPs and "Private pay", with contracted rates per service code. */
export function PayersPage() {
  const practice = useCurrentPractice();
  const manages = can(practice.role, "payers.manage");
  const payers = usePayers(practice.id, { includeArchived: true });
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [warning, setWarning] = useState<NameWarning | undefined>(undefined);
  const [editing, setEditing] = useState<Payer | undefined>(undefined);
  const [ratesOf, setRatesOf] = useState<Payer | undefined>(undefined);
  const [deletingId, setDeletingId] = useState<string | undefined>(undefined);
  const list = useRef<HTMLDivElement>(null);

  const saved = (payer: Payer, answer: PayerWarning, message: string) => {
    setNotice(message);
    setWarning(answer ? { payer, message: answer.message } : undefined);
  };

  return (
    <>
      <title>{`Payers · ${practice.name} · TherapyLedger`}</title>
      <Container className="flex flex-col gap-8 py-10 sm:py-12">
        <PageHeader
          eyebrow={practice.name}
          title="Payers"
          description={
            <p>
              Who pays the practice: insurers, EAPs, and one “Private pay” for every client who pays
              themselves. Client names are never stored here.
            </p>
          }
        />
        {warning && manages ? (
          <PayerNameWarning
            key={warning.payer.id}
            practiceId={practice.id}
            payer={warning.payer}
            message={warning.message}
            payers={payers.data ?? []}
            onResolved={(message) => {
              setWarning(undefined);
              setNotice(message);
            }}
            onDismiss={() => setWarning(undefined)}
          />
        ) : null}
        <Section title="Your payers" aside={<StatusMessage message={notice} />}>
          {payers.isPending ? (
            <LoadingState label="Loading payers…" />
          ) : payers.isError ? (
            <ErrorNotice error={payers.error} />
          ) : payers.data.length === 0 ? (
            <EmptyState title="No payers yet">
              {manages
                ? "Add the insurers and EAPs that pay you, and a payer named “Private pay” for clients who pay themselves. Never add a client by name."
                : "An Owner or Admin adds the practice’s payers. Until then, income cannot be assigned to a payer."}
            </EmptyState>
          ) : (
            // Focus lands here when a deleted payer's row disappears, instead of falling back to the page.
            <div ref={list} tabIndex={-1} className="focus:outline-none">
              <PayersTable
                practiceId={practice.id}
                payers={payers.data}
                manages={manages}
                actions={{
                  onEdit: setEditing,
                  onRates: setRatesOf,
                  onDelete: (payer) => setDeletingId(payer.id),
                  onReviewName: (payer) => {
                    const found = payerNameWarning(payer.name);
                    if (found) setWarning({ payer, message: found.message });
                  },
                  onChanged: setNotice,
                }}
              />
            </div>
          )}
          {manages ? null : (
            <p className="text-sm text-slate-600">
              Only the Owner and Admins can add or change payers and rates.
            </p>
          )}
        </Section>
        {manages ? (
          <Section
            title="Add a payer"
            description="Add each insurer or EAP once. Payments from clients themselves all go to one payer, “Private pay”."
          >
            <AddPayerForm
              practiceId={practice.id}
              onAdded={(payer, answer) => saved(payer, answer, `${payer.name} added.`)}
            />
          </Section>
        ) : null}
      </Container>
      {manages ? (
        <>
          <EditPayerDialog
            practiceId={practice.id}
            payer={editing}
            onClose={() => setEditing(undefined)}
            onSaved={(payer, answer) => {
              setEditing(undefined);
              saved(payer, answer, `${payer.name} saved.`);
            }}
          />
          <PayerRatesDialog
            practiceId={practice.id}
            payer={ratesOf}
            onClose={() => setRatesOf(undefined)}
            onSaved={(message) => {
              setRatesOf(undefined);
              setNotice(message);
            }}
          />
          <DeletePayer
            practiceId={practice.id}
            payers={payers.data ?? []}
            deletingId={deletingId}
            onDone={(message) => {
              if (message) setNotice(message);
              setDeletingId(undefined);
            }}
            onClosed={() => {
              // The deleted payer's row, and the button that opened the dialog, are gone.
              if (document.activeElement === document.body) list.current?.focus();
            }}
          />
        </>
      ) : null}
    </>
  );
}
