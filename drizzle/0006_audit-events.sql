CREATE TYPE "public"."actor_kind" AS ENUM('user', 'system');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_kind" "actor_kind" NOT NULL,
	"user_id" text,
	"username" text,
	"role" text,
	"system_reason" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"commune_code" text,
	"changes" jsonb,
	"request_id" text,
	"client_address" text,
	CONSTRAINT "audit_events_actor" CHECK (("audit_events"."actor_kind" = 'user' AND "audit_events"."user_id" IS NOT NULL AND "audit_events"."username" IS NOT NULL AND "audit_events"."role" IS NOT NULL AND "audit_events"."system_reason" IS NULL) OR ("audit_events"."actor_kind" = 'system' AND "audit_events"."user_id" IS NULL AND "audit_events"."username" IS NULL AND "audit_events"."role" IS NULL AND "audit_events"."system_reason" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX "audit_events_occurred_idx" ON "audit_events" USING btree ("occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_commune_idx" ON "audit_events" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "audit_events_user_idx" ON "audit_events" USING btree ("username");