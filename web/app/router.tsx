import { createBrowserRouter } from "react-router";
import { accountRoutes } from "../features/account/routes";
import { authRoutes } from "../features/auth/routes";
import { practiceRoutes } from "../features/practice/routes";
import { LandingPage } from "../features/public/landing-page";
import { NotFoundPage } from "../features/public/not-found-page";
import { PrivacyPage } from "../features/public/privacy-page";
import { SecurityPage } from "../features/public/security-page";
import { TermsPage } from "../features/public/terms-page";
import { AppShell } from "./app-shell";
import { RouteError } from "./route-error";
import { SignedInLayout } from "./signed-in-layout";

/**
 * Every client route. Public pages and the sign-in pages sit in the app shell; the account and
 * practice pages sit in the signed-in layout, which sends signed-out visitors to sign in.
 */
export const router = createBrowserRouter([
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <LandingPage /> },
      { path: "security", element: <SecurityPage /> },
      { path: "terms", element: <TermsPage /> },
      { path: "privacy", element: <PrivacyPage /> },
      ...authRoutes,
      { path: "*", element: <NotFoundPage /> },
    ],
  },
  // The signed-in pages have their own header (practice switcher, account menu), not the public one.
  {
    element: <SignedInLayout />,
    errorElement: <RouteError />,
    children: [...accountRoutes, ...practiceRoutes],
  },
]);
