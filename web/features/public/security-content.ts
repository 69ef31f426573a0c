/**
 * The security page's promises, as data. Each item says whether it is in place in the software
 * running today or still planned; when a feature lands, flip its status here (and change the
 * date) so the page never claims more than the software does.
 */
export type SecurityStatus = "in place" | "planned";

export type SecurityItem = { title: string; detail: string; status: SecurityStatus };

export type SecuritySection = { id: string; title: string; summary: string; items: SecurityItem[] };

export const SECURITY_PAGE_UPDATED = "2026-11-26";

export const SECURITY_SECTIONS: SecuritySection[] = [
  {
    id: "data-minimization",
    title: "The data we hold",
    summary: "The safest data is data we never have. TherapyLedger is built around financial records alone.",
    items: [
      {
        title: "No clinical data, no client names, by design",
        detail:
          "TherapyLedger records dollar amounts, dates, payer names and expense categories. It does not ask for or keep client names, diagnoses, treatment plans, session notes or any other protected health information.",
        status: "in place",
      },
      {
        title: "Your data is never sold",
        detail:
          "Your records are used only to run the service for you. We do not sell, rent or share them for advertising or marketing.",
        status: "in place",
      },
      {
        title: "Names removed from bank descriptions",
        detail:
          "Peer-to-peer payment descriptions (Zelle, Venmo, PayPal, Cash App, Square Cash, Apple Cash, and banks' online-transfer wordings) often carry a client's name. The name is replaced with “[client]” before a transaction is stored, whether it came from an imported statement or was typed by hand; business payers such as insurers or a colleague's PLLC are kept. Imported files themselves are never kept, only a fingerprint that stops the same file being counted twice. A payer named like a person gets a warning that suggests “Private pay”.",
        status: "in place",
      },
    ],
  },
  {
    id: "in-transit",
    title: "Encryption in transit",
    summary: "Your browser talks to TherapyLedger over HTTPS only.",
    items: [
      {
        title: "TLS in front of the app",
        detail:
          "In production TherapyLedger runs behind a TLS-terminating proxy or load balancer and expects every request to have arrived over HTTPS.",
        status: "in place",
      },
      {
        title: "Plain HTTP redirected or refused",
        detail:
          "In production a plain-HTTP page request (GET or HEAD) is redirected with a 301 to the same address over HTTPS. Any other plain-HTTP request is refused, since resending its body would expose it.",
        status: "in place",
      },
      {
        title: "HTTP Strict Transport Security (HSTS)",
        detail:
          "Every response tells browsers to use only HTTPS for TherapyLedger for two years, subdomains included (max-age=63072000; includeSubDomains).",
        status: "in place",
      },
    ],
  },
  {
    id: "browser",
    title: "Browser protections",
    summary: "Security headers set on every response, error and “not found” pages included.",
    items: [
      {
        title: "Content Security Policy",
        detail:
          "Scripts, styles, fonts and connections may come only from TherapyLedger itself. Inline scripts are not allowed, plugins are off (object-src 'none'), the page's base address cannot be changed (base-uri 'none') and no site may frame the app (frame-ancestors 'none').",
        status: "in place",
      },
      {
        title: "X-Frame-Options: DENY",
        detail: "A second guard against clickjacking, for browsers that predate frame-ancestors.",
        status: "in place",
      },
      {
        title: "X-Content-Type-Options: nosniff",
        detail:
          "Browsers must honour the declared type of every file instead of guessing, so nothing can be run as a script that was not sent as one.",
        status: "in place",
      },
      {
        title: "Referrer-Policy",
        detail:
          "strict-origin-when-cross-origin: other sites learn at most that you came from TherapyLedger, never the address of the page.",
        status: "in place",
      },
      {
        title: "Permissions-Policy",
        detail:
          "Camera, microphone, location, payment, USB and motion sensors are switched off for every page.",
        status: "in place",
      },
      {
        title: "API responses never cached",
        detail:
          "Every API response carries Cache-Control: no-store, so financial data is not kept in browser or proxy caches.",
        status: "in place",
      },
      {
        title: "Output encoding",
        detail:
          "The web app is built with React, which escapes everything it displays. Rendering raw HTML is forbidden by a lint rule.",
        status: "in place",
      },
    ],
  },
  {
    id: "application",
    title: "Application and database",
    summary: "How the server treats every request and every query.",
    items: [
      {
        title: "Parameterized queries through Drizzle ORM",
        detail:
          "All database access goes through Drizzle ORM with bound parameters; values are never pasted into SQL text.",
        status: "in place",
      },
      {
        title: "PostgreSQL",
        detail:
          "Data is kept in PostgreSQL: an embedded PostgreSQL (PGlite) when TherapyLedger runs on a single machine, and a managed PostgreSQL service in production.",
        status: "in place",
      },
      {
        title: "Every request validated on the server",
        detail:
          "Each API request is checked against a Zod schema before any code acts on it. Unknown fields are refused rather than ignored, and oversized bodies are refused.",
        status: "in place",
      },
      {
        title: "Errors that reveal nothing",
        detail:
          "When something fails on our side you see one generic message and a request id. The details go to the server logs only.",
        status: "in place",
      },
      {
        title: "Logs without secrets",
        detail:
          "Logs redact cookies, authorization headers, passwords, verification codes and tokens. Request bodies are not logged.",
        status: "in place",
      },
      {
        title: "Secrets kept out of the source code",
        detail:
          "In production, keys and secrets come from the environment, and the server will not start without them. None is written in the source code.",
        status: "in place",
      },
    ],
  },
  {
    id: "accounts",
    title: "Accounts and sign-in",
    summary: "Who you are is checked on every request, and a stolen password alone is not enough.",
    items: [
      {
        title: "Password hashing with bcrypt",
        detail:
          "Passwords of 8 characters to 72 bytes, hashed with bcrypt at cost 12 and checked against a list of about 49,000 common and breached passwords. Plain passwords are never stored. After 10 wrong passwords an account is locked for 15 minutes, and signing in never reveals whether an address has an account.",
        status: "in place",
      },
      {
        title: "Two-factor authentication",
        detail:
          "Codes from any authenticator app (TOTP), required by the server before any account data is reachable, each code accepted once; five wrong codes end the sign-in. Ten single-use backup codes, each stored only as a bcrypt hash. A practice's Owner can require two-factor for every member.",
        status: "in place",
      },
      {
        title: "Encrypted session cookies",
        detail:
          "Sessions held in encrypted (AES-256-GCM), httpOnly, Secure, SameSite cookies that page scripts cannot read. They expire after an hour idle or 12 hours at most, and end on the server at once when you sign out, end a session from Settings, or change your password or two-factor settings.",
        status: "in place",
      },
      {
        title: "Cross-site request forgery (CSRF) protection",
        detail:
          "Every request that changes data must carry a secret token bound to your browser and come from TherapyLedger itself; requests from other sites are refused.",
        status: "in place",
      },
      {
        title: "Roles: Owner, Admin and User",
        detail:
          "Each person's role in a practice is checked on every API request against one written policy, and one practice's data is invisible to every other. Invitations are single-use, expire after 7 days and work only for the address they were sent to.",
        status: "in place",
      },
      {
        title: "Google and Microsoft sign-in",
        detail:
          "Sign in with Google or Microsoft Entra ID (when the operator has configured them); accounts are tied to the provider's stable account id, never to an email address alone, and rely on the provider's own multi-factor checks unless you have turned on two-factor here too.",
        status: "in place",
      },
    ],
  },
  {
    id: "at-rest",
    title: "Encryption at rest",
    summary: "The most sensitive fields get a second layer of encryption of their own.",
    items: [
      {
        title: "Field encryption with AES-256-GCM",
        detail:
          "Two-factor secrets and queued emails (which carry single-use links) are encrypted by the application with AES-256-GCM before they reach the database, each value bound to its place, under keys that can be rotated. Bank connection tokens will be too.",
        status: "in place",
      },
    ],
  },
  {
    id: "integrations",
    title: "Third-party services",
    summary:
      "Each provider receives only what it needs. Email is connected today; the others are being built.",
    items: [
      {
        title: "Plaid, for bank linking",
        detail:
          "You enter bank credentials in Plaid's own window; TherapyLedger never sees them. Access tokens are encrypted at rest, and you can revoke a link at any time.",
        status: "planned",
      },
      {
        title: "Stripe, for subscription billing",
        detail:
          "Card details are handled by Stripe and never stored by TherapyLedger. The signature of every Stripe webhook is verified.",
        status: "planned",
      },
      {
        title: "Anthropic, for AI insights",
        detail:
          "Only aggregate figures are sent, never names, email addresses, account numbers or notes. The product works fully without it.",
        status: "planned",
      },
      {
        title: "Mailgun, for email",
        detail:
          "Transactional email only: address verification, password resets, invitations and security notices. Click and open tracking is switched off on every message.",
        status: "in place",
      },
    ],
  },
  {
    id: "data-rights",
    title: "Your data, your control",
    summary: "You own what you enter, and you can take it with you or remove it.",
    items: [
      {
        title: "Export everything",
        detail: "Download all of your and your practice's data at any time, as JSON and CSV in one archive.",
        status: "planned",
      },
      {
        title: "Delete your account",
        detail:
          "Delete your account from Settings: permanent, cascading and immediate in the database. A practice you alone belong to goes with it; a practice with other members must first get a new Owner.",
        status: "in place",
      },
    ],
  },
];
