import fs from "node:fs";
import path from "node:path";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env.js";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
};

/**
 * Serves the built React app from `root`: files as they are (hashed assets cached for a year),
 * and index.html for any other page path so the client router can take it. Reads each file
 * once and keeps it in memory; the build is small and immutable while the process runs.
 */
export function serveWebApp(root: string): MiddlewareHandler<AppEnv> {
  const resolvedRoot = path.resolve(root);
  const cache = new Map<string, Buffer | null>();

  function read(relative: string): Buffer | null {
    if (cache.has(relative)) return cache.get(relative) ?? null;
    const full = path.resolve(resolvedRoot, `.${relative}`);
    let content: Buffer | null = null;
    if (full.startsWith(resolvedRoot + path.sep)) {
      try {
        content = fs.statSync(full).isFile() ? fs.readFileSync(full) : null;
      } catch {
        content = null;
      }
    }
    cache.set(relative, content);
    return content;
  }

  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    let relative: string;
    try {
      relative = decodeURIComponent(c.req.path);
    } catch {
      return next();
    }
    if (relative.includes("\0")) return next();
    const ext = path.extname(relative);
    const file = ext ? read(relative) : null;
    if (file) {
      c.header("Content-Type", CONTENT_TYPES[ext] ?? "application/octet-stream");
      c.header(
        "Cache-Control",
        relative.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "public, max-age=300",
      );
      return c.body(new Uint8Array(file));
    }
    if (ext) return next(); // a missing file is a 404, not the app shell
    const index = read("/index.html");
    if (!index) {
      return c.text(
        "The web app has not been built yet. Run `npm run build` (or `npm start`, which builds first).",
        503,
      );
    }
    c.header("Content-Type", CONTENT_TYPES[".html"] ?? "text/html");
    c.header("Cache-Control", "no-cache");
    return c.body(new Uint8Array(index));
  };
}
