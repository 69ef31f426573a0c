import { useEffect, useState } from "react";
import { Alert } from "../../ui/alert";
import { CopyIcon, DownloadIcon } from "../../ui/app-icons";
import { Button, buttonClasses } from "../../ui/button";
import { CheckboxField } from "../../ui/form-field";
import { SectionCard } from "./account-layout";

type BackupCodesPanelProps = {
  codes: string[];
  email: string;
  /** Why they are shown: the first set, or a replacement for an old one. */
  reason: "enabled" | "regenerated";
  onDone: () => void;
  doneLabel?: string;
};

function codesAsText(codes: string[], email: string): string {
  return [
    `TherapyLedger backup codes for ${email}`,
    `Created ${new Date().toLocaleString()}`,
    "",
    "Each code signs you in once, when you cannot use your authenticator app.",
    "Keep them somewhere safe, away from your phone.",
    "",
    ...codes.map((code, index) => `${String(index + 1).padStart(2, " ")}. ${code}`),
    "",
  ].join("\n");
}

/** A download link for the codes, as a text file made in the browser (a blob: URL, nothing sent). */
function useTextFileUrl(text: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [text]);
  return url;
}

/**
 * The ten backup codes, shown this once: the server keeps only their hashes. The person copies
 * or downloads them and says they saved them before the page moves on.
 */
export function BackupCodesPanel({
  codes,
  email,
  reason,
  onDone,
  doneLabel = "Continue",
}: BackupCodesPanelProps) {
  const text = codesAsText(codes, email);
  const downloadUrl = useTextFileUrl(text);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const [saved, setSaved] = useState(false);
  const [showSavedError, setShowSavedError] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };

  return (
    <SectionCard
      title="Save your backup codes"
      description={
        <>
          {reason === "enabled"
            ? "Two-factor authentication is on. "
            : "Your new backup codes are ready, and the old ones no longer work. "}
          If you lose your phone, each of these codes signs you in once. This is the only time they are shown:
          copy them into your password manager, download them, or print them.
        </>
      }
    >
      <ol
        aria-label="Your backup codes"
        className="grid grid-cols-1 gap-x-6 gap-y-2 rounded-xl border border-slate-200 bg-slate-50 p-5 font-mono text-base text-slate-900 sm:grid-cols-2"
      >
        {codes.map((code, index) => (
          <li key={code} className="flex items-baseline gap-3 tabular-nums">
            <span aria-hidden="true" className="w-5 text-right text-xs text-slate-500">
              {index + 1}
            </span>
            <code className="tracking-wider">{code}</code>
          </li>
        ))}
      </ol>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={copy}>
          <CopyIcon className="size-4" />
          Copy
        </Button>
        {downloadUrl ? (
          <a
            href={downloadUrl}
            download="therapyledger-backup-codes.txt"
            className={buttonClasses("secondary")}
          >
            <DownloadIcon className="size-4" />
            Download as text
          </a>
        ) : null}
        <p role="status" className="text-sm text-slate-600">
          {copied === "yes" ? "Copied to the clipboard." : null}
        </p>
      </div>
      {copied === "failed" ? (
        <Alert tone="warning" className="mt-4">
          Copying did not work in this browser. Select the codes and copy them yourself, or download them.
        </Alert>
      ) : null}
      <form
        noValidate
        className="mt-6 flex flex-col gap-4 border-t border-slate-200 pt-6"
        onSubmit={(event) => {
          event.preventDefault();
          if (saved) onDone();
          else setShowSavedError(true);
        }}
      >
        <CheckboxField
          label="I saved my backup codes somewhere safe."
          checked={saved}
          onChange={(event) => {
            setSaved(event.target.checked);
            if (event.target.checked) setShowSavedError(false);
          }}
          error={showSavedError ? "Save the codes first, then tick this box." : undefined}
        />
        <Button type="submit" className="self-start">
          {doneLabel}
        </Button>
      </form>
    </SectionCard>
  );
}
