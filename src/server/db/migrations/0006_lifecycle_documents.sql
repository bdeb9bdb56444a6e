CREATE TABLE "document_chunks" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"partnership_id" integer NOT NULL,
	"category" text NOT NULL,
	"title" text,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnership_approvals" (
	"id" serial PRIMARY KEY NOT NULL,
	"partnership_id" integer NOT NULL,
	"event_id" integer NOT NULL,
	"level" text NOT NULL,
	"approver" text NOT NULL,
	"approved_on" date NOT NULL,
	"reference" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnership_stage_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"partnership_id" integer NOT NULL,
	"move" text NOT NULL,
	"from_stage" text NOT NULL,
	"from_status" text NOT NULL,
	"from_kind" text NOT NULL,
	"to_stage" text NOT NULL,
	"to_status" text NOT NULL,
	"to_kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"approval_level" text,
	"approver" text,
	"reference" text,
	"reason" text,
	"place" text,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"source_url" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "partnerships_province_kind_idx";--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "stage" text DEFAULT 'established' NOT NULL;--> statement-breakpoint
ALTER TABLE "document_chunks" ADD CONSTRAINT "document_chunks_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_approvals" ADD CONSTRAINT "partnership_approvals_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_approvals" ADD CONSTRAINT "partnership_approvals_event_id_partnership_stage_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."partnership_stage_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_stage_events" ADD CONSTRAINT "partnership_stage_events_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_chunks_document_seq_idx" ON "document_chunks" USING btree ("document_id","seq");--> statement-breakpoint
CREATE INDEX "documents_partnership_idx" ON "documents" USING btree ("partnership_id","id");--> statement-breakpoint
CREATE INDEX "partnership_approvals_partnership_idx" ON "partnership_approvals" USING btree ("partnership_id","id");--> statement-breakpoint
CREATE INDEX "partnership_stage_events_partnership_idx" ON "partnership_stage_events" USING btree ("partnership_id","id");--> statement-breakpoint
CREATE INDEX "partnerships_province_kind_idx" ON "partnerships" USING btree ("province_code","kind","stage","established_on","ended_on");