import { useState } from "react";
import { Button } from "../../ui/button";
import { describeEvent } from "./describe-event";
import { EmptyState, ErrorNotice, LoadingState } from "./feedback";
import { formatDayAndTime } from "./format-time";
import { type Practice, usePracticeEvents } from "./practice-queries";

const FIRST_PAGE = 15;

/** Who changed what in the practice, newest first, as sentences. */
export function EventLog({ practice }: { practice: Practice }) {
  const events = usePracticeEvents(practice.id);
  const [showAll, setShowAll] = useState(false);

  if (events.isPending) return <LoadingState label="Loading the event log…" />;
  if (events.isError) return <ErrorNotice error={events.error} />;
  if (events.data.length === 0) {
    return (
      <EmptyState title="Nothing has happened yet.">
        Invitations, role changes and settings changes appear here.
      </EmptyState>
    );
  }
  const shown = showAll ? events.data : events.data.slice(0, FIRST_PAGE);
  return (
    <div className="flex flex-col gap-4">
      <ol className="flex flex-col">
        {shown.map((event) => (
          <li key={event.id} className="relative flex gap-4 pb-5 pl-1 last:pb-0">
            <span aria-hidden="true" className="relative mt-1.5 flex flex-col items-center">
              <span className="size-2.5 rounded-full bg-teal-600 ring-4 ring-teal-50" />
            </span>
            <div className="flex min-w-0 flex-col gap-0.5">
              <p className="text-sm break-words text-slate-800">{describeEvent(event)}</p>
              <p className="text-xs text-slate-600">
                <time dateTime={event.createdAt}>{formatDayAndTime(event.createdAt, practice.timeZone)}</time>
                {event.ip ? <span> · from {event.ip}</span> : null}
              </p>
            </div>
          </li>
        ))}
      </ol>
      {events.data.length > FIRST_PAGE ? (
        <div>
          <Button variant="secondary" size="sm" onClick={() => setShowAll((v) => !v)}>
            {showAll ? "Show fewer" : `Show all ${events.data.length} events`}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
