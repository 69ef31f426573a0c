import { z } from "zod";

/*
 * The API's own rules, checked before a request is sent so most mistakes are caught at once;
 * the API checks them again (and adds the breached-password list), and its answer is shown the
 * same way. The numbers mirror src/identity/password.ts.
 */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_BYTES = 72;

export const PASSWORD_RULES =
  "At least 8 characters. At most 72 bytes (about 72 letters; accents, symbols and emoji count for more). No other rules: a long phrase works well.";

const utf8 = new TextEncoder();

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ message: "Enter a valid email address, like [email protected]." }));

export const newPasswordSchema = z
  .string()
  .min(1, "Choose a password.")
  // Code points, not UTF-16 units, after NFKC, as the server counts them.
  .refine((value) => [...value.normalize("NFKC")].length >= MIN_PASSWORD_LENGTH, {
    message: `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
  })
  .refine((value) => utf8.encode(value.normalize("NFKC")).length <= MAX_PASSWORD_BYTES, {
    message: `Use at most ${MAX_PASSWORD_BYTES} bytes — about ${MAX_PASSWORD_BYTES} letters without accents, fewer with accents, symbols or emoji.`,
  });

export const currentPasswordSchema = z.string().min(1, "Enter your password.").max(1024);

export const totpCodeSchema = z
  .string()
  .transform((value) => value.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^[0-9]{6}$/, "Enter the 6-digit code from your authenticator app."));

export const backupCodeSchema = z
  .string()
  .trim()
  .min(1, "Enter one of your backup codes.")
  .refine((value) => value.replace(/[\s-]/g, "").length === 13, {
    message: "A backup code has 13 letters and digits, like abcde-12345-xyz.",
  });

export const acceptTermsSchema = z.boolean().refine((value) => value, {
  message: "Accept the Terms of Service and Privacy Policy to continue.",
});

/** Where either kind of code will do (turning two-factor off, new backup codes, deleting the account). */
export const secondFactorCodeSchema = z
  .string()
  .trim()
  .min(1, "Enter a code from your authenticator app, or a backup code.")
  .refine(
    (value) => {
      const compact = value.replace(/[\s-]/g, "");
      return /^[0-9]{6}$/.test(compact) || compact.length === 13;
    },
    { message: "Enter the 6-digit code from your authenticator app, or a backup code like abcde-12345-xyz." },
  );
