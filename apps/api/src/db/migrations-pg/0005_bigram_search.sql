CREATE TABLE "pending_backfills" (
	"name" text PRIMARY KEY NOT NULL,
	"after_id" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "citizen_phone_hmac" text;--> statement-breakpoint
CREATE INDEX "inquiries_phone_hmac_idx" ON "inquiries" USING btree ("citizen_phone_hmac","received_at") WHERE citizen_phone_hmac is not null;--> statement-breakpoint
CREATE INDEX "inquiries_search_cover_idx" ON "inquiries" USING btree ("id","channel_code","status","received_at");