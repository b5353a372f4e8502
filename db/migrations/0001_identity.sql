CREATE TABLE "login_throttles" (
	"account_key" text PRIMARY KEY NOT NULL,
	"failure_count" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "secret_hash" "bytea" NOT NULL;