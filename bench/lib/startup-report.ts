import os from "node:os";
import type { ExitResult } from "./child-processes.js";
import type { LoadFigures, LoadSettings } from "./load.js";
import { formatNumber, formatTable, maximum, median, minimum, print } from "./report.js";

export type StartupSamples = { fresh: number[]; reopened: number[]; shutdown: number[]; exits: ExitResult[] };
export type LoadRow = { name: string; figures: LoadFigures };

export type StartupAndHealthResults = {
  startedAt: Date;
  loadAverageAtStart: number[];
  runs: number;
  load: LoadSettings;
  baselineStarts: StartupSamples;
  pglite: StartupSamples;
  postgres: StartupSamples | undefined;
  /** The bare node:http server, measured before and after the app. */
  baselines: LoadRow[];
  loadRows: LoadRow[];
  loadExits: ExitResult[];
};

function summaryRow(name: string, samples: number[]): string[] {
  return [name, String(samples.length), ...[minimum, median, maximum].map((f) => formatNumber(f(samples)))];
}

function loadTableRow(row: LoadRow, baselineRequestsPerSecond: number | undefined): string[] {
  const f = row.figures;
  const share = baselineRequestsPerSecond
    ? `${formatNumber((100 * f.requestsPerSecond) / baselineRequestsPerSecond)} %`
    : "–";
  return [
    row.name,
    formatNumber(f.requestsPerSecond),
    share,
    formatNumber(f.p50Ms),
    formatNumber(f.p99Ms),
    String(f.non2xx),
    String(f.errors),
  ];
}

function describeExits(exits: ExitResult[]): { text: string; ok: boolean } {
  const ok = exits.length > 0 && exits.every((e) => e.code === 0 && e.signal === null);
  const codes = exits.map((e) => (e.signal ? e.signal : String(e.code))).join(", ");
  return { ok, text: `${ok ? "OK" : "FAILED"}: exit codes ${codes}` };
}

const formatLoadAverage = (values: number[]) => values.map((n) => n.toFixed(2)).join(" ");

/** Prints the three tables; returns true when every app process exited 0 after SIGTERM. */
export function printStartupAndHealthReport(r: StartupAndHealthResults): boolean {
  const cpus = os.cpus();
  const startups = [
    summaryRow("bare node:http (baseline)", r.baselineStarts.fresh),
    summaryRow("app, PGlite, new data folder", r.pglite.fresh),
    summaryRow("app, PGlite, existing data folder", r.pglite.reopened),
    ...(r.postgres
      ? [
          summaryRow("app, PostgreSQL, new (empty) database", r.postgres.fresh),
          summaryRow("app, PostgreSQL, existing database", r.postgres.reopened),
        ]
      : []),
  ];
  const shutdowns = [
    { name: "app, PGlite", samples: r.pglite },
    ...(r.postgres ? [{ name: "app, PostgreSQL", samples: r.postgres }] : []),
  ];
  const shutdownRows = shutdowns.map(({ name, samples }) => [
    ...summaryRow(name, samples.shutdown),
    describeExits(samples.exits).text,
  ]);
  const baselineRequestsPerSecond =
    r.baselines.length > 0
      ? r.baselines.reduce((sum, row) => sum + row.figures.requestsPerSecond, 0) / r.baselines.length
      : undefined;
  const allExits = describeExits([...shutdowns.flatMap((s) => s.samples.exits), ...r.loadExits]);

  print(`# startup-and-health — ${r.startedAt.toISOString()}`);
  print(
    `node ${process.version}, ${cpus.length} × ${cpus[0]?.model.trim() ?? "cpu"}; load average ` +
      `${formatLoadAverage(r.loadAverageAtStart)} at the start, ${formatLoadAverage(os.loadavg())} at the end`,
  );
  print();
  print(`## Start-up: spawn → first 200 from the ready probe (ms; ${r.runs} runs; polled every 20 ms)`);
  print(formatTable(["what", "runs", "min", "median", "max"], startups));
  print();
  print("## Graceful shutdown: SIGTERM → process exit (ms; after each app start-up above)");
  print(formatTable(["what", "runs", "min", "median", "max", "exit"], shutdownRows));
  print();
  print(
    `## Load: autocannon, ${r.load.connections} connections, ${r.load.durationSeconds} s after a ` +
      `${r.load.warmupSeconds} s warm-up`,
  );
  print(
    formatTable(
      ["target", "req/s (mean)", "vs baselines' mean", "p50 ms", "p99 ms", "non-2xx", "errors"],
      [
        ...r.baselines.map((row) => loadTableRow(row, undefined)),
        ...r.loadRows.map((row) => loadTableRow(row, baselineRequestsPerSecond)),
      ],
    ),
  );
  print();
  print(`Every app process exited 0 after SIGTERM: ${allExits.text}`);
  if (!r.postgres) print("(Set BENCH_DATABASE_URL to also measure PostgreSQL.)");
  return allExits.ok;
}
