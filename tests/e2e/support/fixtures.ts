import { test as base, expect } from "@playwright/test";

export { expect };

type BrowserProblem = { kind: "console error" | "page error" | "CSP violation"; text: string };

type CspViolation = { directive: string; blockedURI: string; sourceFile: string; lineNumber: number };

// Runs in the page before any of its own scripts. Written as a string because this file is
// type-checked for Node, without the DOM's types.
const WATCH_CSP_VIOLATIONS = `
  document.addEventListener("securitypolicyviolation", (event) => {
    window.reportCspViolation({
      directive: event.effectiveDirective,
      blockedURI: event.blockedURI,
      sourceFile: event.sourceFile,
      lineNumber: event.lineNumber,
    });
  });
`;

/**
 * Every test gets a page that is watched for what no assertion would catch: a console error,
 * an uncaught exception, or a Content-Security-Policy violation (an inline script or style, a
 * remote resource). Any of them fails the test when it ends, with the full list.
 */
export const test = base.extend<{ browserProblems: BrowserProblem[] }>({
  browserProblems: [
    async ({ page }, use) => {
      const problems: BrowserProblem[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") {
          const where = message.location().url;
          problems.push({ kind: "console error", text: `${message.text()}${where ? ` (${where})` : ""}` });
        }
      });
      page.on("pageerror", (error) =>
        problems.push({ kind: "page error", text: error.stack ?? error.message }),
      );
      // The binding and the init script are installed by the DevTools protocol, outside the
      // page's CSP, so watching for violations cannot itself cause one.
      await page.exposeFunction("reportCspViolation", (v: CspViolation) => {
        problems.push({
          kind: "CSP violation",
          text: `${v.directive} blocked ${v.blockedURI || "(inline)"} at ${v.sourceFile}:${v.lineNumber}`,
        });
      });
      await page.addInitScript({ content: WATCH_CSP_VIOLATIONS });
      await use(problems);
      expect(problems, "the browser reported console errors, page errors or CSP violations").toEqual([]);
    },
    { auto: true },
  ],
});
