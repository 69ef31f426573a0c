/** The landing page's copy, kept apart from its layout so wording can change on its own. */

export type Question = { icon: "chart" | "receipt" | "calendar" | "scale"; title: string; body: string };

export const QUESTIONS: Question[] = [
  {
    icon: "chart",
    title: "How much did I make, and from which payers?",
    body: "Income by payer (insurers, private pay, EAPs) from bank deposits, statement imports or quick manual entry, with one deposit split across several payers when it covers them.",
  },
  {
    icon: "receipt",
    title: "What did I spend, and on what?",
    body: "Expenses sorted onto IRS Schedule C lines from a chart made for therapists: continuing education, licensing fees, malpractice insurance, EHR and telehealth software, supervision, office rent.",
  },
  {
    icon: "calendar",
    title: "What will I owe in tax, and when?",
    body: "Quarterly federal estimates for a sole proprietor, with self-employment tax, the QBI deduction, safe harbor, the four due dates, payments made and what is still due.",
  },
  {
    icon: "scale",
    title: "Is every insurer paying what it should?",
    body: "Contracted rates times sessions, compared with what actually arrived, so underpayments and recoupments stand out payer by payer.",
  },
];

export type Audience = { icon: "user" | "users"; title: string; lead: string; points: string[] };

export const AUDIENCES: Audience[] = [
  {
    icon: "user",
    title: "Solo therapists",
    lead: "Everything a one-person practice needs to know where it stands, without a bookkeeper.",
    points: [
      "Link or import your business bank account, or enter transactions by hand",
      "See income by payer and expenses by Schedule C line, all year",
      "Set tax aside and pay quarterly estimates on time",
      "Hand your CPA a clean packet: P&L by Schedule C line, payer and category detail, mileage log",
    ],
  },
  {
    icon: "users",
    title: "Group practices",
    lead: "The same clarity for the whole practice, with the right access for each person.",
    points: [
      "Roles per practice: one Owner, Admins for the practice manager or biller, Users for clinicians and bookkeepers",
      "Admins manage members, bank connections, payers, categories and settings",
      "A security log of sign-ins, exports and member changes",
      "Each practice's data is invisible to every other practice",
    ],
  },
];

export type Differentiator = { title: string; body: string };

export const DIFFERENTIATORS: Differentiator[] = [
  {
    title: "Expected vs received, by payer",
    body: "Record each payer's contracted rate per service code. TherapyLedger compares rate times sessions with what arrived and flags underpayments and recoupments, with no PHI involved.",
  },
  {
    title: "Deposit reconciliation",
    body: "Payouts from Stripe and card processors are grossed up, the processing fee is recorded as an expense, and the payout is matched to the deposit in your bank.",
  },
  {
    title: "Practice economics",
    body: "Net revenue per session for each payer, after fees, alongside how many days each payer takes to pay, so you can see which panels are worth keeping.",
  },
];

export const WE_HOLD = [
  "Dollar amounts and dates",
  "Payer names (insurers, private pay, EAPs)",
  "Expense categories",
];

export const WE_NEVER_HOLD = [
  "Client names",
  "Diagnoses or treatment plans",
  "Session notes or any clinical data",
];
