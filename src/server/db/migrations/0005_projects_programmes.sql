CREATE TABLE "measure_activities" (
	"measure_id" integer NOT NULL,
	"activity_id" integer NOT NULL,
	CONSTRAINT "measure_activities_measure_id_activity_id_pk" PRIMARY KEY("measure_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "measure_projects" (
	"measure_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	CONSTRAINT "measure_projects_measure_id_project_id_pk" PRIMARY KEY("measure_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "programme_areas" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_zh" text,
	"name_en" text,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_measures" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	"code" text NOT NULL,
	"text_zh" text,
	"text_en" text,
	"owner" text,
	"status" text DEFAULT 'not_started' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"notes" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_zh" text,
	"name_en" text,
	"cn_code" text NOT NULL,
	"province_code" text NOT NULL,
	"prefecture_code" text,
	"period_from" date,
	"period_from_precision" text,
	"period_to" date,
	"period_to_precision" text,
	"description" text,
	"sources" text[] DEFAULT '{}' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_countries" (
	"project_id" integer NOT NULL,
	"country_iso2" text NOT NULL,
	CONSTRAINT "project_countries_project_id_country_iso2_pk" PRIMARY KEY("project_id","country_iso2")
);
--> statement-breakpoint
CREATE TABLE "project_outcomes" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"metric_zh" text,
	"metric_en" text,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"as_of" date NOT NULL,
	"as_of_precision" text NOT NULL,
	"evidence" text,
	"evidence_url" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_partnerships" (
	"project_id" integer NOT NULL,
	"partnership_id" integer NOT NULL,
	CONSTRAINT "project_partnerships_project_id_partnership_id_pk" PRIMARY KEY("project_id","partnership_id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"name_zh" text,
	"name_en" text,
	"field" text NOT NULL,
	"description" text,
	"start_on" date,
	"start_precision" text,
	"end_on" date,
	"end_precision" text,
	"status" text NOT NULL,
	"cn_code" text NOT NULL,
	"province_code" text NOT NULL,
	"prefecture_code" text,
	"sdgs" integer[] DEFAULT '{}' NOT NULL,
	"sources" text[] DEFAULT '{}' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"search" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "measure_activities" ADD CONSTRAINT "measure_activities_measure_id_programme_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."programme_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_activities" ADD CONSTRAINT "measure_activities_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_projects" ADD CONSTRAINT "measure_projects_measure_id_programme_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."programme_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_projects" ADD CONSTRAINT "measure_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_areas" ADD CONSTRAINT "programme_areas_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_measures" ADD CONSTRAINT "programme_measures_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_measures" ADD CONSTRAINT "programme_measures_area_id_programme_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."programme_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_cn_code_cn_divisions_code_fk" FOREIGN KEY ("cn_code") REFERENCES "public"."cn_divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_countries" ADD CONSTRAINT "project_countries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_countries" ADD CONSTRAINT "project_countries_country_iso2_countries_iso2_fk" FOREIGN KEY ("country_iso2") REFERENCES "public"."countries"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_outcomes" ADD CONSTRAINT "project_outcomes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partnerships" ADD CONSTRAINT "project_partnerships_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partnerships" ADD CONSTRAINT "project_partnerships_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_cn_code_cn_divisions_code_fk" FOREIGN KEY ("cn_code") REFERENCES "public"."cn_divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measure_activities_activity_idx" ON "measure_activities" USING btree ("activity_id","measure_id");--> statement-breakpoint
CREATE INDEX "measure_projects_project_idx" ON "measure_projects" USING btree ("project_id","measure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_areas_code_idx" ON "programme_areas" USING btree ("programme_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_measures_code_idx" ON "programme_measures" USING btree ("programme_id","code");--> statement-breakpoint
CREATE INDEX "programme_measures_area_idx" ON "programme_measures" USING btree ("area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_code_idx" ON "programmes" USING btree ("code");--> statement-breakpoint
CREATE INDEX "programmes_province_idx" ON "programmes" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "programmes_prefecture_idx" ON "programmes" USING btree ("prefecture_code");--> statement-breakpoint
CREATE INDEX "project_countries_country_idx" ON "project_countries" USING btree ("country_iso2","project_id");--> statement-breakpoint
CREATE INDEX "project_outcomes_project_idx" ON "project_outcomes" USING btree ("project_id","as_of");--> statement-breakpoint
CREATE INDEX "project_partnerships_partnership_idx" ON "project_partnerships" USING btree ("partnership_id","project_id");--> statement-breakpoint
CREATE INDEX "projects_province_idx" ON "projects" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "projects_prefecture_idx" ON "projects" USING btree ("prefecture_code");--> statement-breakpoint
CREATE INDEX "projects_cn_code_idx" ON "projects" USING btree ("cn_code");--> statement-breakpoint
CREATE INDEX "projects_field_idx" ON "projects" USING btree ("field");