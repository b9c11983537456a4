ALTER TABLE `attachments` ADD `draft_id` integer REFERENCES reply_drafts(id) ON DELETE SET NULL;
