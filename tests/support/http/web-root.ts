import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const PAGE_TITLE = "<title>TherapyLedger</title>";
export const ASSET_PATH = "/assets/app-abc123.js";

/** A temporary built web app (index.html and one hashed asset) for the static file handler. */
export function createWebRoot(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tl-web-"));
  fs.mkdirSync(path.join(dir, "assets"));
  fs.writeFileSync(
    path.join(dir, "index.html"),
    `<!doctype html>${PAGE_TITLE}<script type="module" src="${ASSET_PATH}"></script>`,
  );
  fs.writeFileSync(path.join(dir, ASSET_PATH), "console.log('app')");
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
