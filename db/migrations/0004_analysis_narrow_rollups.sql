CREATE TABLE "analysis_linked_cube" (
	"observed_on" date NOT NULL,
	"linkage_key" char(64) NOT NULL,
	"phenomenon" text NOT NULL,
	"partner_id" uuid NOT NULL,
	"source_grade" char(1),
	"gender" text,
	"age_band" text,
	"citizenship" char(2),
	"origin" char(2),
	"transit" text[] NOT NULL,
	"destination" char(2),
	"area" text,
	"exploitation" text[] NOT NULL,
	"sector" text,
	"persons" bigint NOT NULL,
	"records" bigint NOT NULL,
	CONSTRAINT "analysis_linked_cube_key" UNIQUE NULLS NOT DISTINCT("observed_on","linkage_key","phenomenon","partner_id","source_grade","gender","age_band","citizenship","origin","transit","destination","area","exploitation","sector")
);
--> statement-breakpoint
CREATE TABLE "analysis_month_versions" (
	"observed_on" date PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_person_cube" (
	"observed_on" date NOT NULL,
	"phenomenon" text NOT NULL,
	"gender" text,
	"age_band" text,
	"citizenship" char(2),
	"exploitation" text[] NOT NULL,
	"persons" bigint NOT NULL,
	"records" bigint NOT NULL,
	CONSTRAINT "analysis_person_cube_key" UNIQUE NULLS NOT DISTINCT("observed_on","phenomenon","gender","age_band","citizenship","exploitation")
);
--> statement-breakpoint
CREATE TABLE "analysis_sector_cube" (
	"observed_on" date NOT NULL,
	"phenomenon" text NOT NULL,
	"citizenship" char(2),
	"area" text,
	"exploitation" text[] NOT NULL,
	"sector" text,
	"persons" bigint NOT NULL,
	"records" bigint NOT NULL,
	CONSTRAINT "analysis_sector_cube_key" UNIQUE NULLS NOT DISTINCT("observed_on","phenomenon","citizenship","area","exploitation","sector")
);
--> statement-breakpoint
CREATE INDEX "analysis_linked_cube_linkage_key_idx" ON "analysis_linked_cube" USING btree ("linkage_key");--> statement-breakpoint
CREATE INDEX "analysis_person_cube_observed_on_idx" ON "analysis_person_cube" USING btree ("observed_on");--> statement-breakpoint
CREATE INDEX "analysis_sector_cube_observed_on_idx" ON "analysis_sector_cube" USING btree ("observed_on");