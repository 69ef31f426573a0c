import { LegalDocumentView } from "./legal-document";
import { PRIVACY_POLICY } from "./privacy-content";

export function PrivacyPage() {
  return <LegalDocumentView document={PRIVACY_POLICY} />;
}
