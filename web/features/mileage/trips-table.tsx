import { useRef, useState } from "react";
import { Button } from "../../ui/button";
import { formatCalendarDate } from "../../ui/format-date";
import { ConfirmDialog } from "../practice/confirm-dialog";
import { Cell, NumberCell, ReportTable, RowHeader } from "../reports/report-table";
import { formatMiles } from "./mileage-format";
import { type MileageEntry, useDeleteTrip } from "./mileage-queries";

type Props = { practiceId: string; entries: MileageEntry[]; totalHundredths: number; canWrite: boolean };

/** The year's trips, oldest first, with their total. */
export function TripsTable({ practiceId, entries, totalHundredths, canWrite }: Props) {
  const remove = useDeleteTrip(practiceId);
  const [deleting, setDeleting] = useState<MileageEntry | undefined>(undefined);
  const container = useRef<HTMLDivElement>(null);
  return (
    // Focus lands here when a deleted trip's row disappears, instead of falling back to the page.
    <div ref={container} tabIndex={-1} className="focus:outline-none">
      <ReportTable
        caption="Trips"
        columns={[
          { label: "Date" },
          { label: "Purpose" },
          { label: "From" },
          { label: "To" },
          { label: "Miles", numeric: true },
          ...(canWrite ? [{ label: "Actions" }] : []),
        ]}
        minWidth="min-w-[44rem]"
        totals={
          <tr>
            <th scope="row" colSpan={4} className="py-3 pr-4 text-left">
              Total
            </th>
            <NumberCell>{formatMiles(totalHundredths)}</NumberCell>
            {canWrite ? <td /> : null}
          </tr>
        }
      >
        {entries.map((trip) => (
          <tr key={trip.id}>
            <RowHeader className="whitespace-nowrap">{formatCalendarDate(trip.date)}</RowHeader>
            <Cell className="break-words text-slate-800">{trip.purpose}</Cell>
            <Cell className="text-slate-700">{trip.fromPlace ?? "—"}</Cell>
            <Cell className="text-slate-700">{trip.toPlace ?? "—"}</Cell>
            <NumberCell>{formatMiles(trip.hundredthsOfMiles)}</NumberCell>
            {canWrite ? (
              <Cell>
                <Button variant="ghost" size="sm" onClick={() => setDeleting(trip)}>
                  Delete
                  <span className="sr-only">
                    {" "}
                    the trip of {trip.date}: {trip.purpose}
                  </span>
                </Button>
              </Cell>
            ) : null}
          </tr>
        ))}
      </ReportTable>
      <ConfirmDialog
        open={deleting !== undefined}
        title="Delete this trip?"
        confirmLabel="Delete trip"
        destructive
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.id, { onSuccess: () => setDeleting(undefined) });
        }}
        onCancel={() => {
          remove.reset();
          setDeleting(undefined);
        }}
        onClosed={() => container.current?.focus()}
      >
        <p>
          {deleting
            ? `${formatMiles(deleting.hundredthsOfMiles)} miles on ${formatCalendarDate(deleting.date)} (${deleting.purpose}) will leave the log and its value.`
            : ""}
        </p>
      </ConfirmDialog>
    </div>
  );
}
