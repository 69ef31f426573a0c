import type { RouteObject } from "react-router";
import { ImportPage } from "../imports/import-page";
import { InboxPage } from "../inbox/inbox-page";
import { AccountsPage } from "../ledger/accounts/accounts-page";
import { CategoriesPage } from "../ledger/categories/categories-page";
import { PayersPage } from "../ledger/payers/payers-page";
import { TransactionsPage } from "../ledger/transactions/transactions-page";
import { MileagePage } from "../mileage/mileage-page";
import { ReportsPage } from "../reports/reports-page";
import { RulesPage } from "../rules/rules-page";
import { TaxPage } from "../tax/tax-page";
import { AppEntryPage } from "./app-entry-page";
import { MembersPage } from "./members-page";
import { OnboardingPage } from "./onboarding-page";
import { PracticeHomePage } from "./practice-home-page";
import { PracticeLayout } from "./practice-layout";
import { SettingsPage } from "./settings-page";

/**
 * The practice pages. The router nests them inside the signed-in layout, which sends a
 * signed-out visitor to sign in first. Accepting an invitation is an auth page
 * (features/auth/invitation-page.tsx): its visitor may not be signed in yet.
 */
export const practiceRoutes: RouteObject[] = [
  { path: "app", element: <AppEntryPage /> },
  { path: "onboarding", element: <OnboardingPage /> },
  {
    path: "practices/:practiceId",
    element: <PracticeLayout />,
    children: [
      { index: true, element: <PracticeHomePage /> },
      { path: "members", element: <MembersPage /> },
      { path: "settings", element: <SettingsPage /> },
      { path: "transactions", element: <TransactionsPage /> },
      { path: "inbox", element: <InboxPage /> },
      { path: "import", element: <ImportPage /> },
      { path: "rules", element: <RulesPage /> },
      { path: "accounts", element: <AccountsPage /> },
      { path: "payers", element: <PayersPage /> },
      { path: "categories", element: <CategoriesPage /> },
      { path: "reports", element: <ReportsPage /> },
      { path: "mileage", element: <MileagePage /> },
      { path: "tax", element: <TaxPage /> },
    ],
  },
];
