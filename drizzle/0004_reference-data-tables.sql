CREATE TYPE "public"."minority_area_level" AS ENUM('commune', 'hamlet');--> statement-breakpoint
CREATE TABLE "city_outlines" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"geom" geometry(MultiPolygon,4326) NOT NULL,
	"dataset_id" text NOT NULL,
	CONSTRAINT "city_outlines_code_format" CHECK ("city_outlines"."code" ~ '^[0-9]{2}$')
);
--> statement-breakpoint
CREATE TABLE "minority_areas" (
	"id" serial PRIMARY KEY NOT NULL,
	"level" "minority_area_level" NOT NULL,
	"commune_code" text NOT NULL,
	"hamlet_name" text,
	"dataset_id" text NOT NULL,
	CONSTRAINT "minority_areas_once" UNIQUE NULLS NOT DISTINCT("level","commune_code","hamlet_name"),
	CONSTRAINT "minority_areas_hamlet_name_by_level" CHECK (("minority_areas"."level" = 'hamlet') = ("minority_areas"."hamlet_name" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "city_outlines" ADD CONSTRAINT "city_outlines_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minority_areas" ADD CONSTRAINT "minority_areas_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minority_areas" ADD CONSTRAINT "minority_areas_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE no action ON UPDATE no action;