import { useSearchParams } from "react-router";
import { Card } from "../../ui/card";
import { Container } from "../../ui/container";
import { PageHeader } from "../../ui/page-header";
import { todayIn } from "../ledger/transactions/entry-defaults";
import { useCurrentPractice } from "../practice/practice-context";
import { RangePicker } from "./range-picker";
import { ReportPanel } from "./report-panel";
import { REPORT_IDS, REPORT_LABELS } from "./report-queries";
import { presetRange } from "./report-range";
import { type ReportSelection, readSelection, selectionParams } from "./report-selection";
import { Tabs } from "./report-tabs";

const TABS = REPORT_IDS.map((id) => ({ id, label: REPORT_LABELS[id] }));

/**
 * /practices/:practiceId/reports — the five reports for any period, each on screen and as CSV
 * and PDF downloads. The report and the period live in the address, so a reload or a bookmark
 * shows the same figures.
 */
export function ReportsPage() {
  const practice = useCurrentPractice();
  const [params, setParams] = useSearchParams();
  const today = todayIn(practice.timeZone);
  const selection = readSelection(params, today);
  const choose = (change: Partial<ReportSelection>) =>
    setParams(selectionParams({ ...selection, ...change }), { replace: true });

  return (
    <>
      <title>{`Reports · ${practice.name} · TherapyLedger`}</title>
      <Container className="flex flex-col gap-8 py-10 sm:py-12">
        <PageHeader
          eyebrow={practice.name}
          title="Reports"
          description={
            <p>
              Profit and loss by Schedule C line, income by payer, expenses by category, the month-by-month
              trend and the year over year — for any period, on screen or as CSV and PDF for your CPA.
            </p>
          }
        />
        <Card as="section" aria-label="Choose the period" className="flex flex-col gap-4">
          <RangePicker
            preset={selection.preset}
            range={selection.range}
            onChange={(preset, range) =>
              choose({
                preset,
                range: range ?? (preset === "custom" ? selection.range : presetRange(preset, today)),
              })
            }
          />
        </Card>
        <Card>
          <Tabs
            label="Reports"
            tabs={TABS}
            selected={selection.report}
            onSelect={(report) => choose({ report })}
          >
            <ReportPanel practiceId={practice.id} report={selection.report} range={selection.range} />
          </Tabs>
        </Card>
      </Container>
    </>
  );
}
