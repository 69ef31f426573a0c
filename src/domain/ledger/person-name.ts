/**
 * A payer named like a person ("Jane Doe") is most likely a client, and client names must not be
 * stored (PRODUCT.md). This is a heuristic for a warning, never a refusal: it looks for two or
 * three capitalised words and no word that marks a business or a known payer.
 */

/** Lower-cased words that mark an organisation, an insurer or a payment channel. */
const BUSINESS_WORDS = new Set([
  "administrators",
  "aetna",
  "alliance",
  "alma",
  "ambetter",
  "anthem",
  "assistance",
  "associates",
  "association",
  "bank",
  "beacon",
  "behavioral",
  "benefit",
  "benefits",
  "blue",
  "care",
  "carelon",
  "center",
  "centre",
  "choice",
  "cigna",
  "clinic",
  "co",
  "community",
  "company",
  "compsych",
  "corp",
  "corporation",
  "counseling",
  "county",
  "cross",
  "department",
  "eap",
  "employee",
  "employer",
  "federal",
  "foundation",
  "fund",
  "group",
  "headway",
  "health",
  "healthcare",
  "highmark",
  "hmo",
  "humana",
  "inc",
  "insurance",
  "kaiser",
  "life",
  "llc",
  "llp",
  "ltd",
  "lyra",
  "magellan",
  "managed",
  "medicaid",
  "medical",
  "medicare",
  "molina",
  "mutual",
  "national",
  "network",
  "optum",
  "oscar",
  "partners",
  "pay",
  "payment",
  "payments",
  "paypal",
  "permanente",
  "plan",
  "plans",
  "pllc",
  "ppo",
  "premera",
  "private",
  "program",
  "regence",
  "rula",
  "self",
  "services",
  "shield",
  "solutions",
  "state",
  "systems",
  "therapy",
  "tricare",
  "trust",
  "union",
  "united",
  "university",
  "venmo",
  "wellcare",
  "wellness",
  "zelle",
]);

// "Jane", "José", "O'Brien", "McDonald", "DeShawn", "Anne-Marie"; or a middle initial "J.".
const NAME_WORD =
  /^(?:(?:\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?|\p{Lu}['’]\p{Lu}\p{Ll}+)(?:-\p{Lu}\p{Ll}+)*|\p{Lu}\.)$/u;

export function looksLikePersonName(name: string): boolean {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 3) return false;
  if (!words.every((w) => NAME_WORD.test(w))) return false;
  // An initial alone is not a name word: "J. K." is not a person's full name.
  if (words.filter((w) => !w.endsWith(".")).length < 2) return false;
  return !words.some((w) => BUSINESS_WORDS.has(w.toLowerCase().replace(/[.'’]/g, "")));
}

export type PayerNameWarning = { code: "possible_client_name"; message: string };

/** The warning a payer's name earns, or null. */
export function payerNameWarning(name: string): PayerNameWarning | null {
  if (!looksLikePersonName(name)) return null;
  return {
    code: "possible_client_name",
    message:
      `"${name.trim()}" looks like a person's name. Client names must not be stored: record ` +
      'payments from clients under one payer such as "Private pay", and rename this payer.',
  };
}
