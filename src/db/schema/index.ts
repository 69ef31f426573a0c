export * from "./identity.js";
export * from "./jobs.js";
