CREATE TABLE "proposal_co_units" (
	"inquiry_id" integer NOT NULL,
	"position" integer NOT NULL,
	"unit" text NOT NULL,
	CONSTRAINT "proposal_co_units_inquiry_id_position_pk" PRIMARY KEY("inquiry_id","position")
);
--> statement-breakpoint
ALTER TABLE "proposal_co_units" ADD CONSTRAINT "proposal_co_units_inquiry_id_proposals_inquiry_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."proposals"("inquiry_id") ON DELETE cascade ON UPDATE no action;