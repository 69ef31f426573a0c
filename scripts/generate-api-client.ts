/**
 * Writes web/api/schema.d.ts, the types of the typed API client, from the OpenAPI document the
 * server itself builds. No server is started and nothing touches ./data: the app is composed
 * on an in-memory database with throwaway keys, and asked for /api/openapi.json in-process.
 *
 *   npx tsx scripts/generate-api-client.ts          write the file
 *   npx tsx scripts/generate-api-client.ts --check  fail if the file is out of date (for CI)
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from "openapi-typescript";
import { openPglite } from "../src/db/client.js";
import type { EmailSender } from "../src/integrations/email/email-port.js";
import { createLogger } from "../src/lib/logger.js";
import { createApp } from "../src/server/app.js";
import { readConfig } from "../src/server/config.js";
import { assembleDeps } from "../src/server/runtime.js";
import { generateKey } from "../src/server/secrets.js";

// Nothing is sent while the document is built; a send would mean a route ran by mistake.
const refuseToSend: EmailSender = {
  kind: "outbox",
  send: () => Promise.reject(new Error("no email is sent while generating the API client")),
};

const OUTPUT = fileURLToPath(new URL("../web/api/schema.d.ts", import.meta.url));

async function fetchOpenApiDocument(): Promise<OpenAPI3> {
  const config = readConfig({
    NODE_ENV: "test",
    DATA_DIR: "/nonexistent-generate-api-client",
    LOG_LEVEL: "silent",
    SESSION_SECRET: generateKey(),
    FIELD_ENCRYPTION_KEYS: `generate:${generateKey()}`,
  });
  const logger = createLogger({ level: config.logLevel });
  const database = await openPglite(undefined);
  try {
    await database.migrate();
    // The same wiring as the server's; the job worker is never started.
    const deps = assembleDeps({ config, database, logger, emailSender: refuseToSend });
    const app = createApp(deps, { webRoot: "/nonexistent-web-root" });
    const response = await app.request("/api/openapi.json");
    if (!response.ok) throw new Error(`GET /api/openapi.json answered ${response.status}`);
    return (await response.json()) as OpenAPI3;
  } finally {
    await database.close();
  }
}

async function main() {
  const document = await fetchOpenApiDocument();
  const ast = await openapiTS(document, { alphabetize: true });
  const output = `${COMMENT_HEADER}${astToString(ast)}`;
  const current = fs.existsSync(OUTPUT) ? fs.readFileSync(OUTPUT, "utf8") : "";
  if (process.argv.includes("--check")) {
    if (current !== output) {
      process.stderr.write("web/api/schema.d.ts is out of date: run `npm run api:generate`.\n");
      process.exit(1);
    }
    process.stdout.write("web/api/schema.d.ts is up to date.\n");
    return;
  }
  fs.writeFileSync(OUTPUT, output);
  const count = Object.keys(document.paths ?? {}).length;
  process.stdout.write(`Wrote web/api/schema.d.ts (${count} paths).\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not generate the API client types: ${String(error)}\n`);
  process.exit(1);
});
