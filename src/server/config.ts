import path from "node:path";
import { z } from "zod";

/**
 * Every setting the server reads from the environment, in one place.
 * `.env.example` lists each of them with a comment; keep the two in step.
 */
const booleanFromString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

// --- SSO (Google, Microsoft Entra ID) -------------------------------------------------------
// A provider is configured when its client id is set; with neither, the SSO buttons are hidden.

/** The Microsoft host whose multi-tenant `{tenantid}` issuer openid-client knows how to check. */
export const MICROSOFT_ONLINE_AUTHORITY = "https://login.microsoftonline.com";
/** Entra's tenant aliases: they name a group of tenants, each token then names its own. */
const MICROSOFT_TENANT_ALIASES = ["organizations", "common", "consumers"];

const ssoEnvShape = {
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_ISSUER: z.url().default("https://accounts.google.com"),
  MICROSOFT_CLIENT_ID: z.string().min(1).optional(),
  MICROSOFT_CLIENT_SECRET: z.string().min(1).optional(),
  MICROSOFT_TENANT: z
    .string()
    .regex(/^[A-Za-z0-9.-]{1,100}$/, "a tenant id (GUID), a verified domain, or organizations/common")
    .default("organizations"),
  MICROSOFT_AUTHORITY_URL: z.url().default(MICROSOFT_ONLINE_AUTHORITY),
};

/**
 * One OIDC relying-party registration. `fetch` is never read from the environment: tests and
 * the demo route the provider's back channel (discovery, keys, token) to a local fake with it.
 */
export type SsoClientConfig = {
  clientId: string;
  clientSecret: string;
  fetch?: ((url: string, init: RequestInit) => Promise<Response>) | undefined;
};
export type GoogleSsoConfig = SsoClientConfig & { issuer: string };
export type MicrosoftSsoConfig = SsoClientConfig & { tenant: string; authorityUrl: string };
export type SsoConfig = { google: GoogleSsoConfig | undefined; microsoft: MicrosoftSsoConfig | undefined };

function readSsoConfig(e: z.infer<z.ZodObject<typeof ssoEnvShape>>, isProduction: boolean): SsoConfig {
  const fail = (line: string) => new ConfigError(`Invalid configuration:\n  ${line}`);
  if (e.GOOGLE_CLIENT_ID && !e.GOOGLE_CLIENT_SECRET)
    throw fail("GOOGLE_CLIENT_SECRET: required when GOOGLE_CLIENT_ID is set");
  if (e.MICROSOFT_CLIENT_ID && !e.MICROSOFT_CLIENT_SECRET) {
    throw fail("MICROSOFT_CLIENT_SECRET: required when MICROSOFT_CLIENT_ID is set");
  }
  const googleIssuer = e.GOOGLE_ISSUER.replace(/\/+$/, "");
  const authorityUrl = e.MICROSOFT_AUTHORITY_URL.replace(/\/+$/, "");
  if (isProduction && e.GOOGLE_CLIENT_ID && !googleIssuer.startsWith("https://")) {
    throw fail("GOOGLE_ISSUER: must be https:// in production");
  }
  if (isProduction && e.MICROSOFT_CLIENT_ID && !authorityUrl.startsWith("https://")) {
    throw fail("MICROSOFT_AUTHORITY_URL: must be https:// in production");
  }
  if (
    e.MICROSOFT_CLIENT_ID &&
    authorityUrl !== MICROSOFT_ONLINE_AUTHORITY &&
    MICROSOFT_TENANT_ALIASES.includes(e.MICROSOFT_TENANT)
  ) {
    // Only for the real host does openid-client check a multi-tenant token against its own tenant.
    throw fail("MICROSOFT_TENANT: name one tenant id when MICROSOFT_AUTHORITY_URL is not Microsoft's");
  }
  return {
    google:
      e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET
        ? { clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET, issuer: googleIssuer }
        : undefined,
    microsoft:
      e.MICROSOFT_CLIENT_ID && e.MICROSOFT_CLIENT_SECRET
        ? {
            clientId: e.MICROSOFT_CLIENT_ID,
            clientSecret: e.MICROSOFT_CLIENT_SECRET,
            tenant: e.MICROSOFT_TENANT,
            authorityUrl,
          }
        : undefined,
  };
}
// --- end SSO ---------------------------------------------------------------------------------

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: booleanFromString.default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  SESSION_SECRET: z.string().optional(),
  FIELD_ENCRYPTION_KEYS: z.string().optional(),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  SESSION_ABSOLUTE_TTL_SECONDS: z.coerce.number().int().min(60).max(43_200).default(43_200),
  SESSION_IDLE_TTL_SECONDS: z.coerce.number().int().min(60).max(3_600).default(3_600),
  EMAIL_FROM: z.string().min(3).default("TherapyLedger <no-reply@therapyledger.localhost>"),
  MAILGUN_API_KEY: z.string().min(1).optional(),
  MAILGUN_DOMAIN: z.string().min(1).optional(),
  MAILGUN_REGION: z.enum(["us", "eu"]).default("us"),
  MAILGUN_URL: z.url().optional(),
  JOB_POLL_INTERVAL_MS: z.coerce.number().int().min(50).default(1000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  ...ssoEnvShape,
});

