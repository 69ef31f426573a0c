// The server reads its SQL migrations at run time, next to the compiled db client.
import fs from "node:fs";

fs.rmSync("dist/db/migrations", { recursive: true, force: true });
fs.cpSync("src/db/migrations", "dist/db/migrations", { recursive: true });
