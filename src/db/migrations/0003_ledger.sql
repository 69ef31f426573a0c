CREATE TABLE "categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"name" text NOT NULL,
	"schedule_c_line" text NOT NULL,
	"preset_key" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "categories_line_check" CHECK ("categories"."schedule_c_line" in ('8', '9', '10', '11', '12', '13', '14', '15', '16a', '16b', '17', '18', '19', '20a', '20b', '21', '22', '23', '24a', '24b', '25', '26', '27a'))
);
--> statement-breakpoint
CREATE TABLE "closed_periods" (
	"practice_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" uuid,
	CONSTRAINT "closed_periods_practice_id_year_pk" PRIMARY KEY("practice_id","year"),
	CONSTRAINT "closed_periods_year_check" CHECK ("closed_periods"."year" between 1900 and 2200)
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"last4" text,
	"opening_balance_cents" bigint DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_accounts_kind_check" CHECK ("ledger_accounts"."kind" in ('checking', 'savings', 'credit_card', 'cash')),
	CONSTRAINT "ledger_accounts_last4_check" CHECK ("ledger_accounts"."last4" is null or "ledger_accounts"."last4" ~ '^[0-9]{4}$'),
	CONSTRAINT "ledger_accounts_opening_balance_check" CHECK (abs("ledger_accounts"."opening_balance_cents") <= 100000000000)
);
--> statement-breakpoint
CREATE TABLE "payer_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payer_id" uuid NOT NULL,
	"practice_id" uuid NOT NULL,
	"service_code" text NOT NULL,
	"rate_cents" bigint NOT NULL,
	CONSTRAINT "payer_rates_rate_check" CHECK ("payer_rates"."rate_cents" >= 0 and "payer_rates"."rate_cents" <= 100000000000)
);
--> statement-breakpoint
CREATE TABLE "payers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payers_kind_check" CHECK ("payers"."kind" in ('insurance', 'private_pay', 'eap', 'other'))
);
--> statement-breakpoint
CREATE TABLE "transaction_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"transaction_id" uuid,
	"transaction_ref" uuid NOT NULL,
	"action" text NOT NULL,
	"origin" text DEFAULT 'user' NOT NULL,
	"changed_by" uuid,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transaction_audit_action_check" CHECK ("transaction_audit"."action" in ('create', 'update', 'delete')),
	CONSTRAINT "transaction_audit_origin_check" CHECK ("transaction_audit"."origin" in ('user', 'rule', 'bank'))
);
--> statement-breakpoint
CREATE TABLE "transaction_splits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"transaction_id" uuid NOT NULL,
	"practice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"payer_id" uuid,
	"category_id" uuid,
	"memo" text,
	CONSTRAINT "transaction_splits_amount_check" CHECK ("transaction_splits"."amount_cents" <> 0 and abs("transaction_splits"."amount_cents") <= 100000000000),
	CONSTRAINT "transaction_splits_one_target_check" CHECK ("transaction_splits"."payer_id" is null or "transaction_splits"."category_id" is null)
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"date" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"memo" text,
	"classification" text DEFAULT 'unreviewed' NOT NULL,
	"payer_id" uuid,
	"category_id" uuid,
	"method" text,
	"sessions_count" integer,
	"processor_fee_cents" bigint,
	"vendor" text,
	"locked_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transactions_amount_check" CHECK (abs("transactions"."amount_cents") <= 100000000000),
	CONSTRAINT "transactions_classification_check" CHECK ("transactions"."classification" in ('income', 'expense', 'transfer', 'owner_draw', 'owner_contribution',
        'estimated_tax', 'personal', 'unreviewed')),
	CONSTRAINT "transactions_source_check" CHECK ("transactions"."source" in ('manual', 'import', 'bank')),
	CONSTRAINT "transactions_method_check" CHECK ("transactions"."method" is null or "transactions"."method" in ('insurance_payment', 'card', 'cash', 'check', 'ach', 'p2p', 'other')),
	CONSTRAINT "transactions_income_fields_check" CHECK ("transactions"."classification" = 'income' or ("transactions"."payer_id" is null and "transactions"."method" is null
        and "transactions"."sessions_count" is null and "transactions"."processor_fee_cents" is null)),
	CONSTRAINT "transactions_expense_fields_check" CHECK ("transactions"."classification" = 'expense' or "transactions"."category_id" is null),
	CONSTRAINT "transactions_fee_check" CHECK ("transactions"."processor_fee_cents" is null or ("transactions"."processor_fee_cents" >= 0 and "transactions"."processor_fee_cents" <= 100000000000)),
	CONSTRAINT "transactions_sessions_check" CHECK ("transactions"."sessions_count" is null or "transactions"."sessions_count" between 0 and 10000)
);
--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closed_periods" ADD CONSTRAINT "closed_periods_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closed_periods" ADD CONSTRAINT "closed_periods_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payer_rates" ADD CONSTRAINT "payer_rates_payer_id_payers_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."payers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payer_rates" ADD CONSTRAINT "payer_rates_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payers" ADD CONSTRAINT "payers_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_audit" ADD CONSTRAINT "transaction_audit_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_audit" ADD CONSTRAINT "transaction_audit_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_audit" ADD CONSTRAINT "transaction_audit_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_splits" ADD CONSTRAINT "transaction_splits_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_splits" ADD CONSTRAINT "transaction_splits_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_splits" ADD CONSTRAINT "transaction_splits_payer_id_payers_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."payers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_splits" ADD CONSTRAINT "transaction_splits_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_payer_id_payers_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."payers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "categories_practice_name_key" ON "categories" USING btree ("practice_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "categories_practice_preset_key" ON "categories" USING btree ("practice_id","preset_key");--> statement-breakpoint
CREATE INDEX "ledger_accounts_practice_idx" ON "ledger_accounts" USING btree ("practice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payer_rates_payer_code_key" ON "payer_rates" USING btree ("payer_id","service_code");--> statement-breakpoint
CREATE INDEX "payer_rates_practice_idx" ON "payer_rates" USING btree ("practice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payers_practice_name_key" ON "payers" USING btree ("practice_id",lower("name"));--> statement-breakpoint
CREATE INDEX "transaction_audit_practice_idx" ON "transaction_audit" USING btree ("practice_id","id");--> statement-breakpoint
CREATE INDEX "transaction_audit_ref_idx" ON "transaction_audit" USING btree ("transaction_ref","id");--> statement-breakpoint
CREATE INDEX "transaction_audit_transaction_idx" ON "transaction_audit" USING btree ("transaction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transaction_splits_position_key" ON "transaction_splits" USING btree ("transaction_id","position");--> statement-breakpoint
CREATE INDEX "transaction_splits_practice_idx" ON "transaction_splits" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "transaction_splits_payer_idx" ON "transaction_splits" USING btree ("payer_id");--> statement-breakpoint
CREATE INDEX "transaction_splits_category_idx" ON "transaction_splits" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "transactions_practice_date_idx" ON "transactions" USING btree ("practice_id","date","id");--> statement-breakpoint
CREATE INDEX "transactions_practice_class_date_idx" ON "transactions" USING btree ("practice_id","classification","date");--> statement-breakpoint
CREATE INDEX "transactions_account_date_idx" ON "transactions" USING btree ("account_id","date");--> statement-breakpoint
CREATE INDEX "transactions_payer_idx" ON "transactions" USING btree ("payer_id");--> statement-breakpoint
CREATE INDEX "transactions_category_idx" ON "transactions" USING btree ("category_id");