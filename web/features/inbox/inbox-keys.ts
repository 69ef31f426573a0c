import type { InboxClassification } from "./inbox-queries";

/** The inbox's classification shortcuts: one letter each, shown on the page. */
export const CLASSIFY_KEYS: ReadonlyArray<{ key: string; classification: InboxClassification }> = [
  { key: "i", classification: "income" },
  { key: "e", classification: "expense" },
  { key: "t", classification: "transfer" },
  { key: "d", classification: "owner_draw" },
  { key: "c", classification: "owner_contribution" },
  { key: "q", classification: "estimated_tax" },
  { key: "p", classification: "personal" },
];

export function classificationForKey(key: string): InboxClassification | undefined {
  return CLASSIFY_KEYS.find((k) => k.key === key)?.classification;
}

export type RowMove = "next" | "previous";

export function moveForKey(key: string): RowMove | undefined {
  if (key === "j" || key === "ArrowDown") return "next";
  if (key === "k" || key === "ArrowUp") return "previous";
  return undefined;
}

const MAX_WORDS = 3;

/**
 * The part of a bank description that names the merchant, for a rule: the words before the first
 * one with a digit or a reference mark ("ZOOM.US 888-799-9666" → "ZOOM.US", "SQUARE INC  SQ260128
 * CCD ID: …" → "SQUARE INC"), at most three, never a replaced client name.
 */
export function ruleTextFor(description: string): string {
  const words = description
    .replace(/\[client\]/gi, " ")
    .split(/\s+/)
    .filter(Boolean);
  const kept: string[] = [];
  for (const word of words) {
    if (/[\d#*]/.test(word) || kept.length === MAX_WORDS) break;
    kept.push(word);
  }
  if (kept.length > 0) return kept.join(" ");
  return (words[0] ?? "").replace(/[\d#*].*$/, "") || (words[0] ?? "");
}
