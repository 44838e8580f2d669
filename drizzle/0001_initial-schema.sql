CREATE TYPE "public"."activity_kind" AS ENUM('door-to-door', 'class', 'event', 'online');--> statement-breakpoint
CREATE TYPE "public"."boundary_source" AS ENUM('approximate', 'official');--> statement-breakpoint
CREATE TYPE "public"."dataset_kind" AS ENUM('official', 'demo', 'uploaded');--> statement-breakpoint
CREATE TYPE "public"."hamlet_kind" AS ENUM('thôn', 'xóm', 'tổ dân phố', 'khu phố', 'bản');--> statement-breakpoint
CREATE TYPE "public"."outreach_topic" AS ENUM('vneid', 'public-services', 'payment', 'safety', 'e-health', 'ai');--> statement-breakpoint
CREATE TYPE "public"."unit_type" AS ENUM('phường', 'xã');--> statement-breakpoint
CREATE TABLE "communes" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"unit_type" "unit_type" NOT NULL,
	"population" integer NOT NULL,
	"area_km2" double precision NOT NULL,
	"seat" geometry(Point,4326) NOT NULL,
	"geom" geometry(MultiPolygon,4326) NOT NULL,
	"dataset_id" text NOT NULL,
	CONSTRAINT "communes_code_format" CHECK ("communes"."code" ~ '^[0-9]{5}$'),
	CONSTRAINT "communes_population_positive" CHECK ("communes"."population" >= 0)
);
--> statement-breakpoint
CREATE TABLE "datasets" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" "dataset_kind" NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hamlets" (
	"id" integer PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" "hamlet_kind" NOT NULL,
	"households" integer NOT NULL,
	"adults" integer NOT NULL,
	"elderly" integer NOT NULL,
	"minority_share" double precision NOT NULL,
	"is_rural" boolean NOT NULL,
	"boundary_source" "boundary_source" NOT NULL,
	"geom" geometry(MultiPolygon,4326) NOT NULL,
	"dataset_id" text NOT NULL,
	CONSTRAINT "hamlets_counts_non_negative" CHECK ("hamlets"."households" >= 0 AND "hamlets"."adults" >= 0 AND "hamlets"."elderly" >= 0),
	CONSTRAINT "hamlets_minority_share_range" CHECK ("hamlets"."minority_share" BETWEEN 0 AND 1)
);
--> statement-breakpoint
CREATE TABLE "outreach_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hamlet_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"occurred_on" date NOT NULL,
	"location" geometry(Point,4326) NOT NULL,
	"households_new" integer NOT NULL,
	"households_revisited" integer NOT NULL,
	"people_guided" integer NOT NULL,
	"topics" "outreach_topic"[] NOT NULL,
	"idempotency_key" text NOT NULL,
	"dataset_id" text NOT NULL,
	CONSTRAINT "outreach_activities_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "outreach_activities_counts_non_negative" CHECK ("outreach_activities"."households_new" >= 0 AND "outreach_activities"."households_revisited" >= 0 AND "outreach_activities"."people_guided" >= 0)
);
--> statement-breakpoint
CREATE TABLE "skill_surveys" (
	"hamlet_id" integer NOT NULL,
	"month" date NOT NULL,
	"adults_assessed" integer NOT NULL,
	"with_basic_skills" integer NOT NULL,
	"with_smartphone" integer NOT NULL,
	"with_epayment" integer NOT NULL,
	"with_vneid_level2" integer NOT NULL,
	"dataset_id" text NOT NULL,
	CONSTRAINT "skill_surveys_hamlet_id_month_pk" PRIMARY KEY("hamlet_id","month"),
	CONSTRAINT "skill_surveys_month_is_first_day" CHECK (extract(day from "skill_surveys"."month") = 1),
	CONSTRAINT "skill_surveys_counts_within_assessed" CHECK ("skill_surveys"."adults_assessed" >= 0
				AND "skill_surveys"."with_basic_skills" BETWEEN 0 AND "skill_surveys"."adults_assessed"
				AND "skill_surveys"."with_smartphone" BETWEEN 0 AND "skill_surveys"."adults_assessed"
				AND "skill_surveys"."with_epayment" BETWEEN 0 AND "skill_surveys"."adults_assessed"
				AND "skill_surveys"."with_vneid_level2" BETWEEN 0 AND "skill_surveys"."adults_assessed")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" serial PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"name" text NOT NULL,
	"members" integer NOT NULL,
	"members_trained" integer NOT NULL,
	"dataset_id" text NOT NULL,
	CONSTRAINT "teams_trained_within_members" CHECK ("teams"."members_trained" BETWEEN 0 AND "teams"."members")
);
--> statement-breakpoint
ALTER TABLE "communes" ADD CONSTRAINT "communes_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hamlets" ADD CONSTRAINT "hamlets_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hamlets" ADD CONSTRAINT "hamlets_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_activities" ADD CONSTRAINT "outreach_activities_hamlet_id_hamlets_id_fk" FOREIGN KEY ("hamlet_id") REFERENCES "public"."hamlets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_activities" ADD CONSTRAINT "outreach_activities_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_activities" ADD CONSTRAINT "outreach_activities_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_surveys" ADD CONSTRAINT "skill_surveys_hamlet_id_hamlets_id_fk" FOREIGN KEY ("hamlet_id") REFERENCES "public"."hamlets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_surveys" ADD CONSTRAINT "skill_surveys_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "communes_geom_idx" ON "communes" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "hamlets_geom_idx" ON "hamlets" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "hamlets_commune_idx" ON "hamlets" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "outreach_activities_location_idx" ON "outreach_activities" USING gist ("location");--> statement-breakpoint
CREATE INDEX "outreach_activities_hamlet_date_idx" ON "outreach_activities" USING btree ("hamlet_id","occurred_on");--> statement-breakpoint
CREATE INDEX "teams_commune_idx" ON "teams" USING btree ("commune_code");