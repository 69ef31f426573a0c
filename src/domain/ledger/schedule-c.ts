/**
 * Schedule C (Form 1040), Part II expense lines, as printed on the 2025 form, and the preset
 * chart of categories a new practice starts with. Line 27b (the energy efficient commercial
 * buildings deduction, Form 7205, added in 2023) and line 30 (business use of home, handled by
 * the tax planner) are not lines a category collects, so they are not offered here.
 */

export type ScheduleCLine = {
  line: string;
  label: string;
  /**
   * The share of the amount that is deductible, in basis points. Only line 24b differs: business
   * meals are generally 50% deductible (IRC §274(n)); reports apply it, the ledger stores cost.
   */
  deductibleBasisPoints: number;
};

const FULL = 10_000;

export const SCHEDULE_C_LINES = [
  { line: "8", label: "Advertising", deductibleBasisPoints: FULL },
  { line: "9", label: "Car and truck expenses", deductibleBasisPoints: FULL },
  { line: "10", label: "Commissions and fees", deductibleBasisPoints: FULL },
  { line: "11", label: "Contract labor", deductibleBasisPoints: FULL },
  { line: "12", label: "Depletion", deductibleBasisPoints: FULL },
  { line: "13", label: "Depreciation and section 179 expense deduction", deductibleBasisPoints: FULL },
  { line: "14", label: "Employee benefit programs", deductibleBasisPoints: FULL },
  { line: "15", label: "Insurance (other than health)", deductibleBasisPoints: FULL },
  { line: "16a", label: "Interest: Mortgage (paid to banks, etc.)", deductibleBasisPoints: FULL },
  { line: "16b", label: "Interest: Other", deductibleBasisPoints: FULL },
  { line: "17", label: "Legal and professional services", deductibleBasisPoints: FULL },
  { line: "18", label: "Office expense", deductibleBasisPoints: FULL },
  { line: "19", label: "Pension and profit-sharing plans", deductibleBasisPoints: FULL },
  { line: "20a", label: "Rent or lease: Vehicles, machinery, and equipment", deductibleBasisPoints: FULL },
  { line: "20b", label: "Rent or lease: Other business property", deductibleBasisPoints: FULL },
  { line: "21", label: "Repairs and maintenance", deductibleBasisPoints: FULL },
  { line: "22", label: "Supplies", deductibleBasisPoints: FULL },
  { line: "23", label: "Taxes and licenses", deductibleBasisPoints: FULL },
  { line: "24a", label: "Travel", deductibleBasisPoints: FULL },
  { line: "24b", label: "Deductible meals", deductibleBasisPoints: 5_000 },
  { line: "25", label: "Utilities", deductibleBasisPoints: FULL },
  { line: "26", label: "Wages (less employment credits)", deductibleBasisPoints: FULL },
  { line: "27a", label: "Other expenses", deductibleBasisPoints: FULL },
] as const satisfies readonly ScheduleCLine[];

export type ScheduleCLineCode = (typeof SCHEDULE_C_LINES)[number]["line"];

export const SCHEDULE_C_LINE_CODES = SCHEDULE_C_LINES.map((l) => l.line) as [
  ScheduleCLineCode,
  ...ScheduleCLineCode[],
];

const BY_CODE = new Map<string, ScheduleCLine>(SCHEDULE_C_LINES.map((l) => [l.line, l]));

export function findScheduleCLine(code: string): ScheduleCLine | undefined {
  return BY_CODE.get(code);
}

/** "Line 20b — Rent or lease: Other business property", as the category pickers show it. */
export function describeScheduleCLine(code: string): string {
  const line = BY_CODE.get(code);
  return line ? `Line ${line.line} — ${line.label}` : `Line ${code}`;
}

export type PresetCategory = { key: string; name: string; line: ScheduleCLineCode };

/**
 * The therapist chart. `key` is the preset's stable identity: a practice may rename or archive a
 * preset, and later features (processor fees → line 10, the mileage log → line 9) find it by key.
 */
export const PRESET_CATEGORIES = [
  { key: "advertising", name: "Advertising and marketing", line: "8" },
  { key: "car_and_truck", name: "Car and truck (mileage)", line: "9" },
  { key: "payment_processing_fees", name: "Card and payment processor fees", line: "10" },
  { key: "contract_labor", name: "Contract labor", line: "11" },
  { key: "depreciation", name: "Depreciation (equipment, furniture)", line: "13" },
  { key: "liability_insurance", name: "Liability and malpractice insurance", line: "15" },
  { key: "interest", name: "Interest on business loans and cards", line: "16b" },
  { key: "legal_professional", name: "Legal and professional services", line: "17" },
  { key: "office_expense", name: "Office expense", line: "18" },
  { key: "office_rent", name: "Office rent", line: "20b" },
  { key: "repairs", name: "Repairs and maintenance", line: "21" },
  { key: "supplies", name: "Supplies", line: "22" },
  { key: "licenses", name: "License renewals, taxes and fees", line: "23" },
  { key: "travel", name: "Travel", line: "24a" },
  { key: "meals", name: "Business meals (50% deductible)", line: "24b" },
  { key: "utilities", name: "Utilities, phone and internet", line: "25" },
  { key: "wages", name: "Wages", line: "26" },
  { key: "continuing_education", name: "Continuing education", line: "27a" },
  { key: "clinical_supervision", name: "Clinical supervision", line: "27a" },
  { key: "professional_memberships", name: "Professional memberships", line: "27a" },
  { key: "ehr_software", name: "EHR and practice-management software", line: "27a" },
  { key: "telehealth_software", name: "Telehealth software", line: "27a" },
  { key: "consultation", name: "Consultation", line: "27a" },
] as const satisfies readonly PresetCategory[];

export type PresetCategoryKey = (typeof PRESET_CATEGORIES)[number]["key"];
