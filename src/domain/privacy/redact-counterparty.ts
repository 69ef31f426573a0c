/**
 * The privacy guard for bank descriptions (issue 6): client names must never be stored, and a
 * person-to-person payment (Zelle, Venmo, PayPal, Cash App, Square Cash, Apple Cash, a bank's
 * "online transfer from/to") prints the counterparty's name. `redactCounterparty` replaces that
 * name with "[client]" and keeps the brand, the direction, reference numbers and dates, so rules
 * still match ("Zelle payment from [client] 12345678"). Run it on every description before it is
 * stored, logged or put in a raw vendor payload.
 *
 * How: once a P2P wording is found, the description is cut into runs of words that a name could
 * span (words separated by spaces, commas or "&"). A run ends at "from", "to", a label ("ID:"),
 * a brand, anything holding a digit, or other punctuation. Bank wording at a run's edges
 * ("PAYMENT", "EVERYDAY CHECKING") is kept; what lies between is the counterparty, and it is
 * replaced unless it is a business: led by an insurer ("AETNA", "BLUE CROSS …") or ended by a
 * firm's suffix ("… COUNSELING PLLC"). When in doubt it redacts: a memo or a city beside a name
 * goes too. A word after "@" is a handle and always goes. One pass over the text, no
 * backtracking: linear in its length.
 */
import {
  COUNTERPARTY_PLACEHOLDER,
  type DescriptionToken,
  hasDigit,
  hasLetter,
  normalizeWord,
  tokenizeDescription,
} from "./description-tokens.js";
import {
  BREAK_WORDS,
  BUSINESS_SUFFIXES,
  INSURER_PAIRS,
  INSURERS,
  P2P_PHRASES,
  SURNAME_INSURERS,
  WORDING,
} from "./p2p-vocabulary.js";

export { COUNTERPARTY_PLACEHOLDER };

export type CounterpartyRedaction = {
  /** The description with each personal counterparty replaced by "[client]". */
  text: string;
  /** Whether anything was replaced. */
  redacted: boolean;
};

type WordClass = "break" | "wording" | "name";
type Word = { token: DescriptionToken; norm: string; cls: WordClass };

export function redactCounterparty(description: string): CounterpartyRedaction {
  const tokens = tokenizeDescription(description);
  const words = classifyWords(tokens);
  if (!words.some((w) => w?.brand === true)) return { text: description, redacted: false };

  const spans: [number, number][] = [];
  let run: Word[] = [];
  const flush = () => {
    const span = counterpartySpan(run);
    if (span) spans.push(span);
    run = [];
  };
  for (const [i, token] of tokens.entries()) {
    const word = words[i];
    if (token.kind === "separator") {
      if (!isSoftSeparator(token.text)) flush();
    } else if (!word || word.cls === "break") {
      flush();
    } else {
      run.push(word);
    }
  }
  flush();
  if (spans.length === 0) return { text: description, redacted: false };

  let text = "";
  let at = 0;
  for (const [start, end] of spans) {
    text += description.slice(at, start) + COUNTERPARTY_PLACEHOLDER;
    at = end;
  }
  return { text: text + description.slice(at), redacted: true };
}

/** Whether the description is worded as a person-to-person payment (a brand or bank wording). */
export function isPersonToPersonPayment(description: string): boolean {
  return classifyWords(tokenizeDescription(description)).some((w) => w?.brand === true);
}

type ClassifiedWord = Word & { brand: boolean };

/** One entry per token: null for separators and placeholders. */
function classifyWords(tokens: DescriptionToken[]): (ClassifiedWord | null)[] {
  const out: (ClassifiedWord | null)[] = tokens.map((token, i) => {
    if (token.kind !== "word") return null;
    const norm = normalizeWord(token.text);
    const handle = tokens[i - 1]?.text.endsWith("@") ?? false;
    return { token, norm, cls: handle ? "name" : wordClass(token.text, norm), brand: false };
  });
  markBrands(tokens, out);
  return out;
}

function wordClass(text: string, norm: string): WordClass {
  if (hasDigit(text) || BREAK_WORDS.has(norm)) return "break";
  if (!hasLetter(text) || WORDING.has(norm)) return "wording";
  return "name";
}

/** The P2P phrases by their first word, longest first. */
const PHRASES_BY_FIRST_WORD = new Map<string, (readonly string[])[]>();
for (const phrase of P2P_PHRASES) {
  const first = phrase[0] ?? "";
  PHRASES_BY_FIRST_WORD.set(first, [...(PHRASES_BY_FIRST_WORD.get(first) ?? []), phrase]);
}

/** Marks the words of each P2P phrase as brand words, which end a counterparty. */
function markBrands(tokens: DescriptionToken[], words: (ClassifiedWord | null)[]): void {
  for (const [i, word] of words.entries()) {
    for (const phrase of (word && PHRASES_BY_FIRST_WORD.get(word.norm)) || []) {
      const at = phraseAt(tokens, words, i, phrase);
      if (!at) continue;
      for (const index of at) {
        const word = words[index];
        if (!word) continue;
        word.brand = true;
        word.cls = "break";
      }
      break;
    }
  }
}

/** The token indexes of `phrase` starting at token i, its words separated by spaces only. */
function phraseAt(
  tokens: DescriptionToken[],
  words: (ClassifiedWord | null)[],
  i: number,
  phrase: readonly string[],
): number[] | null {
  const indexes: number[] = [];
  let t = i;
  for (const [n, part] of phrase.entries()) {
    if (n > 0) {
      if (tokens[t]?.kind !== "separator" || (tokens[t]?.text.trim() ?? "x") !== "") return null;
      t++;
    }
    if (words[t]?.norm !== part) return null;
    indexes.push(t);
    t++;
  }
  return indexes;
}

/** Spaces, commas and "&" may sit inside a name: "Doe, Jane", "JOHN & JANE DOE". */
function isSoftSeparator(text: string): boolean {
  for (const ch of text) if (ch !== "," && ch !== "&" && ch.trim() !== "") return false;
  return true;
}

/** The span to replace in a run: what lies between its bank wording, unless a business. */
function counterpartySpan(run: Word[]): [number, number] | null {
  const first = run.findIndex((w) => w.cls === "name");
  if (first < 0) return null;
  let last = run.length - 1;
  while (run[last]?.cls !== "name") last--;
  const core = run.slice(first, last + 1);
  if (isBusiness(core.map((w) => w.norm))) return null;
  const startWord = core[0];
  const endWord = core[core.length - 1];
  if (!startWord || !endWord) return null;
  return [startWord.token.start, endWord.token.end];
}

function isBusiness(words: string[]): boolean {
  const [first = "", second = ""] = words;
  const last = words[words.length - 1] ?? "";
  if (BUSINESS_SUFFIXES.has(last) || INSURERS.has(first)) return true;
  if (INSURER_PAIRS.some(([a, b]) => a === first && b === second)) return true;
  if (SURNAME_INSURERS.has(first)) {
    return words.length === 1 || words.some((w) => BUSINESS_SUFFIXES.has(w));
  }
  return false;
}
