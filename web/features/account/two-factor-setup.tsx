import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { api } from "../../api/client";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { FieldStack, SubmitButton } from "../../ui/form-field";
import { hasCode, requireBody, useFormProblem } from "../auth/api-result";
import { CodeInput } from "../auth/code-input";
import { totpCodeSchema } from "../auth/schemas";
import { SectionCard } from "./account-layout";

export type TwoFactorSecret = { secret: string; otpauthUri: string };

/** "JBSW Y3DP EHPK 3PXP": a key a person can read off the screen and type, four at a time. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * The QR code, drawn here in the browser: the secret never goes to a remote QR service. A data:
 * URL, which the CSP's `img-src 'self' data:` allows.
 */
function useQrCode(text: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    // Loaded here only, so the QR encoder is not in the bundle of every other page.
    import("qrcode")
      .then(({ default: QRCode }) =>
        QRCode.toDataURL(text, { errorCorrectionLevel: "M", margin: 1, width: 200 }),
      )
      .then((made) => {
        if (current) setUrl(made);
      })
      .catch(() => {
        if (current) setUrl(null);
      });
    return () => {
      current = false;
    };
  }, [text]);
  return url;
}

const confirmSchema = z.object({ code: totpCodeSchema });
type ConfirmValues = z.output<typeof confirmSchema>;

type TwoFactorSetupProps = {
  secret: TwoFactorSecret;
  onEnabled: (backupCodes: string[]) => void;
  onCancel?: () => void;
};

export function TwoFactorSetup({ secret, onEnabled, onCancel }: TwoFactorSetupProps) {
  const qr = useQrCode(secret.otpauthUri);
  const form = useForm<z.input<typeof confirmSchema>, unknown, ConfirmValues>({
    resolver: zodResolver(confirmSchema),
    defaultValues: { code: "" },
  });
  const problem = useFormProblem(form.setError, ["code"]);
  const enable = useMutation({
    mutationFn: async ({ code }: ConfirmValues) =>
      requireBody(await api.POST("/me/two-factor/enable", { body: { code } })).backupCodes,
    onSuccess: onEnabled,
    onError: (error) => {
      if (hasCode(error, "invalid_code")) {
        form.setError("code", { type: "server", message: error.message }, { shouldFocus: true });
      } else problem.report(error);
    },
  });

  return (
    <SectionCard
      title="Set up two-factor authentication"
      description="You need an authenticator app on your phone, such as 1Password, Google Authenticator, Microsoft Authenticator or Authy."
    >
      <ol className="flex flex-col gap-8">
        <li className="grid gap-5 sm:grid-cols-[auto_minmax(0,1fr)] sm:items-start">
          <div className="flex size-[13rem] items-center justify-center rounded-xl border border-slate-200 bg-white p-2">
            {qr ? (
              <img
                src={qr}
                width={200}
                height={200}
                alt="QR code that adds TherapyLedger to your authenticator app"
                className="size-[12.5rem]"
              />
            ) : (
              <span className="text-sm text-slate-500">Drawing the QR code…</span>
            )}
          </div>
          <div className="flex flex-col gap-3">
            <h3 className="font-semibold text-slate-900">
              <span className="mr-2 text-teal-700">1.</span>Scan this QR code with your app
            </h3>
            <p className="text-sm leading-relaxed text-slate-600">
              In the app, choose to add an account, then scan the code. Cannot scan it? Choose to enter a key
              instead, and type this one (spaces do not matter):
            </p>
            <p className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-base tracking-wider break-all text-slate-900">
              <code data-testid="totp-secret">{groupSecret(secret.secret)}</code>
            </p>
            <p className="text-sm text-slate-600">Time-based, 6 digits, every 30 seconds.</p>
          </div>
        </li>
        <li className="flex flex-col gap-3">
          <h3 className="font-semibold text-slate-900">
            <span className="mr-2 text-teal-700">2.</span>Enter the code the app shows
          </h3>
          {problem.message ? <Alert tone="error">{problem.message}</Alert> : null}
          <form
            noValidate
            aria-label="Confirm two-factor authentication"
            onSubmit={form.handleSubmit((values) => {
              problem.clear();
              enable.mutate(values);
            })}
          >
            <FieldStack className="max-w-xs">
              <CodeInput kind="totp" error={form.formState.errors.code?.message} {...form.register("code")} />
              <div className="flex flex-wrap gap-3">
                <SubmitButton pending={enable.isPending} pendingLabel="Checking…">
                  Turn on two-factor
                </SubmitButton>
                {onCancel ? (
                  <Button variant="ghost" onClick={onCancel}>
                    Cancel
                  </Button>
                ) : null}
              </div>
            </FieldStack>
          </form>
        </li>
      </ol>
    </SectionCard>
  );
}
