CREATE TABLE "contact_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"contact_id" integer NOT NULL,
	"partnership_id" integer,
	"activity_id" integer,
	CONSTRAINT "contact_links_one_target" CHECK (("contact_links"."partnership_id" is null) <> ("contact_links"."activity_id" is null))
);
--> statement-breakpoint
CREATE TABLE "contact_roles" (
	"id" serial PRIMARY KEY NOT NULL,
	"contact_id" integer NOT NULL,
	"organisation" text NOT NULL,
	"post" text NOT NULL,
	"from_on" date NOT NULL,
	"from_precision" text NOT NULL,
	"to_on" date,
	"to_precision" text,
	"to_end" date,
	"search" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_touches" (
	"id" serial PRIMARY KEY NOT NULL,
	"contact_id" integer NOT NULL,
	"touched_on" date NOT NULL,
	"channel" text NOT NULL,
	"note" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"cn_code" text NOT NULL,
	"province_code" text NOT NULL,
	"prefecture_code" text,
	"category" text NOT NULL,
	"name_zh" text,
	"name_en" text,
	"name_original" text,
	"country_iso2" text,
	"city" text,
	"organisation" text,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"email" text,
	"phone" text,
	"notes" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"search" text NOT NULL,
	"sort_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_links" ADD CONSTRAINT "contact_links_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_links" ADD CONSTRAINT "contact_links_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_links" ADD CONSTRAINT "contact_links_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_roles" ADD CONSTRAINT "contact_roles_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_touches" ADD CONSTRAINT "contact_touches_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_cn_code_cn_divisions_code_fk" FOREIGN KEY ("cn_code") REFERENCES "public"."cn_divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_country_iso2_countries_iso2_fk" FOREIGN KEY ("country_iso2") REFERENCES "public"."countries"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contact_links_partnership_idx" ON "contact_links" USING btree ("contact_id","partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_links_activity_idx" ON "contact_links" USING btree ("contact_id","activity_id");--> statement-breakpoint
CREATE INDEX "contact_links_by_partnership_idx" ON "contact_links" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "contact_links_by_activity_idx" ON "contact_links" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "contact_roles_contact_idx" ON "contact_roles" USING btree ("contact_id","from_on");--> statement-breakpoint
CREATE INDEX "contact_roles_from_idx" ON "contact_roles" USING btree ("from_on");--> statement-breakpoint
CREATE INDEX "contact_touches_contact_idx" ON "contact_touches" USING btree ("contact_id","touched_on");--> statement-breakpoint
CREATE INDEX "contacts_province_idx" ON "contacts" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "contacts_prefecture_idx" ON "contacts" USING btree ("prefecture_code");--> statement-breakpoint
CREATE INDEX "contacts_cn_code_idx" ON "contacts" USING btree ("cn_code");--> statement-breakpoint
CREATE INDEX "contacts_sort_idx" ON "contacts" USING btree ("sort_key","id");