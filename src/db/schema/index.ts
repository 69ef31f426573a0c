export * from "./identity.js";
export * from "./jobs.js";
export * from "./practices.js";
