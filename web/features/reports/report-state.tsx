import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorNotice, LoadingState } from "../practice/feedback";

/**
 * A report's three states: loading, refused, and its figures. While a new period loads, the
 * previous figures stay and the region says it is busy.
 */
export function ReportState<T>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingState label={`Loading the ${what}…`} />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  return (
    <div aria-busy={query.isPlaceholderData || undefined} className="flex flex-col gap-6">
      {children(query.data)}
    </div>
  );
}
