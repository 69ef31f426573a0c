import { TERMS_VERSION } from "@domain/legal";
import { COMPANY, CONTACT } from "./contact";
import type { LegalDocument } from "./legal-document";

export const TERMS_OF_SERVICE: LegalDocument = {
  title: "Terms of Service",
  version: TERMS_VERSION,
  summary: `These terms are the agreement between you and ${COMPANY.name} for the use of TherapyLedger. Please read them; creating an account means you accept them.`,
  sections: [
    {
      heading: "Who we are and what these terms cover",
      blocks: [
        `TherapyLedger is provided by ${COMPANY.name}, an Ohio limited liability company (“we”, “us”). These Terms of Service govern your use of the TherapyLedger website, web application and related services (the “Service”). “You” means the person using the Service and, where you act for a practice, that practice as well.`,
        "When you create an account you confirm that you are at least 18 years old, that you have read these terms and our Privacy Policy, and that you have authority to accept them for any practice you register. We record the version you accepted and when.",
      ],
    },
    {
      heading: "What TherapyLedger does",
      blocks: [
        "TherapyLedger is a financial record-keeping tool for therapists in private practice in the United States. It helps you record income and expenses, categorize them by IRS Schedule C line, compare expected and received payments by payer, reconcile deposits, and estimate quarterly federal tax.",
        "TherapyLedger is not a tax, legal, accounting or financial adviser. Reports, categories and tax estimates are calculated from the information you provide and from published figures, and they may be incomplete or wrong for your situation. Review them with a qualified professional before you file or pay; you remain responsible for your returns and payments.",
      ],
    },
    {
      heading: "Financial data only: no clinical data",
      blocks: [
        "TherapyLedger is designed to hold financial data only: dollar amounts, dates, payer names and expense categories. You agree not to enter protected health information (PHI) or clinical information of any kind, including:",
        {
          list: [
            "client names, initials, dates of birth, contact details or other identifiers",
            "diagnoses, treatment plans, session notes or clinical observations",
            "insurance member IDs, claim numbers tied to a client, or any other data that identifies a client",
          ],
        },
        "Because the Service is not meant to receive PHI, we are not your business associate under HIPAA and we do not sign business associate agreements. If PHI is entered despite these terms, we may remove it.",
      ],
    },
    {
      heading: "Your account and its security",
      blocks: [
        "Give accurate information when you register and keep it current. Keep your password and second factor to yourself, and tell us promptly at the security address below if you believe your account has been used without your permission. You are responsible for what happens under your account.",
        "A practice has one Owner, who may invite others as Admins or Users. The Owner is responsible for who is invited, the roles they are given, and removing access when someone leaves the practice.",
      ],
    },
    {
      heading: "Your data belongs to you",
      blocks: [
        "You keep all rights in the data you put into TherapyLedger. You give us permission to store, process and display that data only as needed to provide, secure and support the Service for you, as described in our Privacy Policy. We do not sell your data.",
        "You can export all of your data, and your practice's data if you are its Owner, at any time in common formats (JSON and CSV). You can delete your account at any time from Settings; deletion is permanent.",
      ],
    },
    {
      heading: "Acceptable use",
      blocks: [
        "You agree not to:",
        {
          list: [
            "use the Service for anything unlawful, or to store data you have no right to store",
            "try to reach data or accounts that are not yours, or probe, scan or test the Service's security except under the responsible-disclosure process on our Security page",
            "disrupt the Service, overload it, or get around its limits or access controls",
            "copy, resell or build a competing product from the Service, or reverse engineer it except where the law allows",
          ],
        },
      ],
    },
    {
      heading: "Third-party services",
      blocks: [
        "Some features rely on other companies: Plaid to connect bank accounts, Stripe to process subscription payments, Mailgun to deliver email, and Anthropic to phrase AI insights from aggregate figures. When you use such a feature, the provider's own terms also apply to what it does. You can use TherapyLedger without connecting a bank account or using AI insights.",
        "We are not responsible for the availability or accuracy of data from banks and other third parties, such as late or missing transactions.",
      ],
    },
    {
      heading: "Subscriptions and billing",
      blocks: [
        "Paid plans are billed in advance, monthly or yearly, through Stripe, and renew automatically until cancelled. Prices and what each plan includes are shown before you subscribe. You can cancel at any time; cancellation takes effect at the end of the current billing period, and fees already paid are not refunded except where the law requires.",
        "We may change prices for future billing periods with at least 30 days' notice by email. Self-hosted installations without billing configured are not charged by us.",
      ],
    },
    {
      heading: "Availability and changes to the Service",
      blocks: [
        "We work to keep TherapyLedger available and your data safe, but we do not promise uninterrupted or error-free service. We may change, add or remove features; if we remove a feature you rely on in a material way, we will tell you in advance where we reasonably can.",
      ],
    },
    {
      heading: "Disclaimers",
      blocks: [
        "The Service is provided “as is” and “as available”. To the fullest extent the law allows, we disclaim all warranties, express or implied, including merchantability, fitness for a particular purpose and non-infringement.",
      ],
    },
    {
      heading: "Limitation of liability",
      blocks: [
        "To the fullest extent the law allows, we are not liable for indirect, incidental, special, consequential or punitive damages, or for lost profits, revenue or data, arising from your use of the Service. Our total liability for any claim relating to the Service is limited to the amount you paid us for the Service in the 12 months before the claim arose.",
      ],
    },
    {
      heading: "Indemnity",
      blocks: [
        "You agree to defend and indemnify us against claims arising from your breach of these terms, including any PHI or other data you entered in breach of section 3.",
      ],
    },
    {
      heading: "Ending this agreement",
      blocks: [
        "You may stop using the Service and delete your account at any time. We may suspend or close an account that breaches these terms or puts the Service or other users at risk; unless the law or security prevents it, we will tell you first and give you the chance to export your data.",
        "Sections 10, 11, 12 and 15 continue to apply after this agreement ends.",
      ],
    },
    {
      heading: "Changes to these terms",
      blocks: [
        "When we change these terms we publish a new version with a new effective date. For material changes we will email account Owners at least 30 days before they take effect and ask you to accept the new version when you next sign in.",
      ],
    },
    {
      heading: "Governing law",
      blocks: [
        "These terms are governed by the laws of the State of Ohio, without regard to its conflict-of-law rules. Disputes will be heard in the state or federal courts located in Ohio, and both parties consent to their jurisdiction.",
      ],
    },
    {
      heading: "Contact",
      blocks: [
        `Questions about these terms: ${CONTACT.support}. Security concerns: ${CONTACT.security}. ${COMPANY.name}, ${COMPANY.location}.`,
      ],
    },
  ],
};
