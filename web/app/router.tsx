import { createBrowserRouter } from "react-router";
import { LandingPage } from "../features/public/landing-page";
import { NotFoundPage } from "../features/public/not-found-page";
import { PrivacyPage } from "../features/public/privacy-page";
import { SecurityPage } from "../features/public/security-page";
import { TermsPage } from "../features/public/terms-page";
import { AppShell } from "./app-shell";
import { RouteError } from "./route-error";

/**
 * Every client route. /sign-in and /sign-up are linked from the public pages and arrive with
 * the auth feature; until then they fall through to the not-found page.
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
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
