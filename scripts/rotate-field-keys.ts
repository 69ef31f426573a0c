// Re-encrypts every encrypted field with the current key (the first in FIELD_ENCRYPTION_KEYS).
// Rotation: put the new key first, keep the old ones after it, restart the app, run this, and
// remove an old key only once this reports nothing left under it. See docs/OPERATIONS.md.
import { openDatabase } from "../src/db/client.js";
import { createFieldCipher } from "../src/identity/field-encryption.js";
import { readConfig } from "../src/server/config.js";
import { resolveSecrets } from "../src/server/secrets.js";
import { rotateFieldKeys } from "../src/services/rotate-field-keys.js";

const config = readConfig();
const secrets = resolveSecrets(config);
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  poolSize: 2,
});
try {
  const report = await rotateFieldKeys(database.db, createFieldCipher(secrets.fieldKeys));
  process.stdout.write(`Current key: ${secrets.fieldKeys[0]?.id}\n`);
  for (const line of report) {
    process.stdout.write(
      `${line.column}: re-encrypted ${line.reencrypted}, already current ${line.current}\n`,
    );
  }
} finally {
  await database.close();
}
