CREATE TABLE "analysis_cube" (
	"observed_on" date NOT NULL,
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
	CONSTRAINT "analysis_cube_key" UNIQUE NULLS NOT DISTINCT("observed_on","phenomenon","partner_id","source_grade","gender","age_band","citizenship","origin","transit","destination","area","exploitation","sector")
);
--> statement-breakpoint
CREATE TABLE "analysis_profile_cube" (
	"observed_on" date NOT NULL,
	"phenomenon" text NOT NULL,
	"gender" text,
	"age_band" text,
	"citizenship" char(2),
	"area" text,
	"exploitation" text[] NOT NULL,
	"sector" text,
	"persons" bigint NOT NULL,
	"records" bigint NOT NULL,
	CONSTRAINT "analysis_profile_cube_key" UNIQUE NULLS NOT DISTINCT("observed_on","phenomenon","gender","age_band","citizenship","area","exploitation","sector")
);
--> statement-breakpoint
CREATE TABLE "analysis_route_cube" (
	"observed_on" date NOT NULL,
	"phenomenon" text NOT NULL,
	"citizenship" char(2),
	"origin" char(2),
	"transit" text[] NOT NULL,
	"destination" char(2),
	"persons" bigint NOT NULL,
	"records" bigint NOT NULL,
	CONSTRAINT "analysis_route_cube_key" UNIQUE NULLS NOT DISTINCT("observed_on","phenomenon","citizenship","origin","transit","destination")
);
--> statement-breakpoint
CREATE INDEX "analysis_cube_observed_on_idx" ON "analysis_cube" USING btree ("observed_on");--> statement-breakpoint
CREATE INDEX "analysis_profile_cube_observed_on_idx" ON "analysis_profile_cube" USING btree ("observed_on");--> statement-breakpoint
CREATE INDEX "analysis_route_cube_observed_on_idx" ON "analysis_route_cube" USING btree ("observed_on");