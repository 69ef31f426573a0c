/**
 * Where to go after signing in, from a `next` query parameter. Only a path on this site is
 * accepted: "//evil.example" or "/\evil.example" would leave it (an open redirect), and an API
 * path is not a page.
 */
export function safeNextPath(raw: string | null | undefined): string | null {
  if (!raw?.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return null;
  if (raw === "/api" || raw.startsWith("/api/")) return null;
  return raw;
}

/** A page path with `?next=…` added when there is somewhere to come back to. */
export function withNext(path: string, next: string | null): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}

/** Reads the `#token=…` of an emailed link; the token rides in the fragment so no server logs it. */
export function readHashToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  return token && token.length >= 16 ? token : null;
}
