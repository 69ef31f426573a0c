import { LegalDocumentView } from "./legal-document";
import { TERMS_OF_SERVICE } from "./terms-content";

export function TermsPage() {
  return <LegalDocumentView document={TERMS_OF_SERVICE} />;
}
