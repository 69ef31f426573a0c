import { eq, lt, sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/client.js";
import { rateLimitCounters } from "../db/schema/identity.js";

export type RateLimitRule = { limit: number; windowSeconds: number };

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

/**
 * Counts one attempt against `key` in a fixed window and says whether it is within the limit.
 * One upsert statement, so concurrent attempts on any number of instances each get their own
 * count: fifty parallel tries cannot all slip under a limit of ten.
 */
export async function consumeRateLimit(db: Db, key: string, rule: RateLimitRule): Promise<RateLimitResult> {
  const window = sql`make_interval(secs => ${rule.windowSeconds})`;
  const [row] = await queryRows<{ count: number; remaining: number }>(
    db,
    sql`
    insert into rate_limit_counters as c (key, count, window_ends_at)
    values (${key}, 1, now() + ${window})
    on conflict (key) do update set
      count = case when c.window_ends_at <= now() then 1 else c.count + 1 end,
      window_ends_at = case when c.window_ends_at <= now() then now() + ${window} else c.window_ends_at end
    returning count, ceil(extract(epoch from (window_ends_at - now())))::int as remaining`,
  );
  const count = row?.count ?? 1;
  return {
    allowed: count <= rule.limit,
    count,
    retryAfterSeconds: Math.max(1, row?.remaining ?? rule.windowSeconds),
  };
}

export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimitCounters).where(eq(rateLimitCounters.key, key));
}

/** Drops counters whose window has passed; run from a periodic job. */
export async function purgeExpiredRateLimits(db: Db): Promise<void> {
  await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowEndsAt, sql`now()`));
}
