DROP INDEX `inquiries_status_due_idx`;--> statement-breakpoint
DROP INDEX `inquiries_batch_idx`;--> statement-breakpoint
DROP INDEX `inquiries_duplicate_of_idx`;--> statement-breakpoint
CREATE INDEX `inquiries_batch_idx` ON `inquiries` (`import_batch_id`) WHERE import_batch_id is not null;--> statement-breakpoint
CREATE INDEX `inquiries_duplicate_of_idx` ON `inquiries` (`duplicate_of_id`) WHERE duplicate_of_id is not null;