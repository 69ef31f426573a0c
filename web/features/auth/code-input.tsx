import type { Ref } from "react";
import { Input, type InputProps } from "../../ui/input";

type CodeInputProps = Omit<InputProps, "label" | "type"> & {
  kind: "totp" | "backup";
  label?: string;
  ref?: Ref<HTMLInputElement>;
};

/**
 * The field for a second-factor code. A TOTP code gets the numeric keyboard and the browser's
 * one-time-code autofill (a code arriving by SMS or from a password manager); a backup code is
 * letters and digits, typed as printed.
 */
export function CodeInput({ kind, label, className, ...props }: CodeInputProps) {
  if (kind === "totp") {
    return (
      <Input
        label={label ?? "6-digit code"}
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]*"
        maxLength={7}
        spellCheck={false}
        className={className}
        {...props}
      />
    );
  }
  return (
    <Input
      label={label ?? "Backup code"}
      type="text"
      autoComplete="off"
      autoCapitalize="none"
      spellCheck={false}
      maxLength={32}
      className={className}
      {...props}
    />
  );
}
