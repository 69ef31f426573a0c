import { afterEach, vi } from "vitest";

// A console.error during a test means something went wrong that no assertion caught.
const calls: unknown[][] = [];
// biome-ignore lint/suspicious/noConsole: the original is kept so the error is still shown
const original = console.error;
vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
  calls.push(args);
  original(...args);
});

afterEach(() => {
  if (calls.length > 0) {
    const first = calls.map((args) => args.map(String).join(" ")).join("\n");
    calls.length = 0;
    throw new Error(`console.error was called during the test:\n${first}`);
  }
});
