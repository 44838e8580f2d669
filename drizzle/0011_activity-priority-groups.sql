ALTER TABLE "outreach_activities" ADD COLUMN "people_aged_60_plus" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outreach_activities" ADD COLUMN "people_from_minorities" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outreach_activities" ADD COLUMN "note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "outreach_activities" ADD CONSTRAINT "outreach_activities_aged_60_plus_within_guided" CHECK ("outreach_activities"."people_aged_60_plus" BETWEEN 0 AND "outreach_activities"."people_guided");--> statement-breakpoint
ALTER TABLE "outreach_activities" ADD CONSTRAINT "outreach_activities_minorities_within_guided" CHECK ("outreach_activities"."people_from_minorities" BETWEEN 0 AND "outreach_activities"."people_guided");