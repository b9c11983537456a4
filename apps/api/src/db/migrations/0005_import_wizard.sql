CREATE TABLE `import_presets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel_code` text NOT NULL,
	`name` text NOT NULL,
	`headers` text NOT NULL,
	`columns` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`channel_code`) REFERENCES `channels`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_presets_channel_name_uq` ON `import_presets` (`channel_code`,`name`);--> statement-breakpoint
CREATE TABLE `import_uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`size` integer NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `import_batches` ADD `kind` text DEFAULT 'import' NOT NULL;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `status` text DEFAULT 'written' NOT NULL;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `upload_id` text;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `options` text;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `sheet` text;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `preset` text;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `phase` text;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `rows_done` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `rows_total` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `failure` text;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `finished_at` integer;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `undone_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `import_batches` ADD `undone_at` integer;