CREATE TABLE "data_revision" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL,
	"tag" uuid DEFAULT gen_random_uuid() NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_revision_singleton" CHECK ("data_revision"."singleton")
);
--> statement-breakpoint
CREATE TABLE "plan_hamlets" (
	"plan_id" integer NOT NULL,
	"hamlet_id" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "plan_hamlets_plan_id_hamlet_id_pk" PRIMARY KEY("plan_id","hamlet_id")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"team_id" integer,
	"expected_households" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_dates_ordered" CHECK ("plans"."ends_on" >= "plans"."starts_on"),
	CONSTRAINT "plans_expected_households_non_negative" CHECK ("plans"."expected_households" >= 0),
	CONSTRAINT "plans_name_not_blank" CHECK (btrim("plans"."name") <> '')
);
--> statement-breakpoint
ALTER TABLE "plan_hamlets" ADD CONSTRAINT "plan_hamlets_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_hamlets" ADD CONSTRAINT "plan_hamlets_hamlet_id_hamlets_id_fk" FOREIGN KEY ("hamlet_id") REFERENCES "public"."hamlets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plans_commune_idx" ON "plans" USING btree ("commune_code");