import { useId } from "react";
import { Badge } from "../../../ui/badge";
import { Button } from "../../../ui/button";
import { cx } from "../../../ui/cx";
import { ErrorNotice } from "../../practice/feedback";
import type { Category } from "../ledger-queries";
import { useUpdateCategory } from "./category-mutations";
import { deductibleNote, lineTitle, SCHEDULE_C_LINES, type ScheduleCLineInfo } from "./schedule-c";

export type CategoryActions = {
  onEdit: (category: Category) => void;
  onDelete: (category: Category) => void;
  onChanged: (message: string) => void;
};

type RowProps = { practiceId: string; category: Category; manages: boolean; actions: CategoryActions };

function CategoryRow({ practiceId, category, manages, actions }: RowProps) {
  const update = useUpdateCategory(practiceId);
  const archived = category.archivedAt !== null;
  const count = category.transactionCount ?? 0;
  const named = <span className="sr-only"> {category.name}</span>;
  const toggleArchive = () => {
    if (update.isPending) return;
    update.mutate(
      { categoryId: category.id, changes: { archived: !archived } },
      {
        onSuccess: () =>
          actions.onChanged(
            archived
              ? `${category.name} restored. It is offered for new expenses again.`
              : `${category.name} archived. Its transactions keep it; new expenses cannot use it.`,
          ),
      },
    );
  };
  return (
    <li className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2 py-3">
      <div className="flex min-w-0 flex-col gap-1">
        <span className="flex flex-wrap items-center gap-2">
          <span className={cx("font-medium break-words", archived ? "text-slate-600" : "text-slate-900")}>
            {category.name}
          </span>
          {category.isPreset ? <Badge tone="positive">Preset</Badge> : null}
          {archived ? <Badge>Archived</Badge> : null}
        </span>
        <span className="text-sm text-slate-600">
          {count === 0 ? "No transactions" : `${count} transaction${count === 1 ? "" : "s"}`}
        </span>
      </div>
      {manages ? (
        <div className="flex flex-col items-end gap-2">
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" size="sm" onClick={() => actions.onEdit(category)}>
              Edit{named}
            </Button>
            <Button
              variant="secondary"
              size="sm"
              onClick={toggleArchive}
              aria-disabled={update.isPending || undefined}
            >
              {archived ? "Restore" : "Archive"}
              {named}
            </Button>
            {category.isPreset ? null : (
              <Button variant="ghost" size="sm" onClick={() => actions.onDelete(category)}>
                Delete{named}
              </Button>
            )}
          </div>
          <ErrorNotice error={update.error} />
        </div>
      ) : null}
    </li>
  );
}

function LineGroup(props: {
  line: ScheduleCLineInfo;
  categories: Category[];
  practiceId: string;
  manages: boolean;
  actions: CategoryActions;
}) {
  const { line, categories, practiceId, manages, actions } = props;
  const headingId = useId();
  const note = deductibleNote(line);
  return (
    <section aria-labelledby={headingId} className="flex flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 pb-2">
        <h3 id={headingId} className="font-semibold text-slate-900">
          {lineTitle(line)}
        </h3>
        {note ? <Badge tone="pending">{note}</Badge> : null}
      </div>
      <ul className="divide-y divide-slate-100">
        {categories.map((category) => (
          <CategoryRow
            key={category.id}
            practiceId={practiceId}
            category={category}
            manages={manages}
            actions={actions}
          />
        ))}
      </ul>
    </section>
  );
}

type GroupsProps = { practiceId: string; categories: Category[]; manages: boolean; actions: CategoryActions };

/** The categories under their Schedule C lines, in the form's order; lines with none are left out. */
export function CategoryGroups({ practiceId, categories, manages, actions }: GroupsProps) {
  const byName = (a: Category, b: Category) =>
    Number(a.archivedAt !== null) - Number(b.archivedAt !== null) || a.name.localeCompare(b.name);
  return (
    <div className="flex flex-col gap-8">
      {SCHEDULE_C_LINES.map((line) => {
        const onLine = categories.filter((c) => c.scheduleCLine === line.line).sort(byName);
        if (onLine.length === 0) return null;
        return (
          <LineGroup
            key={line.line}
            line={line}
            categories={onLine}
            practiceId={practiceId}
            manages={manages}
            actions={actions}
          />
        );
      })}
    </div>
  );
}
