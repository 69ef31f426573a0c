// Drift: docs/SECURITY.md promising powers the code does not grant (or hiding ones it does).
// The role table in the document must be exactly what renderPolicyTable() makes of the code.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ASSIGNABLE_ROLES,
  PERMISSIONS,
  renderPolicyTable,
  roleCan,
} from "../../../src/domain/permissions.js";

const doc = fs.readFileSync(new URL("../../../docs/SECURITY.md", import.meta.url), "utf8");

describe("the policy table", () => {
  it("in docs/SECURITY.md matches the code (npm run docs:policy rewrites it)", () => {
    const between = /<!-- policy:start -->\n([\s\S]*?)\n<!-- policy:end -->/.exec(doc)?.[1];
    expect(between, "the ## Roles section lacks its policy markers").toBeDefined();
    expect(between).toBe(renderPolicyTable());
    expect(doc.indexOf("## Roles")).toBeLessThan(doc.indexOf("<!-- policy:start -->"));
  });

  it("gives the Owner every power, the Owner's own powers to nobody else, and never hands out Owner", () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(roleCan("owner", permission), permission).toBe(true);
      if (roleCan("user", permission)) expect(roleCan("admin", permission), permission).toBe(true);
    }
    for (const permission of [
      "ownership.transfer",
      "practice.delete",
      "security.manage",
      "billing.manage",
    ] as const) {
      expect(PERMISSIONS[permission].roles).toEqual(["owner"]);
    }
    expect(ASSIGNABLE_ROLES).not.toContain("owner");
  });
});
