CREATE TABLE "boundary_uploads" (
	"id" serial PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"user_id" text,
	"username" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"previous" jsonb NOT NULL,
	"created" integer[] NOT NULL,
	"retired" integer[] NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" text
);
--> statement-breakpoint
CREATE TABLE "import_staged_activities" (
	"stage_id" text NOT NULL,
	"seq" integer NOT NULL,
	"id" uuid NOT NULL,
	"hamlet_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"occurred_on" date NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"households_new" integer NOT NULL,
	"households_revisited" integer NOT NULL,
	"people_guided" integer NOT NULL,
	"people_aged_60_plus" integer NOT NULL,
	"people_from_minorities" integer NOT NULL,
	"topics" "outreach_topic"[] NOT NULL,
	"note" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"staged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_staged_activities_stage_id_seq_pk" PRIMARY KEY("stage_id","seq")
);
--> statement-breakpoint
ALTER TABLE "boundary_uploads" ADD CONSTRAINT "boundary_uploads_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "boundary_uploads_commune_idx" ON "boundary_uploads" USING btree ("commune_code","created_at");