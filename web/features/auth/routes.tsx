import type { RouteObject } from "react-router";
import { ForgotPasswordPage } from "./forgot-password-page";
import { InvitationPage } from "./invitation-page";
import { ResetPasswordPage } from "./reset-password-page";
import { SignInPage } from "./sign-in-page";
import { SignUpPage } from "./sign-up-page";
import { SsoAcceptTermsPage } from "./sso-accept-terms-page";
import { TwoFactorSignInPage } from "./two-factor-sign-in-page";
import { VerifyEmailPage } from "./verify-email-page";

/**
 * The pages a person uses to get in: they sit in the public shell, outside the signed-in
 * layout, because the person is not (or not fully) signed in yet.
 */
export const authRoutes: RouteObject[] = [
  { path: "sign-up", element: <SignUpPage /> },
  { path: "sign-in", element: <SignInPage /> },
  { path: "sign-in/two-factor", element: <TwoFactorSignInPage /> },
  { path: "forgot-password", element: <ForgotPasswordPage /> },
  { path: "reset-password", element: <ResetPasswordPage /> },
  { path: "verify-email", element: <VerifyEmailPage /> },
  { path: "sso/accept-terms", element: <SsoAcceptTermsPage /> },
  { path: "invitations/accept", element: <InvitationPage /> },
];
