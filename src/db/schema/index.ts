export * from "./identity.js";
export * from "./imports.js";
export * from "./jobs.js";
export * from "./ledger.js";
export * from "./planning.js";
export * from "./practices.js";