export type Env = z.infer<typeof envSchema>;

export type Config = {
  nodeEnv: Env["NODE_ENV"];
  isProduction: boolean;
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  publicUrl: string | undefined;
  trustProxy: boolean;
  logLevel: Env["LOG_LEVEL"];
  bodyLimitBytes: number;
  /** Raw secret values; resolved (generated in development) by `resolveSecrets`. */
  sessionSecret: string | undefined;
  fieldEncryptionKeys: string | undefined;
  jobPollIntervalMs: number;
  shutdownTimeoutMs: number;
  bcryptCost: number;
  sessionAbsoluteTtlSeconds: number;
  sessionIdleTtlSeconds: number;
  emailFrom: string;
  /** Mailgun when an API key is set; otherwise email goes to the local outbox. */
  mailgun: { apiKey: string; domain: string; url: string } | undefined;
  /** Google and Microsoft sign-in; each is undefined when its client id is not set. */
  sso: SsoConfig;
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and validates the environment; throws a `ConfigError` naming each bad variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Treat empty strings as unset, so `FOO=` in a .env file means "use the default".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === "production";
  if (isProduction && !e.PUBLIC_URL) {
    throw new ConfigError(
      "Invalid configuration:\n  PUBLIC_URL: required in production (the https:// address users reach)",
    );
  }
  if (e.PUBLIC_URL && isProduction && !e.PUBLIC_URL.startsWith("https://")) {
    throw new ConfigError("Invalid configuration:\n  PUBLIC_URL: must be https:// in production");
  }
  if (e.BCRYPT_COST < 12 && e.NODE_ENV !== "test") {
    throw new ConfigError(
      "Invalid configuration:\n  BCRYPT_COST: must be at least 12 (only NODE_ENV=test may lower it)",
    );
  }
  if (e.MAILGUN_API_KEY && !e.MAILGUN_DOMAIN) {
    throw new ConfigError("Invalid configuration:\n  MAILGUN_DOMAIN: required when MAILGUN_API_KEY is set");
  }
  const mailgunUrl =
    e.MAILGUN_URL ?? (e.MAILGUN_REGION === "eu" ? "https://api.eu.mailgun.net" : "https://api.mailgun.net");
  return {
    nodeEnv: e.NODE_ENV,
    isProduction,
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    sessionSecret: e.SESSION_SECRET,
    fieldEncryptionKeys: e.FIELD_ENCRYPTION_KEYS,
    jobPollIntervalMs: e.JOB_POLL_INTERVAL_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    bcryptCost: e.BCRYPT_COST,
    sessionAbsoluteTtlSeconds: e.SESSION_ABSOLUTE_TTL_SECONDS,
    sessionIdleTtlSeconds: e.SESSION_IDLE_TTL_SECONDS,
    emailFrom: e.EMAIL_FROM,
    mailgun:
      e.MAILGUN_API_KEY && e.MAILGUN_DOMAIN
        ? { apiKey: e.MAILGUN_API_KEY, domain: e.MAILGUN_DOMAIN, url: mailgunUrl }
        : undefined,
    sso: readSsoConfig(e, isProduction),
  };
}
