import { useQuery } from "@tanstack/react-query";
import { api, requireData } from "../api/client";
import { cx } from "../ui/cx";

/** Liveness of the API through the typed client; a cheap proof, on every page, that it works. */
export function useApiHealth() {
  return useQuery({
    queryKey: ["system", "health"],
    queryFn: async () => requireData(await api.GET("/health", { credentials: "omit" })),
    staleTime: 60_000,
  });
}

export function ApiStatus() {
  const health = useApiHealth();
  const state = health.isPending ? "checking" : health.data?.status === "ok" ? "online" : "unreachable";
  const label = {
    checking: "Checking service status…",
    online: "Service online",
    unreachable: "Service unreachable",
  }[state];
  return (
    <p className="inline-flex items-center gap-2 text-sm text-slate-600" data-state={state}>
      <span
        aria-hidden="true"
        className={cx(
          "size-2 rounded-full",
          state === "online" && "bg-teal-600",
          state === "checking" && "bg-slate-400",
          state === "unreachable" && "bg-amber-500",
        )}
      />
      {label}
    </p>
  );
}
