-- The dashboard's per-channel day summary with its counts as columns (schema.pg.ts
-- inquiryDayChannelCounts): one row per day of receipt, channel and day of first reply instead of
-- one per status, on-time flag and satisfaction as well, which at 10,000,000 inquiries made a
-- year's dashboard read and group several hundred thousand rows. Pending is status new or
-- assigned, rated a satisfaction other than none, satisfied 满意 or 基本满意 (domain
-- PENDING_STATUSES, POSITIVE_SATISFACTIONS); on time as before: the first reply by the first
-- round's due instant. Kept as the other summaries are (0015_statement_triggers): one grouped
-- statement per INSERT or DELETE of inquiries, a row trigger on UPDATE, rows touched in key order.
CREATE TABLE "inquiry_day_channel_counts" (
	"day" integer NOT NULL,
	"channel_code" text NOT NULL,
	"reply_day" integer NOT NULL,
	"n" integer NOT NULL,
	"pending" integer NOT NULL,
	"on_time" integer NOT NULL,
	"rated" integer NOT NULL,
	"satisfied" integer NOT NULL,
	CONSTRAINT "inquiry_day_channel_counts_day_channel_code_reply_day_pk" PRIMARY KEY("day","channel_code","reply_day")
);
--> statement-breakpoint
DROP TRIGGER inquiry_day_channel_stats_ai ON inquiries;--> statement-breakpoint
DROP TRIGGER inquiry_day_channel_stats_ad ON inquiries;--> statement-breakpoint
DROP TRIGGER inquiry_day_channel_stats_au ON inquiries;--> statement-breakpoint
DROP FUNCTION inquiry_day_channel_stats_insert();--> statement-breakpoint
DROP FUNCTION inquiry_day_channel_stats_delete();--> statement-breakpoint
DROP FUNCTION inquiry_day_channel_stats_keep();--> statement-breakpoint
DROP FUNCTION inquiry_day_channel_stats_add(inquiry_day_channel_stats, integer);--> statement-breakpoint
-- the new rows from the old summary, which its triggers kept exact: no pass over the inquiries
INSERT INTO inquiry_day_channel_counts (day, channel_code, reply_day, n, pending, on_time, rated, satisfied)
  SELECT day, channel_code, reply_day, sum(n),
    coalesce(sum(n) FILTER (WHERE status IN ('new', 'assigned')), 0),
    coalesce(sum(n) FILTER (WHERE on_time = 1), 0),
    coalesce(sum(n) FILTER (WHERE satisfaction <> ''), 0),
    coalesce(sum(n) FILTER (WHERE satisfaction IN ('satisfied', 'basically_satisfied')), 0)
  FROM inquiry_day_channel_stats GROUP BY day, channel_code, reply_day;--> statement-breakpoint
