import { REPORT_IDS, type ReportId } from "./report-queries";
import {
  type DateRange,
  isIsoDate,
  presetRange,
  RANGE_PRESETS,
  type RangePreset,
  rangeProblem,
} from "./report-range";

/**
 * Which report and which dates the page shows, kept in the address (?report=…&range=…&from=…&to=…)
 * so a reload, the back button or a bookmark shows the same figures. Anything unreadable in the
 * address falls back to the profit and loss for this year.
 */
export type ReportSelection = { report: ReportId; preset: RangePreset; range: DateRange };

function isOneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && (values as readonly string[]).includes(value);
}

export function readSelection(params: URLSearchParams, today: string): ReportSelection {
  const reportParam = params.get("report");
  const report = isOneOf(REPORT_IDS, reportParam) ? reportParam : "profit-and-loss";
  const presetParam = params.get("range");
  const preset = isOneOf(RANGE_PRESETS, presetParam) ? presetParam : "this_year";
  if (preset !== "custom") return { report, preset, range: presetRange(preset, today) };
  const range = { from: params.get("from") ?? "", to: params.get("to") ?? "" };
  if (isIsoDate(range.from) && isIsoDate(range.to) && !rangeProblem(range)) {
    return { report, preset, range };
  }
  return { report, preset: "this_year", range: presetRange("this_year", today) };
}

export function selectionParams(selection: ReportSelection): URLSearchParams {
  const params = new URLSearchParams({ report: selection.report, range: selection.preset });
  if (selection.preset === "custom") {
    params.set("from", selection.range.from);
    params.set("to", selection.range.to);
  }
  return params;
}
