/**
 * Prints fresh random secrets for a `.env` file: `npm run secret` (or `npx tsx scripts/print-secret.ts`).
 *
 * The first line is a bare 32-byte key in base64, so `npm run -s secret | head -n 1` gives one key
 * to a script. The lines after it are ready to paste; every value is drawn anew, because one key
 * must never serve two purposes (a leaked session key would then also open encrypted fields).
 */
import { randomBytes } from "node:crypto";
import { generateKey } from "../src/server/secrets.js";

/** A key id that sorts by creation date and matches the key-id rule in src/server/secrets.ts. */
function keyIdForToday(now: Date): string {
  return `k${now.toISOString().slice(0, 10).replaceAll("-", "")}`;
}

const keyId = keyIdForToday(new Date());
const lines = [
  generateKey(),
  "",
  "# Ready-made lines for .env (each value is new):",
  `SESSION_SECRET=${generateKey()}`,
  `FIELD_ENCRYPTION_KEYS=${keyId}:${generateKey()}`,
  // Hex, not base64: the password goes inside DATABASE_URL, where + / = would need escaping.
  `POSTGRES_PASSWORD=${randomBytes(24).toString("hex")}`,
  "",
  "# To rotate the field key, put the new entry first and keep the old ones after it until",
  `# their data is re-encrypted: FIELD_ENCRYPTION_KEYS=${keyId}:<new key>,<old id>:<old key>`,
];
process.stdout.write(`${lines.join("\n")}\n`);
