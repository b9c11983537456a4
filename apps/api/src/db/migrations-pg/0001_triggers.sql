-- What SQLite's migrations do with triggers (0006 per-channel counters, 0009 day summaries, 0015
-- append-only audit log), in PL/pgSQL, which openGauss and KingbaseES also run. `EXECUTE
-- PROCEDURE` rather than `EXECUTE FUNCTION` for the same reason (PostgreSQL 15 takes both).
--
-- Several API processes write at once here (SQLite has one writer): a change of status moves one
-- count down and another up, and two transactions doing so in opposite directions would lock the
-- two counter rows in opposite order and deadlock. So every trigger touches its counter rows in
-- ascending key order.
--
-- Per (channel, status): the queue's per-channel counts read this instead of scanning inquiries.
CREATE FUNCTION inquiry_counts_add(k inquiry_counts, delta integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF delta < 0 THEN
    UPDATE inquiry_counts SET n = n + delta WHERE channel_code = k.channel_code AND status = k.status;
  ELSE
    INSERT INTO inquiry_counts (channel_code, status, n) VALUES (k.channel_code, k.status, delta)
      ON CONFLICT (channel_code, status) DO UPDATE SET n = inquiry_counts.n + delta;
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION inquiry_counts_keep() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o inquiry_counts;
  w inquiry_counts;
BEGIN
  IF TG_OP <> 'INSERT' THEN o := ROW(OLD.channel_code, OLD.status, 0); END IF;
  IF TG_OP <> 'DELETE' THEN w := ROW(NEW.channel_code, NEW.status, 0); END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM inquiry_counts_add(w, 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM inquiry_counts_add(o, -1);
  ELSIF (o.channel_code, o.status) < (w.channel_code, w.status) THEN
    PERFORM inquiry_counts_add(o, -1);
    PERFORM inquiry_counts_add(w, 1);
  ELSE
    PERFORM inquiry_counts_add(w, 1);
    PERFORM inquiry_counts_add(o, -1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER inquiry_counts_aid AFTER INSERT OR DELETE ON inquiries
  FOR EACH ROW EXECUTE PROCEDURE inquiry_counts_keep();
--> statement-breakpoint
CREATE TRIGGER inquiry_counts_au AFTER UPDATE OF status, channel_code ON inquiries
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.channel_code IS DISTINCT FROM NEW.channel_code)
  EXECUTE PROCEDURE inquiry_counts_keep();
--> statement-breakpoint
-- Day summaries (see schema.ts): the Asia/Shanghai day of receipt is (received_at + 8 h) / 1 day
-- in integer division, as on SQLite; "on time" is 1 when the first reply came by the due instant.
CREATE FUNCTION inquiry_day_channel_stats_add(k inquiry_day_channel_stats, delta integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF delta < 0 THEN
    UPDATE inquiry_day_channel_stats SET n = n + delta
      WHERE day = k.day AND channel_code = k.channel_code AND status = k.status
        AND reply_day = k.reply_day AND on_time = k.on_time AND satisfaction = k.satisfaction;
  ELSE
    INSERT INTO inquiry_day_channel_stats (day, channel_code, status, reply_day, on_time, satisfaction, n)
      VALUES (k.day, k.channel_code, k.status, k.reply_day, k.on_time, k.satisfaction, delta)
      ON CONFLICT (day, channel_code, status, reply_day, on_time, satisfaction)
      DO UPDATE SET n = inquiry_day_channel_stats.n + delta;
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION inquiry_day_channel_stats_keep() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o inquiry_day_channel_stats;
  w inquiry_day_channel_stats;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    o := ROW((OLD.received_at + 28800000) / 86400000, OLD.channel_code, OLD.status,
      coalesce((OLD.replied_at + 28800000) / 86400000, -1),
      CASE WHEN OLD.replied_at <= OLD.due_at THEN 1 ELSE 0 END, coalesce(OLD.satisfaction, ''), 0);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    w := ROW((NEW.received_at + 28800000) / 86400000, NEW.channel_code, NEW.status,
      coalesce((NEW.replied_at + 28800000) / 86400000, -1),
      CASE WHEN NEW.replied_at <= NEW.due_at THEN 1 ELSE 0 END, coalesce(NEW.satisfaction, ''), 0);
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
CREATE TRIGGER inquiry_day_channel_stats_aid AFTER INSERT OR DELETE ON inquiries
  FOR EACH ROW EXECUTE PROCEDURE inquiry_day_channel_stats_keep();
--> statement-breakpoint
CREATE TRIGGER inquiry_day_channel_stats_au
  AFTER UPDATE OF received_at, channel_code, status, replied_at, due_at, satisfaction ON inquiries
  FOR EACH ROW WHEN (OLD.received_at IS DISTINCT FROM NEW.received_at
    OR OLD.channel_code IS DISTINCT FROM NEW.channel_code
    OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.replied_at IS DISTINCT FROM NEW.replied_at
    OR OLD.due_at IS DISTINCT FROM NEW.due_at
    OR OLD.satisfaction IS DISTINCT FROM NEW.satisfaction)
  EXECUTE PROCEDURE inquiry_day_channel_stats_keep();
--> statement-breakpoint
CREATE FUNCTION inquiry_day_workload_stats_add(k inquiry_day_workload_stats, delta integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF delta < 0 THEN
    UPDATE inquiry_day_workload_stats SET n = n + delta
      WHERE day = k.day AND category = k.category AND department_id = k.department_id
        AND assignee_id = k.assignee_id AND status = k.status;
  ELSE
    INSERT INTO inquiry_day_workload_stats (day, category, department_id, assignee_id, status, n)
      VALUES (k.day, k.category, k.department_id, k.assignee_id, k.status, delta)
      ON CONFLICT (day, category, department_id, assignee_id, status)
      DO UPDATE SET n = inquiry_day_workload_stats.n + delta;
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION inquiry_day_workload_stats_keep() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o inquiry_day_workload_stats;
  w inquiry_day_workload_stats;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    o := ROW((OLD.received_at + 28800000) / 86400000, coalesce(OLD.category, ''),
      coalesce(OLD.department_id, 0), coalesce(OLD.assignee_id, 0), OLD.status, 0);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    w := ROW((NEW.received_at + 28800000) / 86400000, coalesce(NEW.category, ''),
      coalesce(NEW.department_id, 0), coalesce(NEW.assignee_id, 0), NEW.status, 0);
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM inquiry_day_workload_stats_add(w, 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM inquiry_day_workload_stats_add(o, -1);
  ELSIF (o.day, o.category, o.department_id, o.assignee_id, o.status)
      < (w.day, w.category, w.department_id, w.assignee_id, w.status) THEN
    PERFORM inquiry_day_workload_stats_add(o, -1);
    PERFORM inquiry_day_workload_stats_add(w, 1);
  ELSE
    PERFORM inquiry_day_workload_stats_add(w, 1);
    PERFORM inquiry_day_workload_stats_add(o, -1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER inquiry_day_workload_stats_aid AFTER INSERT OR DELETE ON inquiries
  FOR EACH ROW EXECUTE PROCEDURE inquiry_day_workload_stats_keep();
--> statement-breakpoint
CREATE TRIGGER inquiry_day_workload_stats_au
  AFTER UPDATE OF received_at, category, department_id, assignee_id, status ON inquiries
  FOR EACH ROW WHEN (OLD.received_at IS DISTINCT FROM NEW.received_at
    OR OLD.category IS DISTINCT FROM NEW.category
    OR OLD.department_id IS DISTINCT FROM NEW.department_id
    OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id
    OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE PROCEDURE inquiry_day_workload_stats_keep();
--> statement-breakpoint
-- The audit log is append-only (等保 2.0 安全审计: no role may erase or alter audit records);
-- on PostgreSQL TRUNCATE is refused too. A superuser can still drop the trigger: grant the desk a
-- role that does not own the table where that matters.
CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE PROCEDURE audit_log_refuse();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE PROCEDURE audit_log_refuse();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE PROCEDURE audit_log_refuse();
