-- External ids are compared without ASCII case from here on (domain externalIdKey): the unique
-- (channel, external id) index holds lower(external_id collate "C") (the C collation folds ASCII
-- only, as SQLite's lower() does), so `MX-T7-1` and `mx-t7-1` on one channel are one inquiry, and
-- a lookup in any case is one seek on it. Where an earlier version let two inquiries of one channel
-- differ only in case, the oldest keeps its id and each other becomes <id>-<inquiry id>: no
-- inquiry is lost, and every rename is written to the audit log (external_id_renamed, with the old
-- and the new id) for staff to merge the duplicate.
INSERT INTO "audit_log" ("at", "actor_id", "actor_name", "action", "target", "detail")
SELECT (extract(epoch from now()) * 1000)::bigint, NULL, NULL, 'external_id_renamed', 'inquiry:' || i."id",
  json_build_object('channel', i."channel_code", 'from', i."external_id", 'to', i."external_id" || '-' || i."id", 'reason', 'case_clash')::text
FROM "inquiries" i
WHERE EXISTS (SELECT 1 FROM "inquiries" o WHERE o."channel_code" = i."channel_code"
  AND lower(o."external_id" collate "C") = lower(i."external_id" collate "C") AND o."id" < i."id")
ORDER BY i."id";
--> statement-breakpoint
UPDATE "inquiries" SET "external_id" = "external_id" || '-' || "id"
WHERE EXISTS (SELECT 1 FROM "inquiries" o WHERE o."channel_code" = "inquiries"."channel_code"
  AND lower(o."external_id" collate "C") = lower("inquiries"."external_id" collate "C") AND o."id" < "inquiries"."id");
--> statement-breakpoint
DROP INDEX "inquiries_channel_external_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "inquiries_channel_external_uq" ON "inquiries" USING btree ("channel_code",lower("external_id" collate "C"));
