import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type Config, ConfigError } from "./config.js";

export type KeyRingEntry = { id: string; key: Buffer };

export type Secrets = {
  /** 32 bytes: the key of the encrypted session cookie (JWE dir + A256GCM). */
  sessionKey: Buffer;
  /** The first entry encrypts; every entry can decrypt. */
  fieldKeys: KeyRingEntry[];
};

const KEY_BYTES = 32;
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const SECRETS_FILE = "secrets.json";

function decodeKey(value: string, name: string): Buffer {
  const key = Buffer.from(value, "base64");
  if (key.length !== KEY_BYTES) {
    throw new ConfigError(
      `Invalid configuration:\n  ${name}: must be ${KEY_BYTES} bytes, base64-encoded (got ${key.length} bytes)`,
    );
  }
  return key;
}

/** Parses `id:base64key,id:base64key`; the first key encrypts, all decrypt. */
export function parseKeyRing(value: string): KeyRingEntry[] {
  const entries = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const sep = part.indexOf(":");
      const id = sep > 0 ? part.slice(0, sep) : "";
      if (!KEY_ID_PATTERN.test(id)) {
        throw new ConfigError(
          "Invalid configuration:\n  FIELD_ENCRYPTION_KEYS: each entry is keyId:base64key (key id of letters, digits, - or _)",
        );
      }
      return { id, key: decodeKey(part.slice(sep + 1), `FIELD_ENCRYPTION_KEYS (${id})`) };
    });
  if (entries.length === 0) {
    throw new ConfigError("Invalid configuration:\n  FIELD_ENCRYPTION_KEYS: no key given");
  }
  const ids = new Set(entries.map((e) => e.id));
  if (ids.size !== entries.length) {
    throw new ConfigError("Invalid configuration:\n  FIELD_ENCRYPTION_KEYS: duplicate key id");
  }
  return entries;
}

export function generateKey(): string {
  return randomBytes(KEY_BYTES).toString("base64");
}

type StoredSecrets = { SESSION_SECRET: string; FIELD_ENCRYPTION_KEYS: string };

/**
 * In development a missing secret is generated once and kept in the data folder with mode
 * 0600, so restarts keep sessions and encrypted fields readable. In production a missing
 * secret stops start-up: generated keys on a stateless instance would be lost with it.
 */
export function resolveSecrets(config: Config): Secrets {
  let session = config.sessionSecret;
  let fieldKeys = config.fieldEncryptionKeys;
  if (!session || !fieldKeys) {
    if (config.isProduction) {
      const missing = [!session && "SESSION_SECRET", !fieldKeys && "FIELD_ENCRYPTION_KEYS"].filter(Boolean);
      throw new ConfigError(
        `Missing secrets in production: ${missing.join(", ")}. Generate each with \`npm run secret\` and set it in the environment.`,
      );
    }
    const stored = readOrCreateStoredSecrets(config.dataDir);
    session ??= stored.SESSION_SECRET;
    fieldKeys ??= stored.FIELD_ENCRYPTION_KEYS;
  }
  return {
    sessionKey: decodeKey(session, "SESSION_SECRET"),
    fieldKeys: parseKeyRing(fieldKeys),
  };
}

function readOrCreateStoredSecrets(dataDir: string): StoredSecrets {
  const file = path.join(dataDir, SECRETS_FILE);
  if (fs.existsSync(file)) {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<StoredSecrets>;
    if (typeof parsed.SESSION_SECRET === "string" && typeof parsed.FIELD_ENCRYPTION_KEYS === "string") {
      return { SESSION_SECRET: parsed.SESSION_SECRET, FIELD_ENCRYPTION_KEYS: parsed.FIELD_ENCRYPTION_KEYS };
    }
    throw new ConfigError(`The secrets file ${file} is damaged; fix or remove it.`);
  }
  const created: StoredSecrets = {
    SESSION_SECRET: generateKey(),
    FIELD_ENCRYPTION_KEYS: `k1:${generateKey()}`,
  };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  return created;
}
