CREATE TABLE "disclosure_answers" (
	"id" serial PRIMARY KEY NOT NULL,
	"inquiry_id" integer NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"agency" text NOT NULL,
	"doc_number" text DEFAULT '' NOT NULL,
	"document" text NOT NULL,
	"docx_base64" text,
	"author_id" integer,
	"created_at" bigint NOT NULL,
	"reviewed_by" integer,
	"reviewed_at" bigint,
	"review_comment" text,
	"delivery_method" text,
	"delivered_at" bigint,
	"tracking_number" text,
	"delivery_recorded_by" integer
);
--> statement-breakpoint
ALTER TABLE "disclosure_answers" ADD CONSTRAINT "disclosure_answers_inquiry_id_disclosure_requests_inquiry_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."disclosure_requests"("inquiry_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_answers" ADD CONSTRAINT "disclosure_answers_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_answers" ADD CONSTRAINT "disclosure_answers_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_answers" ADD CONSTRAINT "disclosure_answers_delivery_recorded_by_users_id_fk" FOREIGN KEY ("delivery_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_answers_inquiry_number_uq" ON "disclosure_answers" USING btree ("inquiry_id","number");