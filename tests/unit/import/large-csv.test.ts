/**
 * A 100,000-row statement read as a stream of byte chunks, the way an upload arrives: every row
 * comes through, the total is exact to the cent, and a consumer that stops early stops the read.
 * No timing or memory assertion (those vary with the machine); bench/ is the place for figures.
 */

import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { guessCsvMapping } from "../../../src/domain/import/csv-guess.js";
import { readCsvHead } from "../../../src/domain/import/csv-records.js";
import { parseCsvStatement } from "../../../src/domain/import/csv-statement.js";
import { generateLargeCsv } from "../../fixtures/statements/generate-large-csv.js";

const ROWS = 100_000;

function asByteStream(chunks: Iterable<string>): Readable {
  const encoder = new TextEncoder();
  return Readable.from(
    (function* () {
      for (const chunk of chunks) yield encoder.encode(chunk);
    })(),
  );
}

describe("a 100,000-row CSV", () => {
  it("streams every row with the exact total", async () => {
    const large = generateLargeCsv(ROWS, 20_260_101);
    const guess = guessCsvMapping(await readCsvHead(asByteStream(large.chunks(200))));
    if (!guess.ok) throw new Error(guess.message);
    expect(guess.mapping.amount).toEqual({ kind: "signed", column: 3 });

    let count = 0;
    let total = 0;
    let lastLine = 1;
    let misnumbered = 0;
    let lastDate = "";
    for await (const row of parseCsvStatement(asByteStream(large.chunks(500)), guess.mapping)) {
      count += 1;
      total += row.amountCents;
      if (row.line !== lastLine + 1) misnumbered += 1;
      lastLine = row.line;
      lastDate = row.date;
    }
    expect(count).toBe(ROWS);
    expect(total).toBe(large.totalCents);
    expect(lastLine).toBe(ROWS + 1);
    expect(misnumbered).toBe(0);
    expect(lastDate).toBe("2025-12-31");
  }, 120_000);

  it("stops reading when the consumer stops", async () => {
    const large = generateLargeCsv(ROWS, 7);
    let produced = 0;
    const counted = (function* () {
      for (const chunk of large.chunks(100)) {
        produced += 1;
        yield chunk;
      }
    })();
    const guess = guessCsvMapping(await readCsvHead(large.chunks(100).next().value ?? ""));
    if (!guess.ok) throw new Error(guess.message);
    let taken = 0;
    for await (const _row of parseCsvStatement(asByteStream(counted), guess.mapping)) {
      taken += 1;
      if (taken === 50) break;
    }
    expect(taken).toBe(50);
    expect(produced).toBeLessThan(ROWS / 100);
  });

  it("is the same file for the same seed, and another for another seed", () => {
    expect(generateLargeCsv(50, 1).text()).toBe(generateLargeCsv(50, 1).text());
    expect(generateLargeCsv(50, 1).text()).not.toBe(generateLargeCsv(50, 2).text());
  });
});
