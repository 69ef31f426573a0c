import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./identity.js";

export const ROLES = ["owner", "admin", "user"] as const;
export type Role = (typeof ROLES)[number];

export const practices = pgTable("practices", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  timeZone: text("time_zone").notNull().default("America/New_York"),
  /** Members who sign in with a password must have app two-factor turned on. */
  requireTwoFactor: boolean("require_two_factor").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Who belongs to a practice, and as what. Exactly one owner: a partial unique index. */
export const practiceMembers = pgTable(
  "practice_members",
  {
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<Role>().notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.userId] }),
    uniqueIndex("practice_members_one_owner").on(t.practiceId).where(sql`${t.role} = 'owner'`),
    index("practice_members_user_idx").on(t.userId),
  ],
);

/** An invitation by email; the token is single-use, stored as its SHA-256 hash. */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role").$type<Exclude<Role, "owner">>().notNull(),
    tokenHash: text("token_hash").notNull(),
    /** Names who sent it; the invitation outlives the inviter's account. */
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("invitations_token_key").on(t.tokenHash),
    index("invitations_practice_idx").on(t.practiceId),
  ],
);

/** Member changes and other practice-level events, readable by the practice's Owner and Admins. */
export const practiceEvents = pgTable(
  "practice_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    /** Who did it; kept as null once their account is gone. */
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Whom it was done to, when a person; null once their account is gone. */
    subjectUserId: uuid("subject_user_id").references(() => users.id, { onDelete: "set null" }),
    type: text("type").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>(),
    ip: text("ip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("practice_events_practice_idx").on(t.practiceId, t.createdAt)],
);

export const SSO_PROVIDERS = ["google", "microsoft"] as const;
export type SsoProvider = (typeof SSO_PROVIDERS)[number];

/**
 * A Google or Microsoft identity connected to an account, keyed on the issuer and subject (for
 * Microsoft Entra the issuer names the tenant and the subject is the object id): never on email.
 */
export const userIdentities = pgTable(
  "user_identities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    provider: text("provider").$type<SsoProvider>().notNull(),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    /** Shown in settings only; never used to decide who someone is. */
    email: text("email"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("user_identities_issuer_subject_key").on(t.issuer, t.subject),
    index("user_identities_user_idx").on(t.userId),
  ],
);
