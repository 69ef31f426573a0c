import { Link } from "react-router";
import { type MeUser, useSignOut } from "../../app/use-session";
import { ChevronDownIcon, SettingsIcon, SignOutIcon } from "../../ui/app-icons";
import { Disclosure } from "../../ui/disclosure";

const ITEM =
  "flex w-full items-center gap-3 rounded-lg px-3 py-2 text-left text-sm font-medium text-slate-800 hover:bg-slate-100 hover:text-slate-900";

/** The first letter of the address, as a plain monogram: no photos, no remote avatars. */
function Monogram({ email }: { email: string }) {
  return (
    <span
      aria-hidden="true"
      className="flex size-8 shrink-0 items-center justify-center rounded-full bg-teal-700 text-sm font-semibold text-white uppercase"
    >
      {email.slice(0, 1)}
    </span>
  );
}

/** The signed-in person's menu: who they are, their account settings, and signing out. */
export function UserMenu({ user, accountLink = true }: { user: MeUser; accountLink?: boolean }) {
  const signOut = useSignOut();
  return (
    <Disclosure
      align="end"
      triggerClassName="flex h-10 items-center gap-2 rounded-full py-1 pr-2 pl-1 hover:bg-slate-100"
      panelClassName="w-72"
      trigger={
        <>
          <Monogram email={user.email} />
          <span className="sr-only sm:not-sr-only sm:max-w-[14rem] sm:truncate sm:text-sm sm:font-medium sm:text-slate-800">
            <span className="sr-only">Your account: </span>
            {user.email}
          </span>
          <ChevronDownIcon className="size-4 text-slate-500" />
        </>
      }
    >
      <div className="border-b border-slate-200 px-3 pt-1 pb-3">
        <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Signed in as</p>
        <p className="mt-0.5 truncate text-sm font-medium text-slate-900">{user.email}</p>
      </div>
      <ul className="mt-2 flex flex-col gap-0.5">
        {accountLink ? (
          <li>
            <Link to="/account" className={ITEM}>
              <SettingsIcon className="size-4 text-slate-500" />
              Account settings
            </Link>
          </li>
        ) : null}
        <li>
          <button
            type="button"
            className={ITEM}
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
          >
            <SignOutIcon className="size-4 text-slate-500" />
            {signOut.isPending ? "Signing out…" : "Sign out"}
          </button>
        </li>
      </ul>
      {signOut.isError ? (
        <p role="alert" className="px-3 pt-2 text-sm text-red-700">
          We could not sign you out. Try again.
        </p>
      ) : null}
    </Disclosure>
  );
}
