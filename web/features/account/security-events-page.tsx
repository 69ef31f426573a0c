import { Alert } from "../../ui/alert";
import { cx } from "../../ui/cx";
import { describeError } from "../auth/api-result";
import { AccountPage } from "./account-layout";
import { useSecurityEvents } from "./account-queries";
import { describeSecurityEvent, type EventTone } from "./describe-security-event";
import { formatLocalDateTime } from "./format-time";
import { LoadingCard } from "./loading-card";
import { describeUserAgent } from "./user-agent";

const DOTS: Record<EventTone, string> = {
  neutral: "bg-slate-400",
  positive: "bg-teal-600",
  pending: "bg-amber-500",
};

export function SecurityEventsPage() {
  const events = useSecurityEvents();
  return (
    <AccountPage
      title="Security activity"
      description="Sign-ins, changes to how you sign in, and other security events on your account, newest first. Times are in your time zone."
    >
      {events.isPending ? (
        <LoadingCard label="Loading your security activity…" />
      ) : events.isError ? (
        <Alert tone="error">{describeError(events.error)}</Alert>
      ) : events.data.length === 0 ? (
        <p className="text-slate-600">Nothing has happened on your account yet.</p>
      ) : (
        <div className="rounded-2xl border border-slate-200 bg-white shadow-sm shadow-slate-900/5">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Security events on your account, newest first</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-5 py-3 font-medium">
                  What
                </th>
                <th scope="col" className="px-5 py-3 font-medium">
                  When
                </th>
                <th scope="col" className="px-5 py-3 font-medium">
                  IP address
                </th>
                <th scope="col" className="px-5 py-3 font-medium">
                  Browser
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {events.data.map((event) => {
                const { text, tone } = describeSecurityEvent(event.type, event.details);
                return (
                  <tr key={event.id} className="align-top">
                    <th scope="row" className="px-5 py-3 font-medium text-slate-900">
                      <span className="flex items-start gap-2.5">
                        <span
                          aria-hidden="true"
                          className={cx("mt-1.5 size-2 shrink-0 rounded-full", DOTS[tone])}
                        />
                        {text}
                      </span>
                    </th>
                    <td className="px-5 py-3 text-slate-700 sm:whitespace-nowrap">
                      <time dateTime={event.createdAt}>{formatLocalDateTime(event.createdAt)}</time>
                    </td>
                    <td className="px-5 py-3 break-all text-slate-700 tabular-nums">{event.ip ?? "—"}</td>
                    <td className="px-5 py-3 text-slate-700">{describeUserAgent(event.userAgent)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </AccountPage>
  );
}
