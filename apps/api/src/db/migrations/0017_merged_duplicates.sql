-- A duplicate merged into another inquiry is answered through it and no longer counts as pending
-- (the lifecycle's `merged` status, packages/domain/src/inquiry/lifecycle.ts). Duplicates merged
-- before that status existed and not yet answered take it now; the counters' and day summaries'
-- triggers (0006, 0009) move them out of the pending counts in the same statement.
UPDATE `inquiries` SET `status` = 'merged', `version` = `version` + 1
  WHERE `duplicate_of_id` IS NOT NULL AND `status` IN ('new', 'assigned');
