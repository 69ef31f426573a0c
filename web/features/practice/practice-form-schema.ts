import { z } from "zod";
// Before any schema is built: Zod must not probe for `new Function`, which the CSP reports.
import type { FieldProblem } from "./api-result";

/**
 * The same rules as the API's PracticeNameSchema and TimeZoneSchema (src/http/schemas.ts),
 * checked before sending so a mistake shows at once; the server checks again.
 */
export const practiceDetailsSchema = z.object({
  name: z.string().trim().min(1, "Give the practice a name.").max(120, "Keep the name under 120 characters."),
  timeZone: z.string().min(1, "Choose a time zone."),
});

export type PracticeDetails = z.infer<typeof practiceDetailsSchema>;

export const invitationSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter the address to invite.")
    .max(254)
    .pipe(z.email("Enter a valid email address.")),
  role: z.enum(["admin", "user"]),
});

export type InvitationInput = z.infer<typeof invitationSchema>;

/** Puts each field the server named under that field; true when any were placed. */
export function applyFieldProblems<Field extends string>(
  problems: FieldProblem[],
  fields: readonly Field[],
  setError: (field: Field, error: { type: string; message: string }) => void,
): boolean {
  let placed = false;
  for (const problem of problems) {
    const field = fields.find((f) => f === problem.path);
    if (field) {
      setError(field, { type: "server", message: problem.message });
      placed = true;
    }
  }
  return placed;
}