DROP TABLE "inquiry_day_channel_stats" CASCADE;--> statement-breakpoint
-- Adds counts (negative: removes) to the row of (d, c, r): a removal updates the row an insert made.
-- (bigint: the day arithmetic on bigint instants is bigint; integers widen to it)
CREATE FUNCTION inquiry_day_channel_counts_add(d bigint, c text, r bigint, dn bigint, p bigint,
    o bigint, ra bigint, s bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF dn < 0 THEN
    UPDATE inquiry_day_channel_counts
      SET n = n + dn, pending = pending + p, on_time = on_time + o, rated = rated + ra,
        satisfied = satisfied + s
      WHERE day = d AND channel_code = c AND reply_day = r;
  ELSE
    INSERT INTO inquiry_day_channel_counts (day, channel_code, reply_day, n, pending, on_time, rated, satisfied)
      VALUES (d, c, r, dn, p, o, ra, s)
      ON CONFLICT (day, channel_code, reply_day) DO UPDATE SET
        n = inquiry_day_channel_counts.n + excluded.n,
        pending = inquiry_day_channel_counts.pending + excluded.pending,
        on_time = inquiry_day_channel_counts.on_time + excluded.on_time,
        rated = inquiry_day_channel_counts.rated + excluded.rated,
        satisfied = inquiry_day_channel_counts.satisfied + excluded.satisfied;
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION inquiry_day_channel_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO inquiry_day_channel_counts (day, channel_code, reply_day, n, pending, on_time, rated, satisfied)
    SELECT (received_at + 28800000) / 86400000 AS day, channel_code,
      coalesce((replied_at + 28800000) / 86400000, -1) AS reply_day, count(*)::integer AS n,
      (count(*) FILTER (WHERE status IN ('new', 'assigned')))::integer AS pending,
      (count(*) FILTER (WHERE replied_at <= coalesce(first_due_at, due_at)))::integer AS on_time,
      (count(*) FILTER (WHERE coalesce(satisfaction, '') <> ''))::integer AS rated,
      (count(*) FILTER (WHERE satisfaction IN ('satisfied', 'basically_satisfied')))::integer AS satisfied
    FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (day, channel_code, reply_day) DO UPDATE SET
      n = inquiry_day_channel_counts.n + excluded.n,
      pending = inquiry_day_channel_counts.pending + excluded.pending,
      on_time = inquiry_day_channel_counts.on_time + excluded.on_time,
      rated = inquiry_day_channel_counts.rated + excluded.rated,
      satisfied = inquiry_day_channel_counts.satisfied + excluded.satisfied;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION inquiry_day_channel_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  g record;
BEGIN
  FOR g IN SELECT (received_at + 28800000) / 86400000 AS day, channel_code,
      coalesce((replied_at + 28800000) / 86400000, -1) AS reply_day, count(*)::integer AS n,
      (count(*) FILTER (WHERE status IN ('new', 'assigned')))::integer AS pending,
      (count(*) FILTER (WHERE replied_at <= coalesce(first_due_at, due_at)))::integer AS on_time,
      (count(*) FILTER (WHERE coalesce(satisfaction, '') <> ''))::integer AS rated,
      (count(*) FILTER (WHERE satisfaction IN ('satisfied', 'basically_satisfied')))::integer AS satisfied
    FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  LOOP
    PERFORM inquiry_day_channel_counts_add(g.day, g.channel_code, g.reply_day, -g.n, -g.pending,
      -g.on_time, -g.rated, -g.satisfied);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- An update takes its two rows in key order, so two transactions moving inquiries between the
-- same rows cannot deadlock.
CREATE FUNCTION inquiry_day_channel_counts_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF ((OLD.received_at + 28800000) / 86400000, OLD.channel_code, coalesce((OLD.replied_at + 28800000) / 86400000, -1)) < ((NEW.received_at + 28800000) / 86400000, NEW.channel_code, coalesce((NEW.replied_at + 28800000) / 86400000, -1)) THEN
    PERFORM inquiry_day_channel_counts_add((OLD.received_at + 28800000) / 86400000, OLD.channel_code, coalesce((OLD.replied_at + 28800000) / 86400000, -1),
      -1, CASE WHEN OLD.status IN ('new', 'assigned') THEN -1 ELSE 0 END,
      CASE WHEN OLD.replied_at <= coalesce(OLD.first_due_at, OLD.due_at) THEN -1 ELSE 0 END,
      CASE WHEN coalesce(OLD.satisfaction, '') <> '' THEN -1 ELSE 0 END,
      CASE WHEN OLD.satisfaction IN ('satisfied', 'basically_satisfied') THEN -1 ELSE 0 END);
    PERFORM inquiry_day_channel_counts_add((NEW.received_at + 28800000) / 86400000, NEW.channel_code, coalesce((NEW.replied_at + 28800000) / 86400000, -1),
      1, CASE WHEN NEW.status IN ('new', 'assigned') THEN 1 ELSE 0 END,
      CASE WHEN NEW.replied_at <= coalesce(NEW.first_due_at, NEW.due_at) THEN 1 ELSE 0 END,
      CASE WHEN coalesce(NEW.satisfaction, '') <> '' THEN 1 ELSE 0 END,
      CASE WHEN NEW.satisfaction IN ('satisfied', 'basically_satisfied') THEN 1 ELSE 0 END);
  ELSE
    PERFORM inquiry_day_channel_counts_add((NEW.received_at + 28800000) / 86400000, NEW.channel_code, coalesce((NEW.replied_at + 28800000) / 86400000, -1),
      1, CASE WHEN NEW.status IN ('new', 'assigned') THEN 1 ELSE 0 END,
      CASE WHEN NEW.replied_at <= coalesce(NEW.first_due_at, NEW.due_at) THEN 1 ELSE 0 END,
      CASE WHEN coalesce(NEW.satisfaction, '') <> '' THEN 1 ELSE 0 END,
      CASE WHEN NEW.satisfaction IN ('satisfied', 'basically_satisfied') THEN 1 ELSE 0 END);
    PERFORM inquiry_day_channel_counts_add((OLD.received_at + 28800000) / 86400000, OLD.channel_code, coalesce((OLD.replied_at + 28800000) / 86400000, -1),
      -1, CASE WHEN OLD.status IN ('new', 'assigned') THEN -1 ELSE 0 END,
      CASE WHEN OLD.replied_at <= coalesce(OLD.first_due_at, OLD.due_at) THEN -1 ELSE 0 END,
      CASE WHEN coalesce(OLD.satisfaction, '') <> '' THEN -1 ELSE 0 END,
      CASE WHEN OLD.satisfaction IN ('satisfied', 'basically_satisfied') THEN -1 ELSE 0 END);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER inquiry_day_channel_counts_ai AFTER INSERT ON inquiries REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE PROCEDURE inquiry_day_channel_counts_insert();
--> statement-breakpoint
CREATE TRIGGER inquiry_day_channel_counts_ad AFTER DELETE ON inquiries REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE PROCEDURE inquiry_day_channel_counts_delete();
--> statement-breakpoint
CREATE TRIGGER inquiry_day_channel_counts_au
  AFTER UPDATE OF received_at, channel_code, status, replied_at, due_at, first_due_at, satisfaction ON inquiries
  FOR EACH ROW WHEN (OLD.received_at IS DISTINCT FROM NEW.received_at
    OR OLD.channel_code IS DISTINCT FROM NEW.channel_code
    OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.replied_at IS DISTINCT FROM NEW.replied_at
    OR OLD.due_at IS DISTINCT FROM NEW.due_at
    OR OLD.first_due_at IS DISTINCT FROM NEW.first_due_at
    OR OLD.satisfaction IS DISTINCT FROM NEW.satisfaction)
  EXECUTE PROCEDURE inquiry_day_channel_counts_keep();
