import type { RouteObject } from "react-router";
import { AccountLayout } from "./account-layout";
import { AccountOverviewPage } from "./account-overview-page";
import { DeleteAccountPage } from "./delete-account-page";
import { PasswordPage } from "./password-page";
import { SecurityEventsPage } from "./security-events-page";
import { SessionsPage } from "./sessions-page";
import { SignInMethodsPage } from "./sign-in-methods-page";
import { TwoFactorPage } from "./two-factor-page";

/** The account pages; the router nests them in the signed-in layout. */
export const accountRoutes: RouteObject[] = [
  {
    path: "account",
    element: <AccountLayout />,
    children: [
      { index: true, element: <AccountOverviewPage /> },
      { path: "two-factor", element: <TwoFactorPage /> },
      { path: "password", element: <PasswordPage /> },
      { path: "sign-in-methods", element: <SignInMethodsPage /> },
      { path: "sessions", element: <SessionsPage /> },
      { path: "security-events", element: <SecurityEventsPage /> },
      { path: "delete", element: <DeleteAccountPage /> },
    ],
  },
];
