import { useInboxCount } from "./inbox-queries";

/** How many transactions wait for review, beside the navigation's "Inbox"; nothing when none. */
export function InboxBadge({ practiceId }: { practiceId: string }) {
  const count = useInboxCount(practiceId, true);
  if (!count.data) return null;
  return (
    <span className="ml-1.5 inline-flex min-w-5 justify-center rounded-full bg-amber-100 px-1.5 text-xs font-semibold text-amber-900 tabular-nums">
      {count.data > 999 ? "999+" : count.data}
      <span className="sr-only"> to review</span>
    </span>
  );
}
