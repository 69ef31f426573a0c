// Starts the built server for the end-to-end run on a brand-new embedded database, and removes
// that database when the server stops, so every run begins from nothing and leaves nothing.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const entry = path.join(root, "dist", "server", "main.js");
if (!fs.existsSync(entry) || !fs.existsSync(path.join(root, "dist", "web", "index.html"))) {
  process.stderr.write("The app is not built: run `npm run build` before `npx playwright test`.\n");
  process.exit(1);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tl-e2e-"));
const server = spawn(process.execPath, ["--enable-source-maps", entry], {
  cwd: root,
  env: { ...process.env, DATA_DIR: dataDir },
  stdio: "inherit",
});

function removeDataDir() {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

server.on("exit", (code, signal) => {
  removeDataDir();
  process.exit(code ?? (signal ? 0 : 1));
});

// Playwright signals the whole process group; forwarding covers a signal sent to this script alone.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal);
  });
}
