import { useState } from "react";
import { Card } from "../../ui/card";
import { Container } from "../../ui/container";
import { PageHeader } from "../../ui/page-header";
import { todayIn } from "../ledger/transactions/entry-defaults";
import { EmptyState, ErrorNotice, LoadingState } from "../practice/feedback";
import { SelectField } from "../practice/fields";
import { can } from "../practice/permissions";
import { useCurrentPractice } from "../practice/practice-context";
import { Section } from "../practice/section";
import { useMileageLog } from "./mileage-queries";
import { MileageValue } from "./mileage-value";
import { TripForm } from "./trip-form";
import { TripsTable } from "./trips-table";
import { VehicleMethodChoice } from "./vehicle-method";

const YEARS_OFFERED = 5;

/**
 * /practices/:practiceId/mileage — the business trips of a year, what they are worth at the IRS
 * standard rate, and whether the year deducts that or actual car expenses.
 */
export function MileagePage() {
  const practice = useCurrentPractice();
  const today = todayIn(practice.timeZone);
  const currentYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(currentYear);
  const log = useMileageLog(practice.id, year);
  const canWrite = can(practice.role, "ledger.write");
  const years = Array.from({ length: YEARS_OFFERED }, (_, i) => currentYear - i);

  const body = () => {
    if (log.isPending) return <LoadingState label="Loading the mileage log…" />;
    if (log.isError) return <ErrorNotice error={log.error} />;
    const data = log.data;
    return (
      <>
        <Section title={`Trips in ${data.year}`}>
          {data.entries.length === 0 ? (
            <EmptyState title={`No trips logged for ${data.year}`}>
              {canWrite
                ? "Log each drive for the practice — to a home visit, a training, the bank — with its miles and purpose, using the form above. The log is your record for the IRS."
                : "Trips appear here once someone in the practice logs them."}
            </EmptyState>
          ) : (
            <TripsTable
              practiceId={practice.id}
              entries={data.entries}
              totalHundredths={data.entries.reduce((sum, e) => sum + e.hundredthsOfMiles, 0)}
              canWrite={canWrite}
            />
          )}
        </Section>
        <Section
          title="What the miles are worth"
          description="Valued at the IRS standard mileage rate in force on each trip’s date."
        >
          <MileageValue log={data} />
        </Section>
        <Section
          title="Standard rate or actual expenses"
          description="Choose once a year, the same way on your tax return."
        >
          <VehicleMethodChoice
            key={`${data.year}-${data.vehicleMethod.method}`}
            practiceId={practice.id}
            year={data.year}
            method={data.vehicleMethod.method}
            isDefault={data.vehicleMethod.isDefault}
            canChoose={can(practice.role, "settings.manage")}
          />
        </Section>
      </>
    );
  };

  return (
    <>
      <title>{`Mileage · ${practice.name} · TherapyLedger`}</title>
      <Container className="flex flex-col gap-8 py-10 sm:py-12">
        <PageHeader
          eyebrow={practice.name}
          title="Mileage log"
          description={
            <p>
              Business driving — home visits, trainings, supervision, the bank — with the date, the miles and
              why. Commuting to your regular office does not count.
            </p>
          }
        />
        <Card className="flex flex-wrap items-end gap-4">
          <SelectField label="Year" value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
        </Card>
        {canWrite ? (
          <Section
            title="Log a trip"
            description="Date, miles and purpose are needed; Enter saves and readies the next trip."
          >
            <TripForm
              practiceId={practice.id}
              defaultDate={year === currentYear ? today : `${year}-12-31`}
              key={year}
            />
          </Section>
        ) : null}
        {body()}
      </Container>
    </>
  );
}
