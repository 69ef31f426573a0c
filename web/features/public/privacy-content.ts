import { PRIVACY_VERSION } from "@domain/legal";
import { COMPANY, CONTACT } from "./contact";
import type { LegalDocument } from "./legal-document";

export const PRIVACY_POLICY: LegalDocument = {
  title: "Privacy Policy",
  version: PRIVACY_VERSION,
  summary:
    "TherapyLedger holds financial data only. This policy explains what we collect, why, who helps us process it, and the control you have over it.",
  sections: [
    {
      heading: "Who we are",
      blocks: [
        `TherapyLedger is operated by ${COMPANY.name}, ${COMPANY.location} (“we”, “us”). This policy covers the TherapyLedger website and application. For the data you enter about your practice, we act on your behalf and follow your instructions.`,
      ],
    },
    {
      heading: "What we collect",
      blocks: [
        {
          list: [
            "Account details: your name, email address, password (stored only as a one-way hash), two-factor settings, and the practices you belong to with your role in each.",
            "Financial records you enter, import or link: transaction dates, amounts and descriptions, accounts, payer names and types, contracted rates per service code, expense categories, mileage entries, and your tax planning inputs such as filing status and estimated payments.",
            "Bank connection details, if you link a bank through Plaid: the institution, account names, account type and the last digits of account numbers. We never receive your bank username or password.",
            "Billing details: your subscription plan and payment status from Stripe. Card numbers are handled by Stripe and never reach us.",
            "Security and consent records: sign-ins, two-factor changes, exports and member changes, with time and IP address; and the version of these documents you accepted, with the time and IP address of acceptance.",
          ],
        },
      ],
    },
    {
      heading: "What we never collect",
      blocks: [
        "TherapyLedger is not a health record. We do not collect client names, diagnoses, treatment plans, session notes or any other protected health information, and our Terms of Service ask you not to enter them.",
        "Bank descriptions of peer-to-peer payments (Zelle, Venmo, PayPal, Cash App, Square and the like) often contain the payer's name. When such data comes from a bank import or link, names are replaced before the transaction is stored.",
      ],
    },
    {
      heading: "How we use your information",
      blocks: [
        {
          list: [
            "to provide the Service: keep your ledger, produce reports and tax estimates, and reconcile deposits",
            "to keep it secure: authenticate you, detect abuse, and keep a security log you can read",
            "to send transactional email: address verification, password resets, invitations and security alerts",
            "to bill paid plans, to answer you when you contact us, and to meet legal obligations",
          ],
        },
        "We do not use your data for advertising, we do not build marketing profiles, and we do not use your data to train AI models.",
      ],
    },
    {
      heading: "Service providers",
      blocks: [
        "We use a small number of processors, each bound by contract to use data only to provide its service to us:",
        {
          list: [
            "Mailgun, to deliver transactional email: your email address and the message.",
            "Stripe, to process subscription payments: your name, email address and payment details, which you enter directly with Stripe.",
            "Plaid, to connect bank accounts when you choose to: Plaid collects your bank credentials and sends us account and transaction data.",
            "Anthropic, to phrase AI insights: aggregate figures only (totals, trends, ratios), never names, email addresses, account numbers or notes. Anthropic does not train its models on this data. The insights also work without it.",
            "Our cloud hosting and managed database providers in the United States, which store the Service's data.",
          ],
        },
      ],
    },
    {
      heading: "We do not sell your data",
      blocks: [
        "We do not sell, rent or share your personal information or your practice's data with anyone for their own purposes, including for cross-context behavioral advertising. We disclose information only to the processors above, when the law requires it (such as a valid subpoena, which we will tell you about unless we are prohibited), or to a successor if our business is transferred, under the same protections as this policy.",
      ],
    },
    {
      heading: "Cookies",
      blocks: [
        "We use only cookies that are strictly necessary to run the Service, such as the cookie that keeps you signed in and protection against cross-site request forgery. We use no advertising or third-party tracking cookies and no analytics trackers.",
      ],
    },
    {
      heading: "Retention and deletion",
      blocks: [
        "We keep your data while your account is open. When you delete your account, your account and the data of practices you own are deleted from our database immediately and permanently, and bank links are revoked at Plaid. Database backups roll over on a fixed schedule of no more than 30 days, after which deleted data is gone from them too.",
        "We keep billing records as long as tax law requires, and we may keep a record of consent or of an account's deletion where we need it to show that we met our obligations.",
      ],
    },
    {
      heading: "Your rights",
      blocks: [
        "Wherever you live, you can:",
        {
          list: [
            "see and correct your data in the application at any time",
            "export all of your data, and your practice's data if you are its Owner, as JSON and CSV",
            "delete your account and its data from Settings",
            `ask us any question about your data at ${CONTACT.privacy}`,
          ],
        },
        "Residents of states with privacy laws (for example California, Colorado, Connecticut or Virginia) have these rights by law, and we will not treat you differently for using them. We answer requests within 30 days.",
      ],
    },
    {
      heading: "Security",
      blocks: [
        "We protect your data with measures described on our Security page, which says plainly which are in place today and which are still being built. If a security incident affects your data, we will notify you by email within 72 hours.",
      ],
    },
    {
      heading: "Children",
      blocks: [
        "TherapyLedger is a business tool for adults. It is not directed to children, and we do not knowingly collect information from anyone under 18.",
      ],
    },
    {
      heading: "Changes to this policy",
      blocks: [
        "When we change this policy we publish a new version with a new effective date. For material changes we will email you at least 30 days before they take effect and ask you to accept the new version when you next sign in.",
      ],
    },
    {
      heading: "Contact",
      blocks: [
        `Privacy questions and requests: ${CONTACT.privacy}. Security concerns: ${CONTACT.security}. ${COMPANY.name}, ${COMPANY.location}.`,
      ],
    },
  ],
};
