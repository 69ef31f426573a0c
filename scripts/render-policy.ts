/**
 * Renders the role policy table (src/domain/permissions.ts) into docs/SECURITY.md, between
 * `<!-- policy:start -->` and `<!-- policy:end -->`: `npm run docs:policy`. With `--check` it
 * changes nothing and exits 1 when the document is out of date.
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { renderPolicyTable } from "../src/domain/permissions.js";

const DOC = fileURLToPath(new URL("../docs/SECURITY.md", import.meta.url));
const START = "<!-- policy:start -->";
const END = "<!-- policy:end -->";

const doc = fs.readFileSync(DOC, "utf8");
const start = doc.indexOf(START);
const end = doc.indexOf(END);
if (start < 0 || end < start) {
  process.stderr.write(`${DOC} lacks the markers ${START} … ${END}\n`);
  process.exit(1);
}
const next = `${doc.slice(0, start + START.length)}\n${renderPolicyTable()}\n${doc.slice(end)}`;
if (process.argv.includes("--check")) {
  if (next !== doc) {
    process.stderr.write("docs/SECURITY.md is out of date: run npm run docs:policy\n");
    process.exit(1);
  }
} else if (next !== doc) {
  fs.writeFileSync(DOC, next);
  process.stdout.write("docs/SECURITY.md: policy table updated\n");
} else {
  process.stdout.write("docs/SECURITY.md: policy table already up to date\n");
}
