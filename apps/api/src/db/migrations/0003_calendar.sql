CREATE TABLE `calendar_days` (
	`date` text PRIMARY KEY NOT NULL,
	`is_off_day` integer NOT NULL,
	`name` text,
	`source` text NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `calendar_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`loaded_at` integer NOT NULL,
	`loaded_by` integer,
	FOREIGN KEY (`loaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `clock_pauses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inquiry_id` integer NOT NULL,
	`reason` text NOT NULL,
	`paused_at` integer NOT NULL,
	`paused_by` integer,
	`resumed_at` integer,
	`resumed_by` integer,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`paused_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resumed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `clock_pauses_inquiry_idx` ON `clock_pauses` (`inquiry_id`,`id`);--> statement-breakpoint
CREATE TABLE `deadline_policies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`channel_code` text,
	`category` text,
	`valid_from` text,
	`valid_until` text,
	`rule` text NOT NULL,
	`amount` integer NOT NULL,
	`start` text NOT NULL,
	`end_of_day` text,
	`extension_amount` integer,
	`source` text NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`channel_code`) REFERENCES `channels`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `extension_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inquiry_id` integer NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`requested_by` integer,
	`requested_at` integer NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`decision_note` text,
	`old_due_at` integer,
	`new_due_at` integer,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `extension_requests_inquiry_idx` ON `extension_requests` (`inquiry_id`,`id`);--> statement-breakpoint
ALTER TABLE `inquiries` ADD `kind` text DEFAULT 'message' NOT NULL;--> statement-breakpoint
ALTER TABLE `inquiries` ADD `deadline_policy_id` integer REFERENCES deadline_policies(id);--> statement-breakpoint
ALTER TABLE `inquiries` ADD `deadline_rule` text;--> statement-breakpoint
ALTER TABLE `inquiries` ADD `paused_at` integer;