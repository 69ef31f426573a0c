import { randomUUID } from "node:crypto";
import type { Account } from "../accounts.js";

const NEW_PASSWORD = "another long passphrase";

/** The parts of an OpenAPI 3.1 (JSON Schema) request body schema that sampleBody reads. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  minimum?: number;
  format?: string;
  example?: unknown;
};

/**
 * A body the route's own schema accepts, built from the OpenAPI document (so a new route is
 * covered without editing this file); field names hint at an email, a password, a code.
 */
export function sampleBody(schema: JsonSchema, a: Account, name = ""): unknown {
  if ("const" in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  const variant = schema.anyOf ?? schema.oneOf;
  if (variant) return sampleBody(variant.find((v) => v.type !== "null") ?? {}, a, name);
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== "null") : schema.type;
  switch (type) {
    case "object":
      return Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([key]) => schema.required?.includes(key))
          .map(([key, sub]) => [key, sampleBody(sub, a, key)]),
      );
    case "array":
      return schema.minItems ? [sampleBody(schema.items ?? {}, a, name)] : [];
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    case "string": {
      if (schema.format === "uuid") return randomUUID();
      if (schema.format === "email" || /email/i.test(name)) return `new.${a.email}`;
      if (/^currentPassword$|^password$/.test(name)) return a.password;
      if (/password/i.test(name)) return NEW_PASSWORD;
      if (/code/i.test(name)) return "123456";
      if (typeof schema.example === "string") return schema.example;
      return "x".repeat(Math.max(schema.minLength ?? 1, 1));
    }
    default:
      return "x";
  }
}
