import { formatMoney } from "../ledger/money";
import { formatAmount, formatBasisPoints } from "../reports/report-format";
import { NumberCell, ReportTable, RowHeader } from "../reports/report-table";
import type { TaxPlan } from "./tax-queries";

type Row = { label: string; cents: number; note?: string; total?: boolean; less?: boolean };

const QBI_NOTES: Record<TaxPlan["estimate"]["qbi"]["zone"], string> = {
  no_qbi: "No qualified business income: no deduction.",
  below_threshold: "20% of qualified business income, limited to 20% of taxable income.",
  phase_in: "In the phase-out range for a specified service business: part of the deduction.",
  above_range: "Above the range for a specified service business (a therapy practice is one): no deduction.",
};

const BASIS_NOTES: Record<TaxPlan["ledger"]["basis"], string> = {
  full_year: "The ledger’s profit for the whole year.",
  projected_full_year: "The profit so far, projected to the full year at the same pace.",
  entered_so_far: "The profit entered so far.",
};

function rowsOf(plan: TaxPlan): Row[] {
  const e = plan.estimate;
  const se = e.selfEmployment;
  const rows: Row[] = [
    { label: "Practice profit", cents: e.tentativeProfitCents, note: BASIS_NOTES[plan.ledger.basis] },
  ];
  if (e.homeOfficeDeductionCents !== 0) {
    rows.push({ label: "Home office deduction", cents: e.homeOfficeDeductionCents, less: true });
  }
  rows.push(
    { label: "Net profit", cents: e.netProfitCents, total: true },
    {
      label: "Self-employment tax",
      cents: se.selfEmploymentTaxCents,
      note: se.owesSelfEmploymentTax
        ? `15.3% on 92.35% of net profit (${formatMoney(se.netEarningsCents)}): Social Security ${formatMoney(se.socialSecurityTaxCents)}, Medicare ${formatMoney(se.medicareTaxCents)}.`
        : "Net earnings under $400: no self-employment tax.",
    },
  );
  if (e.additionalMedicare.totalCents !== 0) {
    rows.push({
      label: "Additional Medicare tax",
      cents: e.additionalMedicare.totalCents,
      note: "0.9% above the threshold.",
    });
  }
  rows.push({ label: "Wages and other income", cents: e.wagesCents + e.otherIncomeCents });
  rows.push({ label: "Total income", cents: e.totalIncomeCents, total: true });
  rows.push({ label: "Half of self-employment tax", cents: e.halfSelfEmploymentTaxCents, less: true });
  if (e.selfEmployedHealthInsuranceCents !== 0) {
    rows.push({
      label: "Self-employed health insurance",
      cents: e.selfEmployedHealthInsuranceCents,
      less: true,
    });
  }
  if (e.retirementContributionsCents !== 0) {
    rows.push({ label: "Retirement contributions", cents: e.retirementContributionsCents, less: true });
  }
  rows.push(
    { label: "Adjusted gross income", cents: e.adjustedGrossIncomeCents, total: true },
    { label: "Standard deduction", cents: e.standardDeductionCents, less: true },
    {
      label: "Qualified business income deduction",
      cents: e.qbi.deductionCents,
      less: true,
      note: QBI_NOTES[e.qbi.zone],
    },
    { label: "Taxable income", cents: e.taxableIncomeCents, total: true },
    {
      label: "Income tax",
      cents: e.incomeTaxCents,
      note: "From the year’s brackets for your filing status.",
    },
    { label: "Federal tax (income + self-employment)", cents: e.totalFederalTaxCents, total: true },
    {
      label: "State tax",
      cents: e.stateTaxCents,
      note: `${formatBasisPoints(e.stateRateBasisPoints)} of ${formatMoney(e.stateBaseCents)}.`,
    },
    { label: "Total tax for the year", cents: e.totalTaxCents, total: true },
  );
  return rows;
}

/** The estimate's working, line by line, as a CPA would check it. */
export function TaxBreakdown({ plan }: { plan: TaxPlan }) {
  return (
    <ReportTable
      caption={`How the ${plan.year} estimate is worked out`}
      columns={[{ label: "Step" }, { label: "Amount", numeric: true }]}
      minWidth="min-w-[24rem]"
    >
      {rowsOf(plan).map((row) => (
        <tr key={row.label} className={row.total ? "bg-slate-50 font-semibold" : undefined}>
          <RowHeader className={row.total ? "font-semibold" : undefined}>
            {row.less ? <span className="text-slate-600">Less </span> : null}
            {row.label}
            {row.note ? <span className="block text-xs font-normal text-slate-600">{row.note}</span> : null}
          </RowHeader>
          <NumberCell>
            {row.less && row.cents !== 0 ? `(${formatAmount(row.cents)})` : formatAmount(row.cents)}
          </NumberCell>
        </tr>
      ))}
    </ReportTable>
  );
}
