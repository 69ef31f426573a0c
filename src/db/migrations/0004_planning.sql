CREATE TABLE "estimated_tax_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"date" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"jurisdiction" text DEFAULT 'federal' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "estimated_tax_payments_amount_check" CHECK ("estimated_tax_payments"."amount_cents" > 0 and "estimated_tax_payments"."amount_cents" <= 100000000000),
	CONSTRAINT "estimated_tax_payments_jurisdiction_check" CHECK ("estimated_tax_payments"."jurisdiction" in ('federal', 'state'))
);
--> statement-breakpoint
CREATE TABLE "mileage_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"date" date NOT NULL,
	"hundredths_of_miles" integer NOT NULL,
	"purpose" text NOT NULL,
	"from_place" text,
	"to_place" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mileage_entries_miles_check" CHECK ("mileage_entries"."hundredths_of_miles" > 0 and "mileage_entries"."hundredths_of_miles" <= 100000000)
);
--> statement-breakpoint
CREATE TABLE "reconciliations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"statement_date" date NOT NULL,
	"statement_balance_cents" bigint NOT NULL,
	"ledger_balance_cents" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reconciliations_balance_check" CHECK (abs("reconciliations"."statement_balance_cents") <= 100000000000)
);
--> statement-breakpoint
CREATE TABLE "tax_profiles" (
	"practice_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"filing_status" text NOT NULL,
	"w2_wages_cents" bigint DEFAULT 0 NOT NULL,
	"spouse_w2_wages_cents" bigint DEFAULT 0 NOT NULL,
	"other_income_cents" bigint DEFAULT 0 NOT NULL,
	"withholding_cents" bigint DEFAULT 0 NOT NULL,
	"se_health_insurance_cents" bigint DEFAULT 0 NOT NULL,
	"retirement_contributions_cents" bigint DEFAULT 0 NOT NULL,
	"home_office_method" text DEFAULT 'none' NOT NULL,
	"home_office_square_feet" integer,
	"home_office_expenses_cents" bigint,
	"state_rate_basis_points" integer DEFAULT 0 NOT NULL,
	"prior_year_tax_cents" bigint,
	"prior_year_agi_cents" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tax_profiles_practice_id_user_id_year_pk" PRIMARY KEY("practice_id","user_id","year"),
	CONSTRAINT "tax_profiles_year_check" CHECK ("tax_profiles"."year" between 1900 and 2200),
	CONSTRAINT "tax_profiles_filing_status_check" CHECK ("tax_profiles"."filing_status" in ('single', 'married_joint', 'married_separate', 'head_of_household', 'qualifying_surviving_spouse')),
	CONSTRAINT "tax_profiles_home_office_check" CHECK ("tax_profiles"."home_office_method" in ('none', 'simplified', 'actual')),
	CONSTRAINT "tax_profiles_state_rate_check" CHECK ("tax_profiles"."state_rate_basis_points" between 0 and 2000)
);
--> statement-breakpoint
CREATE TABLE "vehicle_methods" (
	"practice_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"method" text NOT NULL,
	"changed_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vehicle_methods_practice_id_year_pk" PRIMARY KEY("practice_id","year"),
	CONSTRAINT "vehicle_methods_method_check" CHECK ("vehicle_methods"."method" in ('standard_mileage', 'actual_expenses')),
	CONSTRAINT "vehicle_methods_year_check" CHECK ("vehicle_methods"."year" between 1900 and 2200)
);
--> statement-breakpoint
ALTER TABLE "estimated_tax_payments" ADD CONSTRAINT "estimated_tax_payments_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estimated_tax_payments" ADD CONSTRAINT "estimated_tax_payments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mileage_entries" ADD CONSTRAINT "mileage_entries_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mileage_entries" ADD CONSTRAINT "mileage_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD CONSTRAINT "reconciliations_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD CONSTRAINT "reconciliations_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD CONSTRAINT "reconciliations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_profiles" ADD CONSTRAINT "tax_profiles_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_profiles" ADD CONSTRAINT "tax_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_methods" ADD CONSTRAINT "vehicle_methods_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_methods" ADD CONSTRAINT "vehicle_methods_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "estimated_tax_payments_owner_idx" ON "estimated_tax_payments" USING btree ("practice_id","user_id","year");--> statement-breakpoint
CREATE INDEX "estimated_tax_payments_user_idx" ON "estimated_tax_payments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "mileage_entries_practice_date_idx" ON "mileage_entries" USING btree ("practice_id","date");--> statement-breakpoint
CREATE INDEX "reconciliations_account_idx" ON "reconciliations" USING btree ("account_id","statement_date");--> statement-breakpoint
CREATE INDEX "reconciliations_practice_idx" ON "reconciliations" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "tax_profiles_user_idx" ON "tax_profiles" USING btree ("user_id");