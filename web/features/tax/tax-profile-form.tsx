import { type FormEvent, type ReactNode, useState } from "react";
import { SubmitButton } from "../../ui/form-field";
import { Input } from "../../ui/input";
import { formLevelError, problemAt } from "../ledger/accounts/field-problems";
import { ErrorNotice, StatusMessage } from "../practice/feedback";
import { SelectField } from "../practice/fields";
import {
  API_PATHS,
  FILING_STATUS_LABELS,
  FILING_STATUSES,
  type FilingStatus,
  type HomeOfficeMethod,
  type ProfileField,
  type ProfileProblems,
  type ProfileValues,
  profileValues,
  readProfile,
} from "./tax-profile-model";
import { type TaxProfile, useSaveTaxProfile } from "./tax-queries";

const HOME_OFFICE_LABELS: Record<HomeOfficeMethod, string> = {
  none: "No home office",
  simplified: "Simplified method ($5 a square foot, up to 300)",
  actual: "Actual expenses (Form 8829)",
};

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-4 border-t border-slate-200 pt-5">
      <legend className="pr-3 text-base font-semibold text-slate-900">{legend}</legend>
      <div className="grid gap-5 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

type Props = { practiceId: string; year: number; profile: TaxProfile | null };

/** The Owner's figures for the year that the ledger cannot know. Blank money fields count as $0. */
export function TaxProfileForm({ practiceId, year, profile }: Props) {
  const save = useSaveTaxProfile(practiceId, year);
  const [values, setValues] = useState<ProfileValues>(() => profileValues(profile));
  const [problems, setProblems] = useState<ProfileProblems>({});
  const [saved, setSaved] = useState<string | undefined>(undefined);

  const problem = (field: ProfileField) => problems[field] ?? problemAt(save.error, API_PATHS[field]);
  const money = (field: ProfileField, label: string, hint?: string) => (
    <Input
      label={label}
      hint={hint}
      inputMode="decimal"
      autoComplete="off"
      placeholder="0.00"
      value={values[field]}
      onChange={(event) => {
        setValues((v) => ({ ...v, [field]: event.target.value }));
        setProblems((p) => ({ ...p, [field]: undefined }));
      }}
      error={problem(field)}
    />
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(undefined);
    const read = readProfile(values);
    if (!read.ok) {
      setProblems(read.problems);
      const form = event.currentTarget;
      // The first field in error takes the focus once React has marked it.
      window.setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setProblems({});
    save.mutate(read.body, {
      onSuccess: () => setSaved(`Your ${year} tax profile is saved; the plan is up to date.`),
    });
  };

  return (
    <form noValidate onSubmit={submit} aria-label={`Tax profile for ${year}`} className="flex flex-col gap-6">
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          label="Filing status"
          value={values.filingStatus}
          onChange={(event) => setValues((v) => ({ ...v, filingStatus: event.target.value as FilingStatus }))}
          error={problem("filingStatus")}
        >
          {FILING_STATUSES.map((status) => (
            <option key={status} value={status}>
              {FILING_STATUS_LABELS[status]}
            </option>
          ))}
        </SelectField>
      </div>
      <Group legend="Income besides the practice">
        {money("w2Wages", "Your W-2 wages", "From a job, for the whole year.")}
        {values.filingStatus === "married_joint"
          ? money("spouseW2Wages", "Your spouse’s W-2 wages", "On a joint return only.")
          : null}
        {money("otherIncome", "Other income", "Interest, a second business… A loss is negative, e.g. -500.")}
        {money("withholding", "Federal tax withheld", "From your (and your spouse’s) W-2 wages this year.")}
      </Group>
      <Group legend="Deductions">
        {money(
          "healthInsurance",
          "Self-employed health insurance",
          "Premiums you paid for yourself and family.",
        )}
        {money("retirement", "Retirement contributions", "SEP, SIMPLE or solo 401(k) for yourself.")}
      </Group>
      <Group legend="Home office">
        <SelectField
          label="Method"
          value={values.homeOfficeMethod}
          onChange={(event) =>
            setValues((v) => ({ ...v, homeOfficeMethod: event.target.value as HomeOfficeMethod }))
          }
          error={problem("homeOfficeMethod")}
        >
          {(Object.keys(HOME_OFFICE_LABELS) as HomeOfficeMethod[]).map((method) => (
            <option key={method} value={method}>
              {HOME_OFFICE_LABELS[method]}
            </option>
          ))}
        </SelectField>
        {values.homeOfficeMethod === "simplified" ? (
          <Input
            label="Office area (square feet)"
            inputMode="numeric"
            autoComplete="off"
            value={values.homeOfficeSquareFeet}
            onChange={(event) => setValues((v) => ({ ...v, homeOfficeSquareFeet: event.target.value }))}
            error={problem("homeOfficeSquareFeet")}
          />
        ) : null}
        {values.homeOfficeMethod === "actual"
          ? money(
              "homeOfficeExpenses",
              "Home office expenses",
              "The business share of rent, utilities, insurance…",
            )
          : null}
      </Group>
      <Group legend="State and last year">
        <Input
          label="State income tax rate (%)"
          hint="A flat rate on your AGI, e.g. 4.95. Leave blank for none."
          inputMode="decimal"
          autoComplete="off"
          value={values.stateRate}
          onChange={(event) => setValues((v) => ({ ...v, stateRate: event.target.value }))}
          error={problem("stateRate")}
        />
        <div className="hidden sm:block" />
        {money("priorYearTax", `${year - 1} total tax`, "Form 1040, line 24. For the safe harbor.")}
        {money("priorYearAgi", `${year - 1} adjusted gross income`, "Form 1040, line 11.")}
      </Group>
      <ErrorNotice error={formLevelError(save.error, Object.values(API_PATHS))} />
      <div className="flex flex-wrap items-center justify-end gap-4">
        <StatusMessage message={saved} />
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          {profile ? "Save profile" : "Save profile and see the plan"}
        </SubmitButton>
      </div>
    </form>
  );
}
