import { useRef, useState } from "react";
import { Button } from "../../../ui/button";
import { Container } from "../../../ui/container";
import { PageHeader } from "../../../ui/page-header";
import { EmptyState, ErrorNotice, LoadingState, StatusMessage } from "../../practice/feedback";
import { can } from "../../practice/permissions";
import { useCurrentPractice } from "../../practice/practice-context";
import { Section } from "../../practice/section";
import { type Category, useCategories } from "../ledger-queries";
import { deletedNotice, ReassignDeleteDialog } from "../payers/reassign-delete-dialog";
import { AddCategoryForm, EditCategoryDialog } from "./category-forms";
import { CategoryGroups } from "./category-groups";
import { useDeleteCategory, useRestorePresets, useUpdateCategory } from "./category-mutations";

function RestorePresets({ practiceId, onDone }: { practiceId: string; onDone: (message: string) => void }) {
  const restore = useRestorePresets(practiceId);
  return (
    <div className="flex flex-col items-start gap-2">
      <Button
        variant="secondary"
        aria-disabled={restore.isPending || undefined}
        onClick={() => {
          if (restore.isPending) return;
          restore.mutate(undefined, {
            onSuccess: (added) =>
              onDone(
                added === 0
                  ? "Nothing to restore: every preset category is here (perhaps renamed or archived), or one of yours has its name."
                  : `${added} preset categor${added === 1 ? "y" : "ies"} added.`,
              ),
          });
        }}
      >
        {restore.isPending ? "Restoring…" : "Restore missing preset categories"}
      </Button>
      <ErrorNotice error={restore.error} />
    </div>
  );
}

function DeleteCategory(props: {
  practiceId: string;
  categories: Category[];
  deletingId: string | undefined;
  onDone: (message: string | undefined) => void;
  onClosed: () => void;
}) {
  const { practiceId, categories, deletingId, onDone, onClosed } = props;
  const remove = useDeleteCategory(practiceId);
  const archive = useUpdateCategory(practiceId);
  const category = categories.find((c) => c.id === deletingId);
  const finish = (message: string | undefined) => {
    remove.reset();
    archive.reset();
    onDone(message);
  };
  return (
    <ReassignDeleteDialog
      noun="category"
      item={
        category
          ? {
              id: category.id,
              name: category.name,
              transactionCount: category.transactionCount ?? 0,
              archived: category.archivedAt !== null,
            }
          : undefined
      }
      targets={categories
        .filter((c) => c.id !== deletingId && c.archivedAt === null)
        .map((c) => ({ id: c.id, label: `${c.name} (Line ${c.scheduleCLine})` }))}
      pending={remove.isPending || archive.isPending}
      error={remove.error ?? archive.error}
      onCancel={() => finish(undefined)}
      onClosed={onClosed}
      onArchive={() => {
        if (!category) return;
        archive.mutate(
          { categoryId: category.id, changes: { archived: true } },
          {
            onSuccess: () =>
              finish(`${category.name} archived. Its transactions keep it; new expenses cannot use it.`),
          },
        );
      }}
      onDelete={(reassignTo) => {
        if (!category) return;
        remove.mutate(
          { categoryId: category.id, reassignTo },
          {
            onSuccess: ({ reassigned }) =>
              finish(
                deletedNotice(category.name, reassigned, categories.find((c) => c.id === reassignTo)?.name),
              ),
          },
        );
      }}
    />
  );
}

/** Expense categories under the Schedule C lines they are reported on. */
export function CategoriesPage() {
  const practice = useCurrentPractice();
  const manages = can(practice.role, "categories.manage");
  const categories = useCategories(practice.id, { includeArchived: true });
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<Category | undefined>(undefined);
  const [deletingId, setDeletingId] = useState<string | undefined>(undefined);
  const list = useRef<HTMLDivElement>(null);

  return (
    <>
      <title>{`Categories · ${practice.name} · TherapyLedger`}</title>
      <Container className="flex flex-col gap-8 py-10 sm:py-12">
        <PageHeader
          eyebrow={practice.name}
          title="Categories"
          description={
            <p>
              Every expense gets a category, and every category sits on a line of Schedule C (Form 1040), so
              the year’s totals are ready for your tax return. Preset categories can be renamed, moved to
              another line or archived, but not deleted.
            </p>
          }
        >
          {manages ? <RestorePresets practiceId={practice.id} onDone={setNotice} /> : null}
        </PageHeader>
        <Section title="Categories by Schedule C line" aside={<StatusMessage message={notice} />}>
          {categories.isPending ? (
            <LoadingState label="Loading categories…" />
          ) : categories.isError ? (
            <ErrorNotice error={categories.error} />
          ) : categories.data.length === 0 ? (
            <EmptyState title="No categories yet">
              {manages
                ? "Start with “Restore missing preset categories” above: it adds the 23 categories a therapy practice uses, each on its Schedule C line. Then add any of your own below."
                : "An Owner or Admin sets up the practice’s categories. Ask them to restore the preset chart."}
            </EmptyState>
          ) : (
            // Focus lands here when a deleted category's row disappears, instead of falling back to the page.
            <div ref={list} tabIndex={-1} className="focus:outline-none">
              <CategoryGroups
                practiceId={practice.id}
                categories={categories.data}
                manages={manages}
                actions={{
                  onEdit: setEditing,
                  onDelete: (category) => setDeletingId(category.id),
                  onChanged: setNotice,
                }}
              />
            </div>
          )}
          {manages ? null : (
            <p className="text-sm text-slate-600">Only the Owner and Admins can add or change categories.</p>
          )}
        </Section>
        {manages ? (
          <Section
            title="Add a category"
            description="For an expense the presets do not name. Choose the Schedule C line its total belongs on."
          >
            <AddCategoryForm practiceId={practice.id} onAdded={setNotice} />
          </Section>
        ) : null}
      </Container>
      {manages ? (
        <>
          <EditCategoryDialog
            practiceId={practice.id}
            category={editing}
            onClose={() => setEditing(undefined)}
            onSaved={(message) => {
              setEditing(undefined);
              setNotice(message);
            }}
          />
          <DeleteCategory
            practiceId={practice.id}
            categories={categories.data ?? []}
            deletingId={deletingId}
            onDone={(message) => {
              if (message) setNotice(message);
              setDeletingId(undefined);
            }}
            onClosed={() => {
              // The deleted category's row, and the button that opened the dialog, are gone.
              if (document.activeElement === document.body) list.current?.focus();
            }}
          />
        </>
      ) : null}
    </>
  );
}
