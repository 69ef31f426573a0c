import { TextLink } from "../../ui/link";

/** The sentence of every "I accept" box; the documents open in a new tab so the form is kept. */
export function TermsLabel() {
  return (
    <>
      I accept the{" "}
      <TextLink to="/terms" target="_blank" rel="noopener">
        Terms of Service
      </TextLink>{" "}
      and the{" "}
      <TextLink to="/privacy" target="_blank" rel="noopener">
        Privacy Policy
      </TextLink>
      .
    </>
  );
}
