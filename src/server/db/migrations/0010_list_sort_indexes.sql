DROP INDEX "partnerships_prefecture_idx";--> statement-breakpoint
CREATE INDEX "partnerships_province_sort_idx" ON "partnerships" USING btree ("province_code","sort_key","id");--> statement-breakpoint
CREATE INDEX "partnerships_prefecture_sort_idx" ON "partnerships" USING btree ("prefecture_code","sort_key","id");