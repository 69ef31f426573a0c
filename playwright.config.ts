import { defineConfig } from "@playwright/test";

const PORT = 3100;
const BASE_URL = `http://127.0.0.1:${PORT}`;

/**
 * End-to-end journeys against the built app (`npm run build` first), served by the real server
 * on a fresh embedded database. The browser is Debian's Chromium: Playwright's own browser
 * downloads cannot run here, and the background-networking flags keep Chromium from flooding
 * a closed network with connection attempts.
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  // A flaky test is fixed, never retried into green.
  retries: 0,
  reporter: "list",
  // axe-core runs take seconds each on a busy two-core machine.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  outputDir: "test-results",
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node tests/e2e/support/start-server.mjs",
    url: `${BASE_URL}/api/ready`,
    env: { PORT: String(PORT), HOST: "127.0.0.1", LOG_LEVEL: "warn", NODE_ENV: "development" },
    reuseExistingServer: false,
    // The first start of an embedded database runs initdb, which takes a while on a busy machine.
    timeout: 120_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
