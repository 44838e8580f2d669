CREATE TYPE "public"."team_member_role" AS ENUM('leader', 'deputy', 'member');--> statement-breakpoint
CREATE TABLE "team_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL,
	"name" text NOT NULL,
	"role" "team_member_role" NOT NULL,
	"trained" boolean DEFAULT false NOT NULL,
	"trained_on" date,
	"course" text DEFAULT '' NOT NULL,
	"digital_ambassador" boolean DEFAULT false NOT NULL,
	"user_id" text,
	CONSTRAINT "team_members_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "team_members_name_not_blank" CHECK (btrim("team_members"."name") <> ''),
	CONSTRAINT "team_members_trained_has_date" CHECK (NOT "team_members"."trained" OR "team_members"."trained_on" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "outreach_activities" ADD COLUMN "recorded_by" text;--> statement-breakpoint
ALTER TABLE "outreach_activities" ADD COLUMN "recorded_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_members_team_idx" ON "team_members" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "outreach_activities_team_date_idx" ON "outreach_activities" USING btree ("team_id","occurred_on");