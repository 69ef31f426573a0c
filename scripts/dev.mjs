// Development with hot reload: the API under `tsx watch` on port 3001 (restarts when server
// code changes) and Vite's dev server on port 3000, which serves the web app with hot module
// replacement and proxies /api to the API. Open http://localhost:3000. Ctrl-C stops both.
//
// Vite's dev server injects inline scripts, which the production CSP would refuse; that is
// fine here because in development the browser gets its pages from Vite, not from our server.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = (relative) => fileURLToPath(new URL(`../node_modules/${relative}`, import.meta.url));

const processes = [
  {
    name: "api",
    args: [bin("tsx/dist/cli.mjs"), "watch", "--clear-screen=false", "src/server/main.ts"],
    env: { PORT: "3001", HOST: "127.0.0.1" },
  },
  { name: "web", args: [bin("vite/bin/vite.js")], env: {} },
];

let stopping = false;
let exitCode = 0;

const children = processes.map(({ name, args, env }) => {
  // Each child runs node directly (not through npx), so signals reach it and nothing else.
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "development", ...env },
    stdio: "inherit",
  });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      process.stderr.write(
        `\n[dev] ${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest.\n`,
      );
      exitCode = code ?? 1;
      stop("SIGTERM");
    }
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(exitCode);
  });
  return child;
});

function stop(signal) {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`\n[dev] stopping the API and the web dev server (${signal})…\n`);
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
  // A child that ignores the signal must not keep the terminal hostage.
  setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    process.exit(exitCode);
  }, 8000).unref();
}

// Ctrl-C in a terminal signals the whole process group, so the children already have it;
// forwarding covers `kill <pid>` of this script alone.
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
