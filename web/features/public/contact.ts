/** Who runs TherapyLedger and where to write; the public pages and the footer read these. */
export const COMPANY = {
  name: "419 Technology LLC",
  location: "Ohio, United States",
} as const;

/**
 * ASSUMED ADDRESSES, TO CONFIRM: the published security page's contact address reached us only
 * as an e-mail-obfuscation placeholder, so the domain below is a best guess. Change it here and
 * every page and the e2e journey follow.
 */
export const CONTACT_DOMAIN = "therapyledger.com";

export const CONTACT = {
  security: `security@${CONTACT_DOMAIN}`,
  privacy: `privacy@${CONTACT_DOMAIN}`,
  support: `support@${CONTACT_DOMAIN}`,
} as const;
