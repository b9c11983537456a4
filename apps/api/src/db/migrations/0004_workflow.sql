CREATE TABLE `channel_settings` (
	`channel_code` text PRIMARY KEY NOT NULL,
	`requires_sign_off` integer DEFAULT false NOT NULL,
	`webhook_url` text,
	`webhook_secret` text,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`channel_code`) REFERENCES `channels`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_name_unique` ON `departments` (`name`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inquiry_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`reopened` integer DEFAULT false NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follow_ups_inquiry_idx` ON `follow_ups` (`inquiry_id`,`id`);--> statement-breakpoint
CREATE TABLE `outbox_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inquiry_id` integer NOT NULL,
	`reply_id` integer NOT NULL,
	`channel_code` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`last_attempt_at` integer,
	`delivered_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reply_id`) REFERENCES `replies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`channel_code`) REFERENCES `channels`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_messages_idempotencyKey_unique` ON `outbox_messages` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox_messages` (`status`,`next_attempt_at`,`id`);--> statement-breakpoint
CREATE INDEX `outbox_inquiry_idx` ON `outbox_messages` (`inquiry_id`,`id`);--> statement-breakpoint
CREATE TABLE `reply_drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inquiry_id` integer NOT NULL,
	`number` integer NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`author_id` integer,
	`created_at` integer NOT NULL,
	`reviewed_by` integer,
	`reviewed_at` integer,
	`review_comment` text,
	`reply_id` integer,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reply_id`) REFERENCES `replies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reply_drafts_inquiry_number_uq` ON `reply_drafts` (`inquiry_id`,`number`);--> statement-breakpoint
CREATE INDEX `reply_drafts_status_idx` ON `reply_drafts` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `reply_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`category` text,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `return_reasons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`label` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `return_reasons_label_unique` ON `return_reasons` (`label`);--> statement-breakpoint
ALTER TABLE `inquiries` ADD `department_id` integer REFERENCES departments(id);--> statement-breakpoint
ALTER TABLE `inquiries` ADD `duplicate_of_id` integer REFERENCES inquiries(id);--> statement-breakpoint
ALTER TABLE `inquiries` ADD `satisfaction` text;--> statement-breakpoint
CREATE INDEX `inquiries_department_status_idx` ON `inquiries` (`department_id`,`status`);--> statement-breakpoint
CREATE INDEX `inquiries_duplicate_of_idx` ON `inquiries` (`duplicate_of_id`);--> statement-breakpoint
ALTER TABLE `replies` ADD `approved_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `replies` ADD `posted_at` integer;--> statement-breakpoint
ALTER TABLE `replies` ADD `posted_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `users` ADD `department_id` integer REFERENCES departments(id);