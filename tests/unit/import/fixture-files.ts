/** Reads the sample statements in tests/fixtures/statements as the bytes a person would upload. */

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const STATEMENTS_DIR = fileURLToPath(new URL("../../fixtures/statements/", import.meta.url));

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${STATEMENTS_DIR}${name}`));
}

/** The file cut into chunks of `size` bytes, as a network upload would arrive. */
export async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

/** The 1-based line of the first line of `name` that contains `text`. */
export function lineOf(name: string, text: string, from = 1): number {
  const lines = readFileSync(`${STATEMENTS_DIR}${name}`, "latin1").split(/\r\n|\r|\n/);
  const index = lines.findIndex((line, i) => i + 1 >= from && line.includes(text));
  if (index < 0) throw new Error(`"${text}" is not in ${name}`);
  return index + 1;
}
