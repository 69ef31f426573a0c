import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

/**
 * Paths whose values never reach a log line. Bodies are not logged at all; these cover the
 * objects that code does log (errors, job payloads, vendor replies).
 */
export const REDACTED_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  "req.headers['x-csrf-token']",
  "res.headers['set-cookie']",
  "headers.cookie",
  "headers.authorization",
  "*.password",
  "*.currentPassword",
  "*.newPassword",
  "*.code",
  "*.codes",
  "*.backupCodes",
  "*.token",
  "*.accessToken",
  "*.access_token",
  "*.refreshToken",
  "*.secret",
  "*.apiKey",
  "*.otpauthUri",
  "*.sessionToken",
  "password",
  "token",
  "secret",
  "code",
];

export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
