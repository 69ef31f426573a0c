import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { usingPostgres } from "../../support/test-database.js";

const MAIN = path.resolve("src/server/main.ts");
const TSX = path.resolve("node_modules/.bin/tsx");
const temp: string[] = [];
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tl-start-"));
  temp.push(dir);
  return dir;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function start(env: Record<string, string>) {
  const child = spawn(TSX, [MAIN], {
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => {
    stdout += String(d);
  });
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** Start-up must fail with one line that says what is wrong, a non-zero exit, and no stack dump. */
async function expectRefusal(env: Record<string, string>, says: RegExp) {
  const run = start({ PORT: String(await freePort()), ...env });
  const code = await run.exited;
  const { stderr } = run.output();
  expect(code).not.toBe(0);
  expect(stderr).toMatch(/^TherapyLedger could not start: /);
  expect(stderr).toMatch(says);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack frames
}

// Each test starts a real process (tsx compiles on the fly, PGlite runs initdb): generous timeouts.
describe("start-up", { timeout: 120_000 }, () => {
  it("starts on a new data folder, keeps its secrets at mode 0600, and stops gracefully on SIGTERM", async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const run = start({ DATA_DIR: dataDir, PORT: String(port) });
    const deadline = Date.now() + 110_000;
    let ready = false;
    while (!ready && Date.now() < deadline) {
      ready = await fetch(`http://127.0.0.1:${port}/api/ready`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (!ready) await new Promise((r) => setTimeout(r, 200));
    }
    expect(ready).toBe(true);
    expect(fs.statSync(path.join(dataDir, "secrets.json")).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(dataDir, "pgdata"))).toBe(true);
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  });

  it("refuses to run in production without its secrets, naming each one", async () => {
    await expectRefusal(
      { NODE_ENV: "production", PUBLIC_URL: "https://books.example.com", DATA_DIR: tempDir() },
      /SESSION_SECRET, FIELD_ENCRYPTION_KEYS/,
    );
  });

  it("refuses an invalid setting, naming it", async () => {
    await expectRefusal({ DATA_DIR: tempDir(), PORT: "not-a-port" }, /PORT/);
  });

  it("refuses a data folder it cannot create", async () => {
    const file = path.join(tempDir(), "a-file");
    fs.writeFileSync(file, "not a folder");
    await expectRefusal(
      { DATA_DIR: path.join(file, "data") },
      /data folder|embedded database|not a directory|ENOTDIR/i,
    );
  });

  it("refuses a damaged embedded database", async () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, "pgdata"), { recursive: true });
    fs.writeFileSync(path.join(dataDir, "pgdata", "PG_VERSION"), "this is not a database\n");
    fs.writeFileSync(path.join(dataDir, "pgdata", "postgresql.conf"), "\u0000\u0001garbage");
    await expectRefusal({ DATA_DIR: dataDir }, /Cannot open the embedded database/);
  });

  it("refuses an unreachable database", async () => {
    const port = await freePort(); // nothing listens there
    await expectRefusal(
      { DATA_DIR: tempDir(), DATABASE_URL: `postgres://nobody:secret@127.0.0.1:${port}/none` },
      /Cannot reach the database at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1/,
    );
  });

  it.runIf(usingPostgres)("refuses to start when a migration fails", async () => {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const name = `tl_broken_${randomBytes(4).toString("hex")}`;
    await admin.query(`create database ${name}`);
    try {
      const url = new URL(process.env.TEST_DATABASE_URL ?? "");
      url.pathname = `/${name}`;
      const broken = new pg.Client({ connectionString: url.toString() });
      await broken.connect();
      // A table in the way of the first migration.
      await broken.query("create table jobs (id int)");
      await broken.end();
      await expectRefusal({ DATA_DIR: tempDir(), DATABASE_URL: url.toString() }, /Database migration failed/);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
