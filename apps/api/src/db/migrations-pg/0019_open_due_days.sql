CREATE TABLE "inquiry_open_due_days" (
	"day" integer NOT NULL,
	"due_day" integer NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "inquiry_open_due_days_day_due_day_dimension_value_pk" PRIMARY KEY("day","due_day","dimension","value")
);
--> statement-breakpoint
-- Open inquiries with a running clock (schema.pg.ts inquiryOpenDueDays) per day of receipt, day
-- of their due instant and dimension, so the dashboard's overdue count reads a few rows per day
-- instead of every pending row of the range. Counted: status new or assigned (domain
-- PENDING_STATUSES) and not paused, the queue's `due` predicate but for the instant. Kept as the
-- other summaries are (0015_statement_triggers): one grouped statement per INSERT or DELETE of
-- inquiries, a row trigger on UPDATE, rows touched in key order.
CREATE FUNCTION inquiry_open_due_days_of(received_at bigint, due_at bigint, channel_code text,
    category text, department_id integer, assignee_id integer)
  RETURNS TABLE (day bigint, due_day bigint, dimension text, value text)
  LANGUAGE sql IMMUTABLE AS $$
  SELECT (received_at + 28800000) / 86400000, (due_at + 28800000) / 86400000, d.dimension, d.value
  FROM (VALUES ('channel', channel_code), ('category', coalesce(category, '')),
    ('department', coalesce(department_id::text, '')), ('assignee', coalesce(assignee_id::text, ''))) d (dimension, value)
$$;
--> statement-breakpoint
INSERT INTO inquiry_open_due_days (day, due_day, dimension, value, n)
  SELECT k.day, k.due_day, k.dimension, k.value, count(*)
  FROM inquiries i, inquiry_open_due_days_of(i.received_at, i.due_at, i.channel_code, i.category, i.department_id, i.assignee_id) k
  WHERE i.status IN ('new', 'assigned') AND i.paused_at IS NULL
  GROUP BY 1, 2, 3, 4;--> statement-breakpoint
-- Adds dn (negative: removes) to the row of (d, dd, dim, v): a removal updates the row an insert made.
CREATE FUNCTION inquiry_open_due_days_add(d bigint, dd bigint, dim text, v text, dn bigint)
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF dn < 0 THEN
    UPDATE inquiry_open_due_days SET n = n + dn
      WHERE day = d AND due_day = dd AND dimension = dim AND value = v;
  ELSE
    INSERT INTO inquiry_open_due_days (day, due_day, dimension, value, n) VALUES (d, dd, dim, v, dn)
      ON CONFLICT (day, due_day, dimension, value) DO UPDATE SET n = inquiry_open_due_days.n + excluded.n;
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION inquiry_open_due_days_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO inquiry_open_due_days (day, due_day, dimension, value, n)
    SELECT k.day, k.due_day, k.dimension, k.value, count(*)
    FROM new_rows i, inquiry_open_due_days_of(i.received_at, i.due_at, i.channel_code, i.category, i.department_id, i.assignee_id) k
    WHERE i.status IN ('new', 'assigned') AND i.paused_at IS NULL
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (day, due_day, dimension, value) DO UPDATE SET n = inquiry_open_due_days.n + excluded.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION inquiry_open_due_days_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  g record;
BEGIN
  FOR g IN SELECT k.day, k.due_day, k.dimension, k.value, count(*) AS n
    FROM old_rows i, inquiry_open_due_days_of(i.received_at, i.due_at, i.channel_code, i.category, i.department_id, i.assignee_id) k
    WHERE i.status IN ('new', 'assigned') AND i.paused_at IS NULL
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  LOOP
    PERFORM inquiry_open_due_days_add(g.day, g.due_day, g.dimension, g.value, -g.n);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- An update removes the old row's counts and adds the new row's, netted per summary row and
-- applied in key order, so two transactions moving inquiries between the same rows cannot deadlock.
CREATE FUNCTION inquiry_open_due_days_keep() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  g record;
BEGIN
  FOR g IN SELECT c.day, c.due_day, c.dimension, c.value, sum(c.dn) AS dn FROM (
      SELECT k.*, -1 AS dn FROM inquiry_open_due_days_of(OLD.received_at, OLD.due_at, OLD.channel_code,
          OLD.category, OLD.department_id, OLD.assignee_id) k
        WHERE OLD.status IN ('new', 'assigned') AND OLD.paused_at IS NULL
      UNION ALL
      SELECT k.*, 1 FROM inquiry_open_due_days_of(NEW.received_at, NEW.due_at, NEW.channel_code,
          NEW.category, NEW.department_id, NEW.assignee_id) k
        WHERE NEW.status IN ('new', 'assigned') AND NEW.paused_at IS NULL) c
    GROUP BY 1, 2, 3, 4 HAVING sum(c.dn) <> 0 ORDER BY 1, 2, 3, 4
  LOOP
    PERFORM inquiry_open_due_days_add(g.day, g.due_day, g.dimension, g.value, g.dn);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER inquiry_open_due_days_ai AFTER INSERT ON inquiries REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE PROCEDURE inquiry_open_due_days_insert();
--> statement-breakpoint
CREATE TRIGGER inquiry_open_due_days_ad AFTER DELETE ON inquiries REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE PROCEDURE inquiry_open_due_days_delete();
--> statement-breakpoint
CREATE TRIGGER inquiry_open_due_days_au
  AFTER UPDATE OF received_at, due_at, status, paused_at, channel_code, category, department_id, assignee_id ON inquiries
  FOR EACH ROW WHEN ((OLD.status IN ('new', 'assigned') AND OLD.paused_at IS NULL
      OR NEW.status IN ('new', 'assigned') AND NEW.paused_at IS NULL)
    AND (OLD.received_at IS DISTINCT FROM NEW.received_at
      OR OLD.due_at IS DISTINCT FROM NEW.due_at
      OR OLD.status IS DISTINCT FROM NEW.status
      OR OLD.paused_at IS DISTINCT FROM NEW.paused_at
      OR OLD.channel_code IS DISTINCT FROM NEW.channel_code
      OR OLD.category IS DISTINCT FROM NEW.category
      OR OLD.department_id IS DISTINCT FROM NEW.department_id
      OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id))
  EXECUTE PROCEDURE inquiry_open_due_days_keep();
