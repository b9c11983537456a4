ALTER TABLE "channel_settings" ADD COLUMN "reopen_on_message" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "round_started_at" bigint;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "first_due_at" bigint;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "urged_at" bigint;--> statement-breakpoint
CREATE INDEX "inquiries_urged_idx" ON "inquiries" USING btree ("urged_at") WHERE urged_at is not null;--> statement-breakpoint
CREATE INDEX "inquiries_reopened_idx" ON "inquiries" USING btree ("round") WHERE round > 1;;--> statement-breakpoint
-- The first reply is on time against the first round's due instant: a later round (a citizen's
-- message on an answered inquiry) moves due_at and keeps the first in first_due_at.
CREATE OR REPLACE FUNCTION inquiry_day_channel_stats_keep() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o inquiry_day_channel_stats;
  w inquiry_day_channel_stats;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    o := ROW((OLD.received_at + 28800000) / 86400000, OLD.channel_code, OLD.status,
      coalesce((OLD.replied_at + 28800000) / 86400000, -1),
      CASE WHEN OLD.replied_at <= coalesce(OLD.first_due_at, OLD.due_at) THEN 1 ELSE 0 END, coalesce(OLD.satisfaction, ''), 0);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    w := ROW((NEW.received_at + 28800000) / 86400000, NEW.channel_code, NEW.status,
      coalesce((NEW.replied_at + 28800000) / 86400000, -1),
      CASE WHEN NEW.replied_at <= coalesce(NEW.first_due_at, NEW.due_at) THEN 1 ELSE 0 END, coalesce(NEW.satisfaction, ''), 0);
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM inquiry_day_channel_stats_add(w, 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM inquiry_day_channel_stats_add(o, -1);
  ELSIF (o.day, o.channel_code, o.status, o.reply_day, o.on_time, o.satisfaction)
      < (w.day, w.channel_code, w.status, w.reply_day, w.on_time, w.satisfaction) THEN
    PERFORM inquiry_day_channel_stats_add(o, -1);
    PERFORM inquiry_day_channel_stats_add(w, 1);
  ELSE
    PERFORM inquiry_day_channel_stats_add(w, 1);
    PERFORM inquiry_day_channel_stats_add(o, -1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER inquiry_day_channel_stats_au ON inquiries;
--> statement-breakpoint
CREATE TRIGGER inquiry_day_channel_stats_au
  AFTER UPDATE OF received_at, channel_code, status, replied_at, due_at, first_due_at, satisfaction ON inquiries
  FOR EACH ROW WHEN (OLD.received_at IS DISTINCT FROM NEW.received_at
    OR OLD.channel_code IS DISTINCT FROM NEW.channel_code
    OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.replied_at IS DISTINCT FROM NEW.replied_at
    OR OLD.due_at IS DISTINCT FROM NEW.due_at
    OR OLD.first_due_at IS DISTINCT FROM NEW.first_due_at
    OR OLD.satisfaction IS DISTINCT FROM NEW.satisfaction)
  EXECUTE PROCEDURE inquiry_day_channel_stats_keep();
