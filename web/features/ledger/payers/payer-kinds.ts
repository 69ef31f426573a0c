import type { Payer } from "../ledger-queries";

export type PayerKind = Payer["kind"];

export const PAYER_KINDS = [
  "insurance",
  "private_pay",
  "eap",
  "other",
] as const satisfies readonly PayerKind[];

export const PAYER_KIND_LABELS: Record<PayerKind, string> = {
  insurance: "Insurance",
  private_pay: "Private pay",
  eap: "EAP",
  other: "Other",
};

/** The payer every client's own payments go to, so no client's name is ever stored. */
export const PRIVATE_PAY_NAME = "Private pay";

export function findPrivatePay(payers: readonly Payer[], except?: string): Payer | undefined {
  return payers.find(
    (p) => p.id !== except && p.name.trim().toLowerCase() === PRIVATE_PAY_NAME.toLowerCase(),
  );
}
