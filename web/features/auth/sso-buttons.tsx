import { useQuery } from "@tanstack/react-query";
import { api, requireData } from "../../api/client";
import { buttonClasses } from "../../ui/button";
import { cx } from "../../ui/cx";
import { Divider } from "./auth-layout";

export type SsoProvider = "google" | "microsoft";

export const SSO_PROVIDER_NAMES: Record<SsoProvider, string> = { google: "Google", microsoft: "Microsoft" };

/** The providers configured on this server; none means no buttons at all. */
export function useSsoProviders() {
  return useQuery({
    queryKey: ["auth", "sso-providers"],
    queryFn: async () => requireData(await api.GET("/auth/sso/providers")).providers,
    staleTime: 5 * 60_000,
  });
}

/** Where a provider button goes: a plain navigation, since the API answers with a redirect. */
export function ssoStartUrl(provider: SsoProvider, intent: "signin" | "link" = "signin"): string {
  const base = `/api/auth/sso/${provider}/start`;
  return intent === "link" ? `${base}?intent=link` : base;
}

export function ProviderLogo({
  provider,
  className = "size-5",
}: {
  provider: SsoProvider;
  className?: string;
}) {
  if (provider === "google") {
    return (
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={className}>
        <path
          fill="#4285F4"
          d="M23.5 12.3c0-.8-.1-1.6-.2-2.3H12v4.4h6.5a5.5 5.5 0 0 1-2.4 3.6v3h3.9c2.2-2.1 3.5-5.1 3.5-8.7Z"
        />
        <path
          fill="#34A853"
          d="M12 24c3.2 0 6-1.1 7.9-2.9l-3.9-3c-1 .7-2.4 1.1-4 1.1-3.1 0-5.7-2.1-6.7-4.9h-4v3.1A12 12 0 0 0 12 24Z"
        />
        <path fill="#FBBC05" d="M5.3 14.3a7.2 7.2 0 0 1 0-4.6V6.6h-4a12 12 0 0 0 0 10.8l4-3.1Z" />
        <path
          fill="#EA4335"
          d="M12 4.8c1.8 0 3.3.6 4.6 1.8l3.4-3.4A12 12 0 0 0 1.3 6.6l4 3.1c1-2.8 3.6-4.9 6.7-4.9Z"
        />
      </svg>
    );
  }
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={className}>
      <path fill="#F25022" d="M2 2h9.5v9.5H2z" />
      <path fill="#7FBA00" d="M12.5 2H22v9.5h-9.5z" />
      <path fill="#00A4EF" d="M2 12.5h9.5V22H2z" />
      <path fill="#FFB900" d="M12.5 12.5H22V22h-9.5z" />
    </svg>
  );
}

/**
 * "Continue with Google / Microsoft", for the providers this server has set up, under an "or"
 * rule. Nothing at all while the list loads or when there is none.
 */
export function SsoButtons() {
  const providers = useSsoProviders();
  const list = providers.data ?? [];
  if (list.length === 0) return null;
  return (
    <>
      <Divider label="or" />
      <div className="flex flex-col gap-3">
        {list.map((provider) => (
          <a
            key={provider}
            href={ssoStartUrl(provider)}
            className={cx(buttonClasses("secondary", "lg"), "w-full text-sm sm:text-base")}
          >
            <ProviderLogo provider={provider} />
            Continue with {SSO_PROVIDER_NAMES[provider]}
          </a>
        ))}
      </div>
    </>
  );
}
