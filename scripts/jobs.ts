// Operators' view of the job queue: `npm run jobs` lists recent jobs, `npm run jobs -- failed`
// the failed ones, `npm run jobs -- retry <id>` puts a failed job back in line.
import { openDatabase } from "../src/db/client.js";
import { listJobs, retryFailedJob } from "../src/jobs/job-admin.js";
import { readConfig } from "../src/server/config.js";

const [command = "list", arg] = process.argv.slice(2);
const config = readConfig();
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  poolSize: 2,
});
try {
  if (command === "retry") {
    const id = Number(arg);
    if (!Number.isInteger(id)) throw new Error("usage: npm run jobs -- retry <job id>");
    const done = await retryFailedJob(database.db, id);
    process.stdout.write(done ? `Job ${id} will run again.\n` : `Job ${id} is not a failed job.\n`);
  } else if (command === "list" || command === "failed") {
    const rows = await listJobs(database.db, command === "failed" ? { status: "failed" } : {});
    for (const job of rows) {
      process.stdout.write(
        `${job.id}\t${job.kind}\t${job.status}\t${job.attempts}/${job.maxAttempts}\t${job.createdAt.toISOString()}\t${job.lastError ?? ""}\n`,
      );
    }
    if (rows.length === 0) process.stdout.write("No jobs.\n");
  } else {
    throw new Error(`unknown command ${command}: use list, failed or retry <id>`);
  }
} finally {
  await database.close();
}
