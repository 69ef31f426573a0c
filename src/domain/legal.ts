/**
 * The versions of the Terms of Service and the Privacy Policy now in force. Registration stores
 * the version a person accepted, so changing a document means changing its version here; the
 * web pages show these same values as the effective date.
 */
export const TERMS_VERSION = "2026-11-26";
export const PRIVACY_VERSION = "2026-11-26";
