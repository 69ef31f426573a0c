import { type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, useId } from "react";
import { cx } from "../../ui/cx";

const FIELD_CLASSES =
  "h-11 rounded-lg border bg-white px-3 text-base text-slate-900 shadow-sm focus-visible:border-teal-600 " +
  "disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500";

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** Keeps the label for screen readers only, where a table column already names the field. */
  hideLabel?: boolean;
  ref?: Ref<HTMLSelectElement>;
};

/** A native <select> with a visible label, hint and error wired up like the Input primitive. */
export function SelectField({
  label,
  hint,
  error,
  hideLabel,
  className,
  ref,
  children,
  ...props
}: SelectFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={cx("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "text-sm font-medium text-slate-800"}>
        {label}
      </label>
      <select
        id={id}
        ref={ref}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        aria-invalid={error ? true : undefined}
        className={cx(FIELD_CLASSES, "pr-8", error ? "border-red-600" : "border-slate-300")}
        {...props}
      >
        {children}
      </select>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type"> & {
  label: ReactNode;
  hint?: ReactNode;
  ref?: Ref<HTMLInputElement>;
};

export function CheckboxField({ label, hint, className, ref, ...props }: CheckboxFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={cx("flex items-start gap-3", className)}>
      <input
        id={id}
        ref={ref}
        type="checkbox"
        aria-describedby={hintId}
        className="mt-0.5 size-5 shrink-0 rounded border-slate-400 accent-teal-700"
        {...props}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="font-medium text-slate-900">
          {label}
        </label>
        {hint ? (
          <div id={hintId} className="text-sm leading-relaxed text-slate-600">
            {hint}
          </div>
        ) : null}
      </div>
    </div>
  );
}
