/**
 * Federal estimated tax payments as banks print them, so an import files them as
 * `estimated_tax` (the tax planner counts those as payments made) instead of leaving them
 * unreviewed. Only money out counts: "IRS TREAS 310 TAX REF" is a refund coming in.
 *
 * The wordings: the IRS's ACH company entry "USATAXPYMT" (Direct Pay and EFTPS debits:
 * "IRS USATAXPYMT", "IRS DES:USATAXPYMT"), "US TREASURY TAX PYMT" / "TREAS TAX PYMT", any
 * "EFTPS" debit, and a description naming the IRS with "1040-ES" or "estimated tax". A transfer
 * between the practice's own accounts "for IRS Q4 estimate" is none of these: it names neither
 * the payment system nor the form.
 */

const WORDINGS: readonly RegExp[] = [
  /\bUSA\s?TAX\s?PYMT\b/i,
  /\bU\.?\s?S\.?\s+TREASURY\b.*\bTAX\s+P(?:A)?YM(?:EN)?T\b/i,
  /\bTREAS(?:URY)?\s+TAX\s+P(?:A)?YM(?:EN)?T\b/i,
  /\bEFTPS\b/i,
  /\bIRS\b.*\b(?:1040\s?-?\s?ES|EST(?:IMATED)?\.?\s+TAX)\b/i,
];

export function isFederalEstimatedTaxPayment(description: string, amountCents: number): boolean {
  if (amountCents >= 0) return false;
  return WORDINGS.some((wording) => wording.test(description));
}
