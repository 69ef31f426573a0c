import { type FormEvent, useRef, useState } from "react";
import { Button } from "../../../ui/button";
import { Dialog, DialogActions } from "../../../ui/dialog";
import { SubmitButton } from "../../../ui/form-field";
import { ErrorNotice } from "../../practice/feedback";
import { formLevelError } from "../accounts/field-problems";
import type { Category } from "../ledger-queries";
import { type CategoryDetails, CategoryFields, categoryProblems } from "./category-fields";
import {
  type CategoryPatch,
  type ScheduleCLineCode,
  useCreateCategory,
  useUpdateCategory,
} from "./category-mutations";

const FIELD_PATHS = ["name", "scheduleCLine"];

/** Checks the fields, moves focus to the first wrong one, and answers the valid values or nothing. */
function useCategoryCheck(initial: CategoryDetails) {
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<{ name?: string; scheduleCLine?: string }>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const lineRef = useRef<HTMLSelectElement>(null);
  const check = (): { name: string; scheduleCLine: ScheduleCLineCode } | undefined => {
    const found = categoryProblems(values);
    setProblems(found);
    if (found.name) nameRef.current?.focus();
    else if (found.scheduleCLine) lineRef.current?.focus();
    if (found.name || found.scheduleCLine || values.scheduleCLine === "") return undefined;
    return { name: values.name.trim(), scheduleCLine: values.scheduleCLine };
  };
  return { values, setValues, problems, nameRef, lineRef, check };
}

function AddCategoryFields({
  practiceId,
  onAdded,
}: {
  practiceId: string;
  onAdded: (category: Category) => void;
}) {
  const create = useCreateCategory(practiceId);
  const form = useCategoryCheck({ name: "", scheduleCLine: "" });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const input = form.check();
    if (input) create.mutate(input, { onSuccess: onAdded });
  };
  return (
    <form noValidate onSubmit={submit} aria-label="Add a category" className="flex flex-col gap-5">
      <CategoryFields
        values={form.values}
        onChange={form.setValues}
        problems={form.problems}
        error={create.error}
        nameRef={form.nameRef}
        lineRef={form.lineRef}
      />
      <ErrorNotice error={formLevelError(create.error, FIELD_PATHS)} />
      <div className="flex justify-end">
        <SubmitButton pending={create.isPending} pendingLabel="Adding…">
          Add category
        </SubmitButton>
      </div>
    </form>
  );
}

/** A category of the practice's own, mapped to a Schedule C line. */
export function AddCategoryForm({
  practiceId,
  onAdded,
}: {
  practiceId: string;
  onAdded: (message: string) => void;
}) {
  // A new key gives a fresh, empty form after each category added; a refusal keeps what was typed.
  const [formKey, setFormKey] = useState(0);
  return (
    <AddCategoryFields
      key={formKey}
      practiceId={practiceId}
      onAdded={(category) => {
        setFormKey((k) => k + 1);
        onAdded(`${category.name} added under ${category.scheduleCLineLabel}.`);
      }}
    />
  );
}

type EditProps = {
  practiceId: string;
  category: Category;
  onClose: () => void;
  onSaved: (message: string) => void;
};

function EditCategoryForm({ practiceId, category, onClose, onSaved }: EditProps) {
  const update = useUpdateCategory(practiceId);
  const form = useCategoryCheck({ name: category.name, scheduleCLine: category.scheduleCLine });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    const input = form.check();
    if (!input) return;
    const changes: CategoryPatch = {
      ...(input.name !== category.name ? { name: input.name } : {}),
      ...(input.scheduleCLine !== category.scheduleCLine ? { scheduleCLine: input.scheduleCLine } : {}),
    };
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { categoryId: category.id, changes },
      { onSuccess: (saved) => onSaved(`${saved.name} saved, on ${saved.scheduleCLineLabel}.`) },
    );
  };
  return (
    <form noValidate onSubmit={submit} aria-label={`Edit ${category.name}`} className="flex flex-col gap-5">
      {category.isPreset ? (
        <p className="text-sm text-slate-600">
          A preset category keeps its place in the chart when renamed or moved to another line.
        </p>
      ) : null}
      <CategoryFields
        values={form.values}
        onChange={form.setValues}
        problems={form.problems}
        error={update.error}
        nameRef={form.nameRef}
        lineRef={form.lineRef}
      />
      <ErrorNotice error={formLevelError(update.error, FIELD_PATHS)} />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={update.isPending}>
          Cancel
        </Button>
        <SubmitButton pending={update.isPending} pendingLabel="Saving…">
          Save changes
        </SubmitButton>
      </DialogActions>
    </form>
  );
}

/** Rename a category or map it to another Schedule C line. */
export function EditCategoryDialog(props: Omit<EditProps, "category"> & { category: Category | undefined }) {
  const { category, onClose } = props;
  return (
    <Dialog
      open={category !== undefined}
      onClose={onClose}
      title={`Edit ${category?.name ?? "category"}`}
      description="Reports place its transactions on the line it is mapped to."
      className="sm:max-w-2xl"
    >
      {category ? <EditCategoryForm {...props} category={category} /> : null}
    </Dialog>
  );
}
