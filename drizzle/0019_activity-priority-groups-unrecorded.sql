ALTER TABLE "import_staged_activities" ALTER COLUMN "people_aged_60_plus" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "import_staged_activities" ALTER COLUMN "people_from_minorities" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outreach_activities" ALTER COLUMN "people_aged_60_plus" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "outreach_activities" ALTER COLUMN "people_aged_60_plus" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outreach_activities" ALTER COLUMN "people_from_minorities" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "outreach_activities" ALTER COLUMN "people_from_minorities" DROP NOT NULL;