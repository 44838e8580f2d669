CREATE TABLE "import_job_parts" (
	"job_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "import_job_parts_job_id_seq_pk" PRIMARY KEY("job_id","seq")
);
--> statement-breakpoint
ALTER TABLE "import_job_parts" ADD CONSTRAINT "import_job_parts_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Uploads of the last day keep their file (as one part) for their commit and downloads.
INSERT INTO "import_job_parts" ("job_id", "seq", "bytes") SELECT "id", 0, "content" FROM "import_jobs";--> statement-breakpoint
ALTER TABLE "import_jobs" DROP COLUMN "content";